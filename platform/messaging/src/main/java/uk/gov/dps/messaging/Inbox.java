package uk.gov.dps.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;

/**
 * Applies each event at most once per consumer. The event id is recorded in {@code processed_event} in the
 * same transaction as the handler's effect: a redelivered event is acknowledged and skipped.
 * <p>
 * A handler that fails on a transient database problem is retried a few times; any other failure, and a
 * record that is not a DPS CloudEvent, is parked on {@code <topic>.dlq} with the error, and the consumer goes
 * on with the next event.
 *
 * <pre>{@code
 * @Incoming("dps.providers") @Blocking
 * void onProviderEvent(ConsumerRecord<String, String> record) {
 *     inbox.process("lot-membership", record, event -> membership.apply(event));
 * }
 * }</pre>
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);
    private static final int ATTEMPTS = 5;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry metrics;

    @Inject
    DeadLetters deadLetters;

    /**
     * @param consumer a stable name for this handler within the service; the same event may be applied once
     *                 by each differently named consumer
     * @return true if the handler ran, false if the event had been processed before or was dead-lettered
     */
    public boolean process(String consumer, ConsumerRecord<String, String> record, Consumer<IncomingEvent> handler) {
        IncomingEvent event;
        try {
            event = IncomingEvent.from(record);
        } catch (PoisonEventException e) {
            deadLetter(consumer, record, e);
            return false;
        }
        for (int attempt = 1;; attempt++) {
            try {
                boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                    if (!claim(consumer, event)) {
                        return false;
                    }
                    handler.accept(event);
                    return true;
                });
                metrics.counter("dps.inbox.events", "consumer", consumer, "outcome", applied ? "applied" : "duplicate")
                        .increment();
                return applied;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isTransient(e)) {
                    deadLetter(consumer, record, e);
                    return false;
                }
                LOG.warnf("%s: transient failure on %s (attempt %d of %d): %s", consumer, event.id(), attempt, ATTEMPTS,
                        e.getMessage());
                pause(Duration.ofMillis(100L << attempt));
            }
        }
    }

    private void deadLetter(String consumer, ConsumerRecord<String, String> record, RuntimeException e) {
        LOG.errorf("%s could not process %s@%d (key %s); parking it on the dead-letter topic: %s", consumer,
                record.topic(), record.offset(), record.key(), e.getMessage());
        deadLetters.park(consumer, record, e);
        metrics.counter("dps.inbox.events", "consumer", consumer, "outcome", "dead-lettered").increment();
    }

    private boolean claim(String consumer, IncomingEvent event) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO processed_event (consumer, event_id, event_type) VALUES (?, ?, ?) "
                                + "ON CONFLICT DO NOTHING")) {
            insert.setString(1, consumer);
            insert.setString(2, event.id());
            insert.setString(3, event.type());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot record event " + event.id() + " as processed", e);
        }
    }

    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PoisonEventException) {
                return false;
            }
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof OptimisticLockException || t instanceof PessimisticLockException
                    || t instanceof SQLException sql && sql.getSQLState() != null
                            && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("40"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", e);
        }
    }
}
