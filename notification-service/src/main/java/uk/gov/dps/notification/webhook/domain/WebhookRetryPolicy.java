package uk.gov.dps.notification.webhook.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: after each delay of the schedule in turn, moved at random by up to
 * {@code jitter} of itself either way, so that the retries of many deliveries that failed together spread out; once
 * the schedule is used up the delivery has failed. A subscription whose deliveries have failed for
 * {@code parkAfter} without one success is parked.
 */
public record WebhookRetryPolicy(List<Duration> schedule, double jitter, Duration parkAfter) {

    public WebhookRetryPolicy {
        schedule = List.copyOf(schedule);
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be at least 0 and below 1");
        }
    }

    /**
     * @param retryStep how many scheduled retries were used already
     * @param random    a number in [0, 1)
     * @return when to try next, or empty when the delivery has failed for good
     */
    public Optional<Instant> nextAttempt(int retryStep, Instant failedAt, DoubleSupplier random) {
        if (retryStep >= schedule.size()) {
            return Optional.empty();
        }
        Duration delay = schedule.get(retryStep);
        double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Optional.of(failedAt.plusMillis(Math.round(delay.toMillis() * factor)));
    }

    /** Whether a subscription failing since {@code failingSince} is parked by a failure at {@code now}. */
    public boolean parks(Instant failingSince, Instant now) {
        return !failingSince.plus(parkAfter).isAfter(now);
    }

    /** The least time a delivery is retried for, whatever the jitter. */
    public Duration shortestRetryPeriod() {
        long millis = schedule.stream().mapToLong(Duration::toMillis).sum();
        return Duration.ofMillis(Math.round(millis * (1 - jitter)));
    }
}
