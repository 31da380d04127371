package uk.gov.dps.transparency.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A call-off's published value: the weekly fee × the weeks of its planned period (planned start to expected end,
 * both days counted) × the share of weeks that are charged. A 38-week or day placement is charged in term weeks
 * only (38 of 52); a 52-week one every week. A placement without an expected end is valued for one year (52 weeks),
 * the usual review period of an individual placement agreement: the value is an estimate, as OCDS and the
 * Transparency Code allow, not the sum that will be paid (payments are published as they are made).
 */
public final class ContractValue {

    public static final int OPEN_ENDED_WEEKS = 52;
    private static final BigDecimal TERM_WEEKS_SHARE = new BigDecimal("38").divide(new BigDecimal("52"), 10,
            RoundingMode.HALF_UP);

    private ContractValue() {
    }

    public static BigDecimal of(BigDecimal weeklyFee, String placementPattern, LocalDate start, LocalDate expectedEnd) {
        BigDecimal weeks = expectedEnd == null || expectedEnd.isBefore(start)
                ? BigDecimal.valueOf(OPEN_ENDED_WEEKS)
                : BigDecimal.valueOf(ChronoUnit.DAYS.between(start, expectedEnd) + 1).divide(BigDecimal.valueOf(7), 10,
                        RoundingMode.HALF_UP);
        BigDecimal charged = "WEEKS_38".equals(placementPattern) || "DAY".equals(placementPattern)
                ? weeks.multiply(TERM_WEEKS_SHARE)
                : weeks;
        return weeklyFee.multiply(charged).setScale(2, RoundingMode.HALF_UP);
    }

    /** The end of the period the value covers. */
    public static LocalDate periodEnd(LocalDate start, LocalDate expectedEnd) {
        return expectedEnd == null || expectedEnd.isBefore(start) ? start.plusWeeks(OPEN_ENDED_WEEKS).minusDays(1)
                : expectedEnd;
    }
}
