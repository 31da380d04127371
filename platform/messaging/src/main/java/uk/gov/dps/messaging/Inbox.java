package uk.gov.dps.messaging;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import uk.gov.dps.events.CloudEvents;

/**
 * Applies each event at most once per consumer. The event id is recorded in {@code processed_event} in the
 * same transaction as the handler's effect: a redelivered event is acknowledged and skipped.
 * <p>
 * A handler that fails on a transient database problem is retried a few times; any other failure, and a
 * record that is not a DPS CloudEvent, is parked on {@code <topic>.dlq} with the error, and the consumer goes
 * on with the next event.
 *
 * <p>
 * Consumers take what one poll returned ({@link #processBatch}): the events of a batch are applied in order in
 * one transaction, so catching up a backlog or replaying a topic costs one commit per batch, not per event.
 *
 * <p>
 * What a consumer does with each type is its {@link EventHandlers}; an event of a type it does not handle is
 * recorded and acknowledged like any other, and counted in {@code dps.inbox.unhandled} (consumer, type).
 *
 * <pre>{@code
 * @Incoming("dps.providers") @Blocking
 * void onProviderEvents(ConsumerRecords<String, String> records) {
 *     inbox.processBatch("lot-membership", records, providerEvents);
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

    /** The service's persistence context, where it has entities. */
    @Inject
    Instance<EntityManager> entityManager;

    /** Events applied, per consumer and type: {@code dps_events_consumed_total}. */
    static final String CONSUMED = "dps.events.consumed";
    /** Events dead-lettered, per consumer and type: {@code dps_events_failed_total}. */
    static final String FAILED = "dps.events.failed";
    /** Events parked, per consumer and source topic: {@code dps_dead_letters_parked_total}. */
    static final String DEAD_LETTERS = "dps.dead.letters.parked";
    /** Inbox transaction time per consumer: {@code dps_inbox_processing_seconds}. */
    static final String PROCESSING = "dps.inbox.processing";

    /** consumer + topic pairs whose dead-letter counter is registered. */
    private final Set<String> topicsSeen = ConcurrentHashMap.newKeySet();

    /** consumer + type pairs already logged as unhandled. */
    private final Set<String> unhandledLogged = ConcurrentHashMap.newKeySet();

    /**
     * @param consumer a stable name for this handler within the service; the same event may be applied once
     *                 by each differently named consumer
     * @return true if the event was applied (by its handler, or recorded as one of a type the consumer does not
     *         handle), false if it had been processed before or was dead-lettered
     */
    public boolean process(String consumer, ConsumerRecord<String, String> record, EventHandlers handlers) {
        seen(consumer, record.topic());
        IncomingEvent event;
        try {
            event = IncomingEvent.from(record);
        } catch (PoisonEventException e) {
            deadLetter(consumer, record, e);
            return false;
        }
        // A loop rather than SmallRye Fault Tolerance: only this one-event path retries (a failed batch falls back
        // to it), and saying what is transient (a cause chain with SQLSTATE 08 or 40) takes its @RetryWhen or Guard
        // API, both @Experimental in 6.10; @Retry would move the transaction to another bean (interceptors skip
        // self-calls), and neither hook before a retry knows which consumer and event it is warning about. The
        // dead letter after the last attempt stays here either way.
        for (int attempt = 1;; attempt++) {
            try {
                List<String> unhandled = new ArrayList<>(1);
                long start = System.nanoTime();
                boolean applied = QuarkusTransaction.requiringNew().call(() -> {
                    if (!claim(consumer, event)) {
                        return false;
                    }
                    dispatch(handlers, event, unhandled);
                    return true;
                });
                processingTime(consumer).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                metrics.counter("dps.inbox.events", "consumer", consumer, "outcome", applied ? "applied" : "duplicate")
                        .increment();
                if (applied) {
                    consumed(consumer, event.type()).increment();
                }
                countUnhandled(consumer, unhandled);
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

    /**
     * Applies a polled batch in order, in one transaction, each event at most once. If any event of the batch
     * fails (or is not a DPS CloudEvent), the transaction is rolled back and the batch is processed event by event
     * with {@link #process}, so that only the bad event is retried or dead-lettered.
     */
    public void processBatch(String consumer, Iterable<ConsumerRecord<String, String>> records,
            EventHandlers handlers) {
        List<ConsumerRecord<String, String>> batch = new ArrayList<>();
        records.forEach(batch::add);
        batch.forEach(record -> seen(consumer, record.topic()));
        if (batch.size() > 1 && appliedTogether(consumer, batch, handlers)) {
            return;
        }
        batch.forEach(record -> process(consumer, record, handlers));
    }

    private boolean appliedTogether(String consumer, List<ConsumerRecord<String, String>> batch,
            EventHandlers handlers) {
        List<IncomingEvent> events = new ArrayList<>(batch.size());
        try {
            batch.forEach(record -> events.add(IncomingEvent.from(record)));
            List<String> unhandled = new ArrayList<>();
            List<String> appliedTypes = new ArrayList<>(events.size());
            long start = System.nanoTime();
            int applied = QuarkusTransaction.requiringNew().call(() -> {
                appliedTypes.clear(); // in case the transaction is run again
                for (IncomingEvent event : events) {
                    if (claim(consumer, event)) {
                        dispatch(handlers, event, unhandled);
                        appliedTypes.add(event.type());
                        asIfCommitted();
                    }
                }
                return appliedTypes.size();
            });
            processingTime(consumer).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            appliedTypes.forEach(type -> consumed(consumer, type).increment());
            metrics.counter("dps.inbox.events", "consumer", consumer, "outcome", "applied").increment(applied);
            metrics.counter("dps.inbox.events", "consumer", consumer, "outcome", "duplicate")
                    .increment(batch.size() - applied);
            countUnhandled(consumer, unhandled);
            return true;
        } catch (RuntimeException e) {
            LOG.debugf("%s: a batch of %d events failed (%s); applying them one by one", consumer, batch.size(),
                    e.getMessage());
            return false;
        }
    }

    private static void dispatch(EventHandlers handlers, IncomingEvent event, List<String> unhandled) {
        if (!handlers.dispatch(event)) {
            unhandled.add(event.type());
        }
    }

    /**
     * Counted once committed, so that a batch that rolls back and is applied again one by one counts each once.
     * Logged at INFO once per consumer and type: not a fault (topics carry many types, new types are additive),
     * but worth one line when it first happens, as a type nobody handles may be one a consumer should; DEBUG would
     * hide it where it matters, in production, and the counter gives the rate after that.
     */
    private void countUnhandled(String consumer, List<String> types) {
        for (String type : types) {
            metrics.counter("dps.inbox.unhandled", "consumer", consumer, "type", type).increment();
            if (unhandledLogged.add(consumer + " " + type)) {
                LOG.infof("%s has no handler for %s: such events are acknowledged and counted in dps.inbox.unhandled "
                        + "(logged once)", consumer, type);
            }
        }
    }

    /**
     * Writes the event's effect and forgets the entities it loaded, so that the next event of the batch reads the
     * database as it would after a commit (a bulk update does not refresh entities already loaded).
     */
    private void asIfCommitted() {
        if (entityManager.isResolvable()) {
            entityManager.get().flush();
            entityManager.get().clear();
        }
    }

    private void deadLetter(String consumer, ConsumerRecord<String, String> record, RuntimeException e) {
        LOG.errorf("%s could not process %s@%d (key %s); parking it on the dead-letter topic: %s", consumer,
                record.topic(), record.offset(), record.key(), e.getMessage());
        deadLetters.park(consumer, record, e);
        metrics.counter("dps.inbox.events", "consumer", consumer, "outcome", "dead-lettered").increment();
        failed(consumer, typeOf(record)).increment();
        deadLettersParked(consumer, record.topic()).increment();
    }

    /**
     * The first time a consumer reads a topic, its dead-letter counter is registered at 0: Prometheus sees a
     * counter go from 0 to 1 when the first event is parked (an increase the alert rule catches), rather than a
     * new series that starts at 1.
     */
    private void seen(String consumer, String topic) {
        if (topicsSeen.add(consumer + " " + topic)) {
            deadLettersParked(consumer, topic);
        }
    }

    private Counter deadLettersParked(String consumer, String topic) {
        return Counter.builder(DEAD_LETTERS).description("Events this consumer could not process, parked on <topic>.dlq")
                .tags("consumer", consumer, "topic", topic).register(metrics);
    }

    private Counter consumed(String consumer, String type) {
        failed(consumer, type); // at 0 beside it, so a failure rate of a type is 0 rather than no data
        return Counter.builder(CONSUMED).description("Events applied by this consumer, per CloudEvents type")
                .tags("consumer", consumer, "type", type).register(metrics);
    }

    private Counter failed(String consumer, String type) {
        return Counter.builder(FAILED).description("Events this consumer could not apply (dead-lettered), per CloudEvents type")
                .tags("consumer", consumer, "type", type).register(metrics);
    }

    /** One sample per transaction that applied events: a polled batch together, or one event on its own. */
    private Timer processingTime(String consumer) {
        return Timer.builder(PROCESSING).description("Time to apply a polled batch (or one event) in its transaction")
                .tags("consumer", consumer).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(30)).register(metrics);
    }

    /** The CloudEvents type of a record, or "unknown" when it is not a CloudEvent at all. */
    private static String typeOf(ConsumerRecord<String, String> record) {
        Header type = record.headers().lastHeader(CloudEvents.HEADER_TYPE);
        return type == null ? "unknown" : new String(type.value(), StandardCharsets.UTF_8);
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
