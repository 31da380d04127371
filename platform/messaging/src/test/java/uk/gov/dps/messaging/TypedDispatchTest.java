package uk.gov.dps.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import uk.gov.dps.events.CloudEvents;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.EventJson;
import uk.gov.dps.events.Topics;
import uk.gov.dps.events.provider.ProviderRegistered;
import uk.gov.dps.events.provider.ProviderWithdrawn;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.RealInfrastructure;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.TopicReader;

/**
 * Dispatch by {@link EventHandlers} through the {@link Inbox} ({@link TestProjection} handles registrations and
 * withdrawals of dps.providers), against a real Kafka broker and a real PostgreSQL.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class TypedDispatchTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String CONSUMER = "test-projection";

    @Inject
    MessagingTestSupport db;

    @Inject
    MeterRegistry metrics;

    @Test
    void aHandlerGetsThePayloadAsItsRecordAndTheEventWhenItAsksForIt() {
        UUID provider = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        try (RawEvents raw = new RawEvents(SharedInfrastructure.kafkaBootstrapServers())) {
            raw.sendEvent(eventId, EventCatalog.PROVIDER_WITHDRAWN, provider,
                    new ProviderWithdrawn(provider, List.of(UUID.randomUUID()), "Closing down", Instant.now()));
        }
        await().atMost(PATIENCE).until(() -> db.count(
                "SELECT count(*) FROM test_withdrawal WHERE provider_id = ? AND event_id = ?", provider, eventId) == 1);
    }

    @Test
    void anUnhandledTypeIsAcknowledgedAndCountedOnceWhileAPayloadThatBreaksItsContractIsDeadLettered() {
        String key = UUID.randomUUID().toString(); // one key: one partition, read and dead-lettered in order
        String notHandled = UUID.randomUUID().toString();
        String newType = UUID.randomUUID().toString();
        String wrongShape = UUID.randomUUID().toString();
        String nullPayload = UUID.randomUUID().toString();
        UUID marker = UUID.randomUUID();
        double notHandledBefore = unhandled(EventCatalog.APPLICATION_SUBMITTED.type());
        double newTypeBefore = unhandled("dps.provider.renamed.v1");
        try (RawEvents raw = new RawEvents(SharedInfrastructure.kafkaBootstrapServers())) {
            // a catalogue type this consumer does not handle, and a type added after the consumer was written
            raw.send(Topics.PROVIDERS, key, headers(notHandled, EventCatalog.APPLICATION_SUBMITTED.type()), "{}");
            raw.send(Topics.PROVIDERS, key, headers(newType, "dps.provider.renamed.v1"),
                    "{\"providerId\": \"" + UUID.randomUUID() + "\", \"name\": \"Renamed Ltd\"}");
            // handled types whose payloads do not fit ProviderWithdrawn
            raw.send(Topics.PROVIDERS, key, headers(wrongShape, EventCatalog.PROVIDER_WITHDRAWN.type()),
                    "{\"providerId\": \"not a uuid\", \"lotIds\": []}");
            raw.send(Topics.PROVIDERS, key, headers(nullPayload, EventCatalog.PROVIDER_WITHDRAWN.type()), "null");
            raw.send(Topics.PROVIDERS, key, headers(UUID.randomUUID().toString(),
                    EventCatalog.PROVIDER_REGISTERED.type()), registration(marker));
        }
        await().atMost(PATIENCE).until(() -> db.applied(marker) == 1);

        try (TopicReader dlq = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(),
                Topics.deadLetter(Topics.PROVIDERS))) {
            ConsumerRecord<String, String> parked = dlq.await(r -> wrongShape.equals(id(r)), PATIENCE);
            assertThat(header(parked, "dead-letter-reason")).contains("does not match ProviderWithdrawn");
            assertThat(header(dlq.await(r -> nullPayload.equals(id(r)), PATIENCE), "dead-letter-reason"))
                    .contains("is null");
            // the unhandled events came first on the same partition: parked, they would be on the DLQ before these
            assertThat(dlq.seen()).noneMatch(r -> notHandled.equals(id(r)) || newType.equals(id(r)));
        }
        for (String acknowledged : List.of(notHandled, newType)) {
            assertThat(db.count("SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?", CONSUMER,
                    acknowledged)).isEqualTo(1);
        }
        for (String poison : List.of(wrongShape, nullPayload)) {
            assertThat(db.count("SELECT count(*) FROM processed_event WHERE event_id = ?", poison)).isZero();
        }
        // once each, although a batch with a poison event in it is rolled back and applied again one by one
        assertThat(unhandled(EventCatalog.APPLICATION_SUBMITTED.type())).isEqualTo(notHandledBefore + 1);
        assertThat(unhandled("dps.provider.renamed.v1")).isEqualTo(newTypeBefore + 1);
    }

    @Test
    void aTypeCannotHaveTwoHandlers() {
        EventHandlers.Builder builder = EventHandlers.builder().on(EventCatalog.PROVIDER_REGISTERED, registered -> {
        });
        assertThatThrownBy(() -> builder.on(EventCatalog.PROVIDER_REGISTERED, (registered, event) -> {
        })).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dps.provider.registered.v1");
    }

    private double unhandled(String type) {
        Counter counter = metrics.find("dps.inbox.unhandled").tag("consumer", CONSUMER).tag("type", type).counter();
        return counter == null ? 0 : counter.count();
    }

    private static Map<String, String> headers(String eventId, String type) {
        return Map.of(CloudEvents.HEADER_SPEC_VERSION, "1.0", CloudEvents.HEADER_ID, eventId,
                CloudEvents.HEADER_SOURCE, "provider-service", CloudEvents.HEADER_TYPE, type);
    }

    private static String registration(UUID provider) {
        try {
            return EventJson.mapper().writeValueAsString(
                    new ProviderRegistered(provider, "Marker Ltd", null, null, null, "CB1 1AA", Instant.now()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String id(ConsumerRecord<String, String> record) {
        return header(record, CloudEvents.HEADER_ID);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
