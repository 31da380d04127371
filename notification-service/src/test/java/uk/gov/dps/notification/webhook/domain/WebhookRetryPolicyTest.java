package uk.gov.dps.notification.webhook.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class WebhookRetryPolicyTest {

    private static final Instant FAILED_AT = Instant.parse("2018-10-09T09:00:00Z");
    private static final WebhookRetryPolicy DEFAULT = new WebhookRetryPolicy(List.of(Duration.ofSeconds(5),
            Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5),
            Duration.ofHours(10), Duration.ofHours(10)), 0.1, Duration.ofHours(24));

    @Test
    void eachRetryWaitsTheNextDelayOfTheScheduleMovedByAtMostTheJitter() {
        assertThat(DEFAULT.nextAttempt(0, FAILED_AT, () -> 0.5)).contains(FAILED_AT.plusSeconds(5));
        assertThat(DEFAULT.nextAttempt(1, FAILED_AT, () -> 0.0)).contains(FAILED_AT.plusSeconds(270)); // 5 min - 10%
        assertThat(DEFAULT.nextAttempt(1, FAILED_AT, () -> 0.999999)).hasValueSatisfying(
                next -> assertThat(next).isBetween(FAILED_AT.plusSeconds(329), FAILED_AT.plusSeconds(330)));
    }

    @Test
    void onceTheScheduleIsUsedUpTheDeliveryHasFailed() {
        assertThat(DEFAULT.nextAttempt(6, FAILED_AT, () -> 0.5)).contains(FAILED_AT.plus(Duration.ofHours(10)));
        assertThat(DEFAULT.nextAttempt(7, FAILED_AT, () -> 0.5)).isEmpty();
    }

    @Test
    void theDefaultScheduleRetriesForMoreThanADayEvenWithTheShortestJitter() {
        assertThat(DEFAULT.shortestRetryPeriod()).isGreaterThan(Duration.ofHours(24));
    }

    @Test
    void aSubscriptionFailingForTwentyFourHoursIsParked() {
        assertThat(DEFAULT.parks(FAILED_AT, FAILED_AT.plus(Duration.ofHours(23)))).isFalse();
        assertThat(DEFAULT.parks(FAILED_AT, FAILED_AT.plus(Duration.ofHours(24)))).isTrue();
    }
}
