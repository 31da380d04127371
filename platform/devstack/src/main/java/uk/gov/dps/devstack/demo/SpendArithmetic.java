package uk.gov.dps.devstack.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * How spend-service turns one placement into a financial year's commitment, re-stated so the demo can pick fees
 * that land on the committee paper's figures before it sends a single request. It follows spend-service's
 * documented rules: {@code ChargeableTime}, the default term calendar of its {@code application.properties},
 * {@code PlacementTerms.chargesIn} (exact running cost in 1/910 pence, rounded once, halves up),
 * {@code FundingSplit.allocate} (largest remainder) and {@code SpendReportService.averageWeeklyPrice}.
 * <p>
 * Only the demo's own fee choice depends on it: if spend-service's calendar or rules change, the demo's figures move
 * by a little and the e2e tolerance says by how much may be accepted.
 */
final class SpendArithmetic {

    /** Chargeable time is counted in 1/910 week: 7, 5, 52 and 38 all divide into whole units. */
    static final long UNITS_PER_WEEK = 910;
    static final long CALENDAR_DAY = UNITS_PER_WEEK / 7;
    static final long SCHOOL_DAY = UNITS_PER_WEEK / 5;
    static final long FLAT_TERM_TIME_DAY = UNITS_PER_WEEK * 38 / 52 / 7;
    static final long FLAT_SCHOOL_DAY = UNITS_PER_WEEK * 38 / 52 / 5;

    /** spend-service's default model calendar (dps.spend.term-calendar.*): 38 whole weeks a year, 2018/19 and 2019/20. */
    static final List<LocalDate[]> TERMS = terms(
            "2018-09-03/2018-10-21", "2018-10-29/2018-12-23", "2019-01-07/2019-02-17",
            "2019-02-25/2019-04-07", "2019-04-22/2019-05-26", "2019-06-03/2019-07-14",
            "2019-09-02/2019-10-20", "2019-10-28/2019-12-22", "2020-01-06/2020-02-16",
            "2020-02-24/2020-04-05", "2020-04-20/2020-05-24", "2020-06-01/2020-07-12");
    static final Set<LocalDate> NON_SCHOOL_DAYS = Set.of(LocalDate.parse("2019-04-22"), LocalDate.parse("2019-05-06"),
            LocalDate.parse("2020-05-08"));
    /** Academic years (named by the year of their 1 August) in which a term of the calendar starts. */
    private static final Set<Integer> COVERED = Set.of(2018, 2019);

    /** How a placement is bought: every day of the year, term time only, or per school day. */
    enum Pattern {
        DAY, WEEKS_38, WEEKS_52
    }

    /** A weekly fee (in pence) in force from a day; the first step of a placement is its award fee. */
    record FeeStep(LocalDate from, long weeklyPence) {
    }

    /** A placement's cost in one financial year (the commitment) and its chargeable time in 1/910 week. */
    record YearCost(long committedPence, long weekUnits) {

        YearCost plus(YearCost other) {
            return new YearCost(committedPence + other.committedPence, weekUnits + other.weekUnits);
        }
    }

    static final YearCost NOTHING = new YearCost(0, 0);

    private SpendArithmetic() {
    }

    static LocalDate firstDayOfYear(int financialYear) {
        return LocalDate.of(financialYear, 4, 1);
    }

    static LocalDate lastDayOfYear(int financialYear) {
        return LocalDate.of(financialYear + 1, 3, 31);
    }

    /** Units of 1/910 week that {@code day} costs a placement of {@code pattern}. */
    static long units(Pattern pattern, LocalDate day) {
        boolean covered = COVERED.contains(day.getMonthValue() >= 8 ? day.getYear() : day.getYear() - 1);
        return switch (pattern) {
            case WEEKS_52 -> CALENDAR_DAY;
            case WEEKS_38 -> covered ? (inTerm(day) ? CALENDAR_DAY : 0) : FLAT_TERM_TIME_DAY;
            case DAY -> covered ? (isSchoolDay(day) ? SCHOOL_DAY : 0) : (isWeekday(day) ? FLAT_SCHOOL_DAY : 0);
        };
    }

