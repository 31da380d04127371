package uk.gov.dps.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

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
import uk.gov.dps.testing.MetricsScrape;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.RealInfrastructure;
import uk.gov.dps.testing.SharedInfrastructure;

/**
 * The messaging metrics ops alert on, read as Prometheus reads them (a scrape of /q/metrics), against a real Kafka
 * broker and a real PostgreSQL: the outbox gauges follow a relay that falls behind and catches up, and the inbox
 * counts what it applied, what failed and what it parked.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
class MessagingMetricsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String CONSUMER = "test-projection";
    private static final Map<String, String> SERVICE = Map.of("service", "messaging-test");

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    DataSource dataSource;

    @Inject
    MessagingTestSupport db;

    @Test
    void theOutboxGaugesShowABacklogAndItsAgeWhileTheRelayIsBehindAndFallBackOnceItCatchesUp() throws Exception {
        UUID provider = UUID.randomUUID();
        // Another replica holding the relay's lock: this one cannot send, as when it is stuck or Kafka is slow.
        try (Connection otherReplica = dataSource.getConnection()) {
            lock(otherReplica, "SELECT pg_advisory_lock(?)");
            try {
                behind(provider);
            } finally {
                lock(otherReplica, "SELECT pg_advisory_unlock(?)");
            }
        }
        double publishedBefore = scrape().sum("dps_outbox_published_total",
                Map.of("type", EventCatalog.PROVIDER_REGISTERED.type()));
        relay.wake();
        await().atMost(PATIENCE).until(() -> db.pendingInOutbox(provider) == 0);
        await().atMost(PATIENCE).untilAsserted(() -> {
            MetricsScrape caughtUp = scrape();
            assertThat(caughtUp.value("dps_outbox_backlog_events", SERVICE)).isZero();
            assertThat(caughtUp.value("dps_outbox_oldest_age_seconds", SERVICE)).isZero();
            assertThat(caughtUp.sum("dps_outbox_published_total", Map.of("type", EventCatalog.PROVIDER_REGISTERED.type())))
                    .isGreaterThanOrEqualTo(publishedBefore + 3);
        });
    }

    /** Three events written while the relay cannot send: the backlog counts them and their age grows. */
    private void behind(UUID provider) throws InterruptedException {
        for (int i = 1; i <= 3; i++) {
            publish(provider, "Behind Ltd v" + i);
        }
        assertThat(db.pendingInOutbox(provider)).isEqualTo(3);
        Thread.sleep(300); // past the gauges' last reading
        MetricsScrape first = scrape();
        assertThat(first.value("dps_outbox_backlog_events", SERVICE)).isGreaterThanOrEqualTo(3);
        double firstAge = first.value("dps_outbox_oldest_age_seconds", SERVICE);

        Thread.sleep(2_100);
        MetricsScrape later = scrape();
        assertThat(later.value("dps_outbox_backlog_events", SERVICE)).isGreaterThanOrEqualTo(3);
        assertThat(later.value("dps_outbox_oldest_age_seconds", SERVICE)).isGreaterThanOrEqualTo(firstAge + 2);
    }

    @Test
    void theInboxCountsEventsConsumedAndFailedPerTypeAndTheDeadLettersItParks() {
        String registered = EventCatalog.PROVIDER_REGISTERED.type();
        String withdrawn = EventCatalog.PROVIDER_WITHDRAWN.type();
        Map<String, String> consumedLabels = Map.of("service", "messaging-test", "consumer", CONSUMER, "type", registered);
        Map<String, String> failedLabels = Map.of("consumer", CONSUMER, "type", withdrawn);
        Map<String, String> parkedLabels = Map.of("consumer", CONSUMER, "topic", Topics.PROVIDERS);
        MetricsScrape before = scrape();

        String key = UUID.randomUUID().toString(); // one key: one partition, in order
        UUID good = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        try (RawEvents raw = new RawEvents(SharedInfrastructure.kafkaBootstrapServers())) {
            raw.send(Topics.PROVIDERS, key, headers(registered), registration(good));
            // a withdrawal whose payload breaks its contract: failed, and parked on dps.providers.dlq
            raw.send(Topics.PROVIDERS, key, headers(withdrawn), "{\"providerId\": \"not a uuid\", \"lotIds\": []}");
            raw.send(Topics.PROVIDERS, key, headers(registered), registration(marker));
        }
        await().atMost(PATIENCE).until(() -> db.applied(marker) == 1);

        MetricsScrape after = scrape();
        assertThat(after.sum("dps_events_consumed_total", consumedLabels))
                .isEqualTo(before.sum("dps_events_consumed_total", consumedLabels) + 2);
        assertThat(after.sum("dps_events_failed_total", failedLabels))
                .isEqualTo(before.sum("dps_events_failed_total", failedLabels) + 1);
        assertThat(after.sum("dps_dead_letters_parked_total", parkedLabels))
                .isEqualTo(before.sum("dps_dead_letters_parked_total", parkedLabels) + 1);
        assertThat(after.sum("dps_inbox_processing_seconds_count", Map.of("consumer", CONSUMER)))
                .isGreaterThan(before.sum("dps_inbox_processing_seconds_count", Map.of("consumer", CONSUMER)));
        assertThat(after.series("dps_inbox_processing_seconds_bucket", Map.of("consumer", CONSUMER)))
                .as("a histogram, so dashboards can show percentiles across replicas").isNotEmpty();
    }

    @Test
    void theConsumersLagPerPartitionIsExposed() {
        // Kafka's own client metrics, bound by Quarkus Micrometer: one series per assigned partition
        try (RawEvents raw = new RawEvents(SharedInfrastructure.kafkaBootstrapServers())) {
            raw.send(Topics.PROVIDERS, UUID.randomUUID().toString(), headers(EventCatalog.PROVIDER_REGISTERED.type()),
                    registration(UUID.randomUUID()));
        }
        // Micrometer's Kafka binder looks for new client metrics (a newly fetched partition) once a minute
        await().atMost(Duration.ofSeconds(100)).untilAsserted(() -> assertThat(
                scrape().series("kafka_consumer_fetch_manager_records_lag", Map.of("topic", Topics.PROVIDERS)))
                .isNotEmpty().allSatisfy(s -> assertThat(s.labels()).containsKeys("partition", "service")));
    }

    private static MetricsScrape scrape() {
        return MetricsScrape.parse(given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString());
    }

    private void publish(UUID provider, String name) {
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(EventCatalog.PROVIDER_REGISTERED, provider,
                new ProviderRegistered(provider, name, null, null, null, "CB1 1AA", Instant.now())));
    }

    private static void lock(Connection connection, String sql) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setLong(1, OutboxRelay.RELAY_LOCK);
            statement.execute();
        }
    }

    private static Map<String, String> headers(String type) {
        return Map.of(CloudEvents.HEADER_SPEC_VERSION, "1.0", CloudEvents.HEADER_ID, UUID.randomUUID().toString(),
                CloudEvents.HEADER_SOURCE, "provider-service", CloudEvents.HEADER_TYPE, type);
    }

    private static String registration(UUID provider) {
        try {
            return EventJson.mapper().writeValueAsString(
                    new ProviderRegistered(provider, "Counted Ltd", null, null, null, "CB1 1AA", Instant.now()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
