package uk.gov.dps.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import uk.gov.dps.events.CloudEvents;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.EventJson;
import uk.gov.dps.events.Topics;
import uk.gov.dps.events.provider.ProviderRegistered;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.RealInfrastructure;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.TopicReader;

/** The outbox, inbox and dead-letter guarantees, against a real Kafka broker and a real PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class MessagingGuaranteesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    TestRegistrations registrations;

    @Inject
    Outbox outbox;

    @Inject
    MessagingTestSupport db;

    @Test
    void anEventIsPublishedOnlyIfItsTransactionCommits() {
        UUID rolledBack = UUID.randomUUID();
        UUID committed = UUID.randomUUID();
        try (TopicReader topic = reader(Topics.PROVIDERS)) {
            assertThatThrownBy(() -> registrations.registerThenFail(rolledBack, "Rolled Back Ltd"))
                    .isInstanceOf(IllegalStateException.class);
            registrations.register(committed, "Committed Ltd");

            // The relay publishes in commit order, so once the later event is out the earlier one would be too.
            topic.await(r -> committed.toString().equals(r.key()), PATIENCE);
            assertThat(topic.seen()).noneMatch(r -> rolledBack.toString().equals(r.key()));
            assertThat(db.count("SELECT count(*) FROM test_registration WHERE id = ?", rolledBack)).isZero();
            assertThat(db.pendingInOutbox(rolledBack)).isZero();
        }
    }

    @Test
    void aPublishedEventIsABinaryModeCloudEventKeyedByItsAggregate() {
        UUID id = UUID.randomUUID();
        Instant before = Instant.now();
        registrations.register(id, "Headers Ltd");
        try (TopicReader topic = reader(Topics.PROVIDERS)) {
            ConsumerRecord<String, String> record = topic.await(r -> id.toString().equals(r.key()), PATIENCE);
            assertThat(header(record, CloudEvents.HEADER_SPEC_VERSION)).isEqualTo("1.0");
            assertThat(UUID.fromString(header(record, CloudEvents.HEADER_ID))).isNotNull();
            assertThat(header(record, CloudEvents.HEADER_SOURCE)).isEqualTo("messaging-test");
            assertThat(header(record, CloudEvents.HEADER_TYPE)).isEqualTo("dps.provider.registered.v1");
            assertThat(header(record, CloudEvents.HEADER_SUBJECT)).isEqualTo(id.toString());
            assertThat(Instant.parse(header(record, CloudEvents.HEADER_TIME))).isAfterOrEqualTo(before.minusSeconds(1));
            assertThat(header(record, CloudEvents.HEADER_CONTENT_TYPE)).isEqualTo("application/json");
            assertThat(record.value()).contains("\"name\":\"Headers Ltd\"");
        }
        await().atMost(PATIENCE).until(() -> db.pendingInOutbox(id) == 0);
    }

    @Test
    void eventsWrittenWhileKafkaIsDownAreDeliveredInOrderPerKeyOnceItIsBack() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        SharedInfrastructure.kafkaOutage(() -> {
            for (int version = 1; version <= 3; version++) {
                publish(first, "First v" + version);
                publish(second, "Second v" + version);
            }
            // Kafka is down: the events wait, durable, in the outbox.
            assertThat(db.pendingInOutbox(first)).isEqualTo(3);
            assertThat(db.pendingInOutbox(second)).isEqualTo(3);
        });

        try (TopicReader topic = reader(Topics.PROVIDERS)) {
            topic.await(r -> first.toString().equals(r.key()) && r.value().contains("First v3"), Duration.ofSeconds(90));
            topic.await(r -> second.toString().equals(r.key()) && r.value().contains("Second v3"), PATIENCE);
            // At least once: a batch retried after the outage may repeat events, never reorder them.
            assertThat(firstSeenOrder(topic.seen(), first)).containsExactly("First v1", "First v2", "First v3");
            assertThat(firstSeenOrder(topic.seen(), second)).containsExactly("Second v1", "Second v2", "Second v3");
        }
        await().atMost(PATIENCE).until(() -> db.pendingInOutbox(first) + db.pendingInOutbox(second) == 0);
    }

    @Test
    void aRedeliveredEventHasNoSecondEffect() {
        UUID provider = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        try (RawEvents raw = new RawEvents(SharedInfrastructure.kafkaBootstrapServers())) {
            raw.send(Topics.PROVIDERS, provider.toString(), headers(eventId, provider), payload(provider, "Twice Ltd"));
            raw.send(Topics.PROVIDERS, provider.toString(), headers(eventId, provider), payload(provider, "Twice Ltd"));
            raw.send(Topics.PROVIDERS, provider.toString(), headers(UUID.randomUUID().toString(), marker),
                    payload(marker, "Marker Ltd"));
        }
        // Same key, so same partition and in order: once the marker is applied, both copies have been consumed.
        await().atMost(PATIENCE).until(() -> db.applied(marker) == 1);
        assertThat(db.applied(provider)).isEqualTo(1);
        assertThat(db.count("SELECT count(*) FROM processed_event WHERE event_id = ?", eventId)).isEqualTo(1);
    }

    @Test
    void aBacklogIsAppliedInSharedTransactionsEachEventOnce() {
        String key = UUID.randomUUID().toString(); // one key: one partition, in order
        List<UUID> providers = new ArrayList<>();
        List<String> eventIds = new ArrayList<>();
        try (RawEvents raw = new RawEvents(SharedInfrastructure.kafkaBootstrapServers())) {
            for (int i = 0; i < 300; i++) {
                UUID provider = UUID.randomUUID();
                String eventId = UUID.randomUUID().toString();
                raw.sendWithoutWaiting(Topics.PROVIDERS, key, headers(eventId, provider), payload(provider, "Backlog Ltd"));
                providers.add(provider);
                eventIds.add(eventId);
            }
            raw.flush();
        }
        String[] ids = eventIds.toArray(String[]::new);
        await().atMost(PATIENCE).until(() -> db.count("SELECT count(*) FROM processed_event WHERE event_id = ANY (?)",
                (Object) ids) == ids.length);
        assertThat(providers).allMatch(provider -> db.applied(provider) == 1);
        // processed_at is the start of the transaction that applied the event: batches shared transactions
        assertThat(db.count("SELECT count(DISTINCT processed_at) FROM processed_event WHERE event_id = ANY (?)",
                (Object) ids)).isLessThan(ids.length / 3);
    }

    @Test
    void poisonEventsLandInTheDeadLetterTopicAndTheNextGoodEventIsStillProcessed() {
        UUID unreadable = UUID.randomUUID();
        UUID rejected = UUID.randomUUID();
        UUID notACloudEvent = UUID.randomUUID();
        UUID good = UUID.randomUUID();
        try (RawEvents raw = new RawEvents(SharedInfrastructure.kafkaBootstrapServers())) {
            raw.send(Topics.PROVIDERS, unreadable.toString(), headers(UUID.randomUUID().toString(), unreadable),
                    "{\"providerId\": \"" + unreadable + "\", \"name\": ");
            // valid JSON the handler refuses: a provider without a name
            raw.send(Topics.PROVIDERS, rejected.toString(), headers(UUID.randomUUID().toString(), rejected),
                    payload(rejected, " "));
            raw.send(Topics.PROVIDERS, notACloudEvent.toString(), Map.of(), payload(notACloudEvent, "No Headers Ltd"));
            raw.send(Topics.PROVIDERS, good.toString(), headers(UUID.randomUUID().toString(), good),
                    payload(good, "Good Ltd"));
        }
        await().atMost(PATIENCE).until(() -> db.applied(good) == 1);

        try (TopicReader dlq = reader(Topics.deadLetter(Topics.PROVIDERS))) {
            for (UUID poison : List.of(unreadable, rejected, notACloudEvent)) {
                ConsumerRecord<String, String> parked = dlq.await(r -> poison.toString().equals(r.key()), PATIENCE);
                assertThat(header(parked, "dead-letter-reason")).isNotBlank();
                assertThat(header(parked, "dead-letter-topic")).isEqualTo(Topics.PROVIDERS);
            }
            assertThat(header(dlq.await(r -> unreadable.toString().equals(r.key()), PATIENCE), "dead-letter-reason"))
                    .contains("does not match ProviderRegistered");
        }
        assertThat(db.applied(unreadable) + db.applied(rejected) + db.applied(notACloudEvent)).isZero();
    }

    private void publish(UUID provider, String name) {
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(EventCatalog.PROVIDER_REGISTERED, provider,
                new ProviderRegistered(provider, name, null, null, null, "CB1 1AA", Instant.now())));
    }

    private static TopicReader reader(String topic) {
        return new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), topic);
    }

    private static Map<String, String> headers(String eventId, UUID subject) {
        return Map.of(CloudEvents.HEADER_SPEC_VERSION, "1.0", CloudEvents.HEADER_ID, eventId,
                CloudEvents.HEADER_SOURCE, "provider-service", CloudEvents.HEADER_TYPE, "dps.provider.registered.v1",
                CloudEvents.HEADER_SUBJECT, subject.toString());
    }

    private static String payload(UUID provider, String name) {
        try {
            return EventJson.mapper().writeValueAsString(
                    new ProviderRegistered(provider, name, null, null, null, "CB1 1AA", Instant.now()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> firstSeenOrder(List<ConsumerRecord<String, String>> records, UUID key) {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (ConsumerRecord<String, String> r : records) {
            if (key.toString().equals(r.key())) {
                names.add(EventJson.mapper().convertValue(readTree(r.value()).get("name"), String.class));
            }
        }
        return new ArrayList<>(names);
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String json) {
        try {
            return EventJson.mapper().readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
