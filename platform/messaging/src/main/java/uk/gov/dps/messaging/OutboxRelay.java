package uk.gov.dps.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import uk.gov.dps.events.CloudEvents;

/**
 * Publishes outbox rows to Kafka in commit order and deletes them once Kafka has acknowledged them.
 * <p>
 * One thread per service instance, woken right after each commit that wrote an event, with a slow poll as a
 * safety net (events left by a crash, or by a replica). Rows are claimed with {@code FOR UPDATE SKIP LOCKED}
 * so two replicas never send the same row, and under a transaction-scoped advisory lock so only one replica
 * sends at a time: that keeps events of one aggregate in order across replicas. If Kafka is down the batch
 * rolls back and is retried with back-off; delivery is at least once, and consumers drop repeats by id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Any constant works; it only has to be the same for every replica of one service (one database). */
    static final long RELAY_LOCK = 0x4450534f7574626fL; // "DPSOutbo"
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    @Inject
    DataSource dataSource;

    @Inject
    @Channel("dps-outbox")
    @OnOverflow(value = OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<String> kafka;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "quarkus.application.name")
    String source;

    @ConfigProperty(name = "dps.outbox.safety-net-interval")
    Duration safetyNetInterval;

    @ConfigProperty(name = "dps.outbox.batch-size")
    int batchSize;

    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wake();
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
    }

    /** Called after a commit that wrote events: publish them now rather than at the next poll. */
    public void wake() {
        wakeUps.release();
    }

    private void run() {
        Duration backoff = Duration.ZERO;
        while (running) {
            try {
                if (!backoff.isZero()) {
                    sleep(backoff);
                } else {
                    wakeUps.tryAcquire(safetyNetInterval.toMillis(), TimeUnit.MILLISECONDS);
                }
                wakeUps.drainPermits();
                while (running && publishBatch() == batchSize) {
                    // a full batch: more are probably waiting
                }
                backoff = Duration.ZERO;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                backoff = backoff.isZero() ? Duration.ofMillis(100) : min(backoff.multipliedBy(2), MAX_BACKOFF);
                LOG.warnf("Outbox relay could not publish (retrying in %d ms): %s", backoff.toMillis(), rootMessage(e));
            }
        }
    }

    /** @return how many events were published */
    int publishBatch() {
        return QuarkusTransaction.requiringNew().timeout(60).call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                if (!relayLock(connection)) {
                    return 0; // another replica is publishing
                }
                List<Row> rows = claim(connection);
                if (rows.isEmpty()) {
                    return 0;
                }
                List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
                for (Row row : rows) {
                    acks.add(send(row));
                }
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(45, TimeUnit.SECONDS);
                delete(connection, rows);
                rows.forEach(row -> metrics.counter("dps.outbox.published", "type", row.type()).increment());
                return rows.size();
            }
        });
    }

    private static boolean relayLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private List<Row> claim(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, topic, type, aggregate_id, payload, occurred_at FROM outbox_event "
                        + "ORDER BY position LIMIT ? FOR UPDATE SKIP LOCKED")) {
            select.setInt(1, batchSize);
            try (ResultSet rs = select.executeQuery()) {
                List<Row> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getTimestamp(6).toInstant()));
                }
                return rows;
            }
        }
    }

    private CompletableFuture<Void> send(Row row) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION);
        header(headers, CloudEvents.HEADER_ID, row.id().toString());
        header(headers, CloudEvents.HEADER_SOURCE, source);
        header(headers, CloudEvents.HEADER_TYPE, row.type());
        header(headers, CloudEvents.HEADER_SUBJECT, row.aggregateId());
        header(headers, CloudEvents.HEADER_TIME, DateTimeFormatter.ISO_INSTANT.format(row.occurredAt()));
        header(headers, CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.JSON);
        CompletableFuture<Void> ack = new CompletableFuture<>();
        kafka.send(Message.of(row.payload())
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(row.topic()).withKey(row.aggregateId()).withHeaders(headers).build())
                .withAck(() -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    ack.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                }));
        return ack;
    }

    private static void delete(Connection connection, List<Row> rows) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox_event WHERE id = ANY (?)")) {
            delete.setArray(1, connection.createArrayOf("uuid", rows.stream().map(Row::id).toArray()));
            delete.executeUpdate();
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    private static void sleep(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private record Row(UUID id, String topic, String type, String aggregateId, String payload, Instant occurredAt) {
    }
}
