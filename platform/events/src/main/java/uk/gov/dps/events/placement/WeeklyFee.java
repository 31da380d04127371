package uk.gov.dps.events.placement;

import java.math.BigDecimal;

/** A weekly fee in pounds, itemised as providers quote it; {@code total} is the sum of the items. */
public record WeeklyFee(BigDecimal core, BigDecimal additionalStaffing, BigDecimal education, BigDecimal therapy,
        BigDecimal total) {
}
