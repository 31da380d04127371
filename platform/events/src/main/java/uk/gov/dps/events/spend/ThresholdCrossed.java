package uk.gov.dps.events.spend;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code dps.spend.threshold-crossed.v1}: a budget line's forecast, or a contract's commitment, crossed a
 * threshold (e.g. 90 or 100 percent) of its value. Published once per crossing.
 */
public record ThresholdCrossed(UUID alertId, String council, String subjectType, UUID subjectId, String name,
        int financialYear, int thresholdPercent, BigDecimal amount, BigDecimal limit, Instant crossedAt) {
}
