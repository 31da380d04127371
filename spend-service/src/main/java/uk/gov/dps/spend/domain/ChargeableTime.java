package uk.gov.dps.spend.domain;

import java.time.LocalDate;

/**
 * How much of a week's fee one day costs, by placement pattern. Counted in units of 1/910 week so that every
 * rule is a whole number: 910 is the smallest number that 7 (days a week), 5 (school days a week), 52 and 38
 * (weeks a year, for the flat fallback) all divide into whole units.
 * <ul>
 * <li>{@code WEEKS_52}: every day, 1/7 week.</li>
 * <li>{@code WEEKS_38}: every day inside a term, 1/7 week (a full term week costs one weekly fee).</li>
 * <li>{@code DAY}: every school day, 1/5 week (the weekly fee covers five school days).</li>
 * <li>Where the term calendar has no terms for the academic year, 38-week and day placements cost a flat 38/52
 * of what they would cost every day (38-week) or every weekday (day), so a year still costs about 38 weeks.</li>
 * </ul>
 */
public final class ChargeableTime {

    public static final long UNITS_PER_WEEK = 910;
    /** 1/7 week. */
    static final long CALENDAR_DAY = UNITS_PER_WEEK / 7;
    /** 1/5 week. */
    static final long SCHOOL_DAY = UNITS_PER_WEEK / 5;
    /** 38/52 of 1/7 week: a 38-week placement on a day no term calendar covers. */
    static final long FLAT_TERM_TIME_DAY = UNITS_PER_WEEK * 38 / 52 / 7;
    /** 38/52 of 1/5 week: a day placement on a weekday no term calendar covers. */
    static final long FLAT_SCHOOL_DAY = UNITS_PER_WEEK * 38 / 52 / 5;

    private ChargeableTime() {
    }

    /** Units of 1/910 week that {@code day} costs a placement of {@code pattern}: 0 when it costs nothing. */
    public static long of(PlacementPattern pattern, LocalDate day, TermCalendar calendar) {
        return switch (pattern) {
            case WEEKS_52 -> CALENDAR_DAY;
            case WEEKS_38 -> calendar.covers(day) ? (calendar.inTerm(day) ? CALENDAR_DAY : 0) : FLAT_TERM_TIME_DAY;
            case DAY -> calendar.covers(day) ? (calendar.isSchoolDay(day) ? SCHOOL_DAY : 0)
                    : (TermCalendar.isWeekday(day) ? FLAT_SCHOOL_DAY : 0);
        };
    }
}