    /**
     * What a placement from {@code first} to {@code last} (null: still running) costs in financial year
     * {@code financialYear}: each chargeable day at the fee in force that day, summed exactly and rounded to the
     * penny once, halves up.
     */
    static YearCost inYear(Pattern pattern, LocalDate first, LocalDate last, List<FeeStep> fees, int financialYear) {
        List<FeeStep> steps = new ArrayList<>(fees);
        steps.sort(Comparator.comparing(FeeStep::from));
        LocalDate from = first.isAfter(firstDayOfYear(financialYear)) ? first : firstDayOfYear(financialYear);
        LocalDate to = last == null || last.isAfter(lastDayOfYear(financialYear)) ? lastDayOfYear(financialYear) : last;
        long exact = 0;
        long units = 0;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            long dayUnits = units(pattern, day);
            if (dayUnits == 0) {
                continue;
            }
            units += dayUnits;
            exact = Math.addExact(exact, Math.multiplyExact(feeOn(steps, day), dayUnits));
        }
        return new YearCost((exact + UNITS_PER_WEEK / 2) / UNITS_PER_WEEK, units);
    }

    /** The fee in force on {@code day}: the last step starting on or before it (a step before the start counts from it). */
    static long feeOn(List<FeeStep> sortedSteps, LocalDate day) {
        long fee = sortedSteps.get(0).weeklyPence();
        for (FeeStep step : sortedSteps) {
            if (step.from().isAfter(day)) {
                break;
            }
            fee = step.weeklyPence();
        }
        return fee;
    }

    /**
     * Splits {@code pence} by shares in basis points (adding up to 10,000) by the largest-remainder method, as
     * spend-service does: each share rounded down, the pence left over one each to the largest remainders (ties:
     * the larger share, then the order given, which must be the order of the funding streams).
     */
    static long[] allocate(long pence, int[] basisPoints) {
        int n = basisPoints.length;
        long[] parts = new long[n];
        long[] remainders = new long[n];
        long allocated = 0;
        for (int i = 0; i < n; i++) {
            long exact = Math.multiplyExact(pence, basisPoints[i]);
            parts[i] = exact / 10_000;
            remainders[i] = exact % 10_000;
            allocated += parts[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingLong(i -> remainders[i]).reversed()
                .thenComparing(Comparator.<Integer>comparingInt(i -> basisPoints[i]).reversed())
                .thenComparing(Comparator.naturalOrder()));
        for (int k = 0; k < pence - allocated; k++) {
            parts[order.get(k)]++;
        }
        return parts;
    }

    /** Pounds per chargeable week, half-up to the penny, as the spend report's average weekly price. */
    static BigDecimal averageWeeklyPrice(long committedPence, long weekUnits) {
        if (weekUnits == 0) {
            return null;
        }
        return BigDecimal.valueOf(committedPence).multiply(BigDecimal.valueOf(UNITS_PER_WEEK))
                .divide(BigDecimal.valueOf(weekUnits), 0, RoundingMode.HALF_UP).movePointLeft(2);
    }

    private static boolean inTerm(LocalDate day) {
        for (LocalDate[] term : TERMS) {
            if (!day.isBefore(term[0]) && !day.isAfter(term[1])) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSchoolDay(LocalDate day) {
        return isWeekday(day) && inTerm(day) && !NON_SCHOOL_DAYS.contains(day);
    }

    private static boolean isWeekday(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private static List<LocalDate[]> terms(String... ranges) {
        List<LocalDate[]> terms = new ArrayList<>();
        for (String range : ranges) {
            String[] ends = range.split("/");
            terms.add(new LocalDate[] {LocalDate.parse(ends[0]), LocalDate.parse(ends[1])});
        }
        return List.copyOf(terms);
    }
}
