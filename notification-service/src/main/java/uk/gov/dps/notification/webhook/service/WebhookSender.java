package uk.gov.dps.notification.webhook.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import uk.gov.dps.notification.webhook.WebhookConfig;
import uk.gov.dps.notification.webhook.domain.WebhookAttempt;
import uk.gov.dps.notification.webhook.domain.WebhookDelivery;
import uk.gov.dps.notification.webhook.domain.WebhookRetryPolicy;
import uk.gov.dps.notification.webhook.domain.WebhookSignature;
import uk.gov.dps.notification.webhook.domain.WebhookSubscription;
import uk.gov.dps.notification.webhook.domain.WebhookUrlPolicy;

/**
 * Posts due deliveries to the councils' receivers, outside any database transaction: a short transaction claims
 * them, a bounded pool posts them in parallel (each with a timeout), and another short transaction records each
 * attempt. One POST at a time per subscription, so a slow or dead receiver holds one thread at most and never
 * delays the others. Woken when new deliveries commit, and looks every {@code dps.webhooks.poll-interval} for
 * retries that fall due.
 * <p>
 * A claim leases the delivery (its next attempt moves past the timeout), so that another replica does not post it
 * at the same time, and a replica that dies mid-POST leaves it to be retried.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    WebhookConfig config;

    @Inject
    WebhookRetryPolicy retries;

    @Inject
    WebhookUrlPolicy urls;

    private final Semaphore wakeUps = new Semaphore(0);
    /** Subscriptions with a POST in flight from this instance. */
    private final Set<UUID> busy = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private Thread thread;
    private ExecutorService pool;
    private HttpClient http;

    void start(@Observes StartupEvent event) {
        AtomicInteger threads = new AtomicInteger();
        pool = Executors.newFixedThreadPool(config.concurrency(), task -> {
            Thread t = new Thread(task, "webhook-sender-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // never follow a redirect: it could lead anywhere, past the checks on the callback URL
        http = HttpClient.newBuilder().connectTimeout(config.timeout()).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
        running = true;
        thread = new Thread(this::run, "webhook-dispatcher");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wake();
        if (thread != null) {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        }
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** Called after a commit that queued deliveries: post them now rather than at the next look. */
    public void wake() {
        wakeUps.release();
    }

    private void run() {
        while (running) {
            try {
                wakeUps.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                if (running) {
                    dispatchDue();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Webhook sender could not claim deliveries (trying again at the next look): %s",
                        e.getMessage());
            }
        }
    }

    private void dispatchDue() {
        int free = config.concurrency() - busy.size();
        if (free <= 0) {
            return;
        }
        for (Claim claim : claim(free)) {
            busy.add(claim.subscriptionId());
            pool.execute(() -> {
                try {
                    deliver(claim);
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Could not record the attempt of webhook delivery %s", claim.deliveryId());
                } finally {
                    busy.remove(claim.subscriptionId());
                    wake();
                }
            });
        }
    }

    /** Due deliveries of active subscriptions, at most one per subscription and none of a busy one, leased. */
    private List<Claim> claim(int max) {
        return QuarkusTransaction.requiringNew().timeout(30).call(() -> {
            Instant now = clock.instant();
            List<Claim> claims = new ArrayList<>();
            try (Connection connection = dataSource.getConnection()) {
                try (PreparedStatement select = connection.prepareStatement(
                        "SELECT d.id, d.subscription_id, d.body, s.url, s.secret, s.previous_secret, "
                                + "s.previous_secret_until FROM webhook_delivery d "
                                + "JOIN webhook_subscription s ON s.id = d.subscription_id "
                                + "WHERE d.status = 'PENDING' AND d.next_attempt_at <= ? AND s.status = 'ACTIVE' "
                                + "AND NOT (d.subscription_id = ANY (?)) "
                                + "ORDER BY d.next_attempt_at LIMIT ? FOR UPDATE OF d SKIP LOCKED")) {
                    select.setTimestamp(1, Timestamp.from(now));
                    select.setArray(2, connection.createArrayOf("uuid", busy.toArray()));
                    select.setInt(3, max * 4);
                    Set<UUID> taken = new HashSet<>();
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next() && claims.size() < max) {
                            UUID subscription = rs.getObject(2, UUID.class);
                            if (!taken.add(subscription)) {
                                continue;
                            }
                            WebhookSubscription secrets = new WebhookSubscription();
                            secrets.secret = rs.getString(5);
                            secrets.previousSecret = rs.getString(6);
                            Timestamp until = rs.getTimestamp(7);
                            secrets.previousSecretUntil = until == null ? null : until.toInstant();
                            claims.add(new Claim(rs.getObject(1, UUID.class), subscription, rs.getString(3),
                                    rs.getString(4), secrets.signingSecrets(now)));
                        }
                    }
                }
                if (!claims.isEmpty()) {
                    try (PreparedStatement lease = connection.prepareStatement(
                            "UPDATE webhook_delivery SET next_attempt_at = ? WHERE id = ANY (?)")) {
                        lease.setTimestamp(1, Timestamp.from(now.plus(config.timeout()).plus(Duration.ofMinutes(1))));
                        lease.setArray(2, connection.createArrayOf("uuid",
                                claims.stream().map(Claim::deliveryId).toArray()));
                        lease.executeUpdate();
                    }
                }
            }
            return claims;
        });
    }

    private void deliver(Claim claim) {
        Instant attemptedAt = clock.instant();
        long started = System.nanoTime();
        Integer status = null;
        String error = null;
        Optional<String> refused = urls.problem(claim.url());
        if (refused.isPresent()) {
            error = "callback URL refused: " + refused.get();
        } else {
            // Unix seconds of the real time, not the platform clock (which demos and tests may set in the past):
            // receivers check it against their own clock to refuse replays.
            long timestamp = Instant.now().getEpochSecond();
            String id = claim.deliveryId().toString();
            HttpRequest request = HttpRequest.newBuilder(URI.create(claim.url().strip()))
                    .timeout(config.timeout())
                    .header("content-type", CONTENT_TYPE)
                    .header("user-agent", "dps-notification-service")
                    .header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.header(claim.secrets(), id, timestamp, claim.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(claim.body(), StandardCharsets.UTF_8))
                    .build();
            try {
                status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (HttpTimeoutException e) {
                error = "no answer within " + config.timeout().toSeconds() + " s";
            } catch (IOException e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted (shutting down)";
            }
        }
        record(claim.deliveryId(), attemptedAt, status, error, (System.nanoTime() - started) / 1_000_000);
    }

    /** Records an attempt: delivered on 2xx; otherwise the next retry, or FAILED, and the subscription parked. */
    void record(UUID deliveryId, Instant attemptedAt, Integer status, String error, long durationMs) {
        QuarkusTransaction.requiringNew().run(() -> {
            WebhookDelivery delivery = WebhookDelivery.findById(deliveryId);
            if (delivery == null) {
                return; // the subscription was deleted meanwhile
            }
            WebhookAttempt attempt = new WebhookAttempt();
            attempt.deliveryId = deliveryId;
            attempt.attemptedAt = attemptedAt;
            attempt.statusCode = status;
            attempt.error = error;
            attempt.durationMs = durationMs;
            attempt.persist();

            Instant now = clock.instant();
            delivery.attemptCount++;
            if (status != null && status >= 200 && status < 300) {
                delivery.status = WebhookDelivery.Status.DELIVERED;
                delivery.deliveredAt = now;
                delivery.nextAttemptAt = null;
                WebhookSubscription.update("failingSince = null where id = ?1", delivery.subscriptionId);
                return;
            }
            Optional<Instant> next = retries.nextAttempt(delivery.retryStep, now,
                    ThreadLocalRandom.current()::nextDouble);
            if (next.isPresent()) {
                delivery.retryStep++;
                delivery.nextAttemptAt = next.get();
            } else {
                delivery.status = WebhookDelivery.Status.FAILED;
                delivery.nextAttemptAt = null;
            }
            WebhookSubscription.update("failingSince = ?1 where id = ?2 and failingSince is null", now,
                    delivery.subscriptionId);
            WebhookSubscription subscription = WebhookSubscription.findById(delivery.subscriptionId);
            if (subscription.status != WebhookSubscription.Status.ACTIVE) {
                return;
            }
            if (status != null && status == 410) {
                park(subscription, "the receiver answered 410 Gone", now);
            } else if (retries.parks(subscription.failingSince, now)) {
                park(subscription, "every delivery failed since " + subscription.failingSince, now);
            }
        });
    }

    private static void park(WebhookSubscription subscription, String reason, Instant now) {
        subscription.status = WebhookSubscription.Status.PARKED;
        subscription.parkedReason = reason;
        subscription.parkedAt = now;
        LOG.warnf("Parked webhook %s of %s: %s", subscription.id, subscription.council, reason);
    }

    private record Claim(UUID deliveryId, UUID subscriptionId, String body, String url, List<String> secrets) {
    }
}
