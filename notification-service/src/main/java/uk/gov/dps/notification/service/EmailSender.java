package uk.gov.dps.notification.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import uk.gov.dps.notification.config.EmailConfig;

/**
 * Sends PENDING email deliveries, outside any consumer's transaction.
 * <p>
 * One thread per instance, woken right after a commit that stored deliveries, with a slow poll as a safety net for
 * retries and for what another replica left. A batch is claimed in a short transaction of its own
 * ({@code FOR UPDATE SKIP LOCKED}, then a lease, so replicas never take the same rows and a sender that died
 * leaves them to another after the lease); a claim takes each event's first deliveries before any event's later
 * ones, so a call-off to thousands of providers does not hold back other notifications. The batch is sent with
 * bounded parallelism and no transaction open; each outcome is recorded in a second short transaction. A failed
 * send is retried later with exponential back-off and never holds up the other recipients; after the last
 * attempt the delivery is FAILED. Delivery is at least once: a sender that dies between sending and recording
 * sends again after the lease.
 */
@ApplicationScoped
public class EmailSender {

    private static final Logger LOG = Logger.getLogger(EmailSender.class);

    @Inject
    Db db;

    @Inject
    EmailConfig config;

    @Inject
    Clock clock;

    @Inject
    ReactiveMailer mailer;

    @Inject
    EmailRenderer renderer;

    @Inject
    MeterRegistry metrics;

    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    /** A claimed delivery, with what its email says. */
    record Claimed(UUID id, String address, int attempts, String kind, String title, String body, String link) {
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "email-sender");
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

    /** Called after a commit that stored deliveries: send them now rather than at the next poll. */
    public void wake() {
        wakeUps.release();
    }

    private void run() {
        while (running) {
            try {
                wakeUps.tryAcquire(config.safetyNetInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                while (running && sendBatch() == config.batchSize()) {
                    // a full batch: more are probably due
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the database is away: the deliveries stay PENDING and the next poll tries again
                LOG.warnf("Email sender could not claim or record deliveries: %s", e.getMessage());
            }
        }
    }

    /** @return how many deliveries were claimed and attempted */
    int sendBatch() {
        List<Claimed> batch = QuarkusTransaction.requiringNew().call(this::claim);
        if (batch.isEmpty()) {
            return 0;
        }
        List<Outcome> outcomes = Multi.createFrom().iterable(batch)
                .onItem().transformToUni(this::send).merge(config.parallelism())
                .collect().asList()
                .await().atMost(config.sendTimeout().multipliedBy(batch.size()).plusSeconds(5));
        QuarkusTransaction.requiringNew().run(() -> outcomes.forEach(this::record));
        return batch.size();
    }

    private List<Claimed> claim() {
        Instant now = clock.instant();
        // turn: the n-th delivery of its event; taking turn 1 of every event first keeps a large call-off from
        // holding back the others
        return db.query("""
                UPDATE email_delivery d SET lease_until = ?, attempts = d.attempts + 1
                FROM notification n
                WHERE n.id = d.notification_id AND d.id IN (
                    SELECT id FROM email_delivery WHERE id IN (
                        SELECT id FROM (
                            SELECT id, next_attempt_at,
                                   row_number() OVER (PARTITION BY event_id ORDER BY created_at, id) AS turn
                            FROM email_delivery
                            WHERE status = 'PENDING' AND next_attempt_at <= ?
                              AND (lease_until IS NULL OR lease_until <= ?)) due
                        ORDER BY turn, next_attempt_at LIMIT ?)
                    FOR UPDATE SKIP LOCKED)
                RETURNING d.id, d.address, d.attempts, d.kind, n.title, n.body, n.link""",
                rs -> new Claimed(rs.getObject("id", UUID.class), rs.getString("address"), rs.getInt("attempts"),
                        rs.getString("kind"), rs.getString("title"), rs.getString("body"), rs.getString("link")),
                now.plus(config.lease()), now, now, config.batchSize());
    }

    private record Outcome(Claimed delivery, String error) {
    }

    private Uni<Outcome> send(Claimed delivery) {
        return Uni.createFrom().item(() -> renderer.render(delivery))
                .onItem().transformToUni(mail -> mailer.send(mail))
                .ifNoItem().after(config.sendTimeout()).fail()
                .map(ignored -> new Outcome(delivery, null))
                .onFailure().recoverWithItem(e -> new Outcome(delivery, describe(e)));
    }

    private void record(Outcome outcome) {
        Claimed delivery = outcome.delivery();
        Instant now = clock.instant();
        if (outcome.error() == null) {
            db.update("UPDATE email_delivery SET status = 'SENT', sent_at = ?, lease_until = NULL, last_error = NULL "
                    + "WHERE id = ?", now, delivery.id());
            metrics.counter("dps.notifications.emails", "kind", delivery.kind(), "outcome", "sent").increment();
            return;
        }
        boolean last = delivery.attempts() >= config.maxAttempts();
        LOG.warnf("Email %s to %s failed (attempt %d of %d%s): %s", delivery.id(), delivery.address(),
                delivery.attempts(), config.maxAttempts(), last ? ", giving up" : "", outcome.error());
        db.update("UPDATE email_delivery SET status = ?, next_attempt_at = ?, lease_until = NULL, last_error = ? "
                + "WHERE id = ?", last ? "FAILED" : "PENDING", now.plus(retryDelay(delivery.attempts())),
                outcome.error(), delivery.id());
        metrics.counter("dps.notifications.emails", "kind", delivery.kind(), "outcome", last ? "failed" : "retried")
                .increment();
    }

    /** The wait after the n-th failed attempt: the first retry delay, doubled each time, capped. */
    Duration retryDelay(int failedAttempts) {
        Duration delay = config.retryDelay().multipliedBy(1L << Math.min(failedAttempts - 1, 20));
        return delay.compareTo(config.maxRetryDelay()) > 0 ? config.maxRetryDelay() : delay;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 1000 ? message.substring(0, 1000) : message;
    }
}
