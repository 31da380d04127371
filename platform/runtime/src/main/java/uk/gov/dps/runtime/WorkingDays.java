package uk.gov.dps.runtime;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Year;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * Working days in England and Wales: Monday to Friday, except bank holidays. Requests to participate in a
 * DPS must be evaluated within 10 working days (15 where justified), counted from the day after receipt.
 * <p>
 * The bank holidays come from Jollyday's United Kingdom calendar for England ("eng"; Wales has the same days):
 * Easter, substitute days and the holidays moved or proclaimed for one year are maintained there.
 */
public final class WorkingDays {

    private static final HolidayManager UNITED_KINGDOM = HolidayManager.getInstance(
            ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));
    private static final String ENGLAND = "eng";

    /**
     * Proclaimed holidays Jollyday 2.19 does not have (checked against its calendar from 1990 to 2040): the
     * millennium holiday of 31 December 1999, and in 2002 the golden jubilee (3 June) with the spring bank
     * holiday moved from 27 May to 4 June.
     */
    private static final Map<Integer, Set<LocalDate>> ADDED = Map.of(
            1999, Set.of(LocalDate.of(1999, 12, 31)),
            2002, Set.of(LocalDate.of(2002, 6, 3), LocalDate.of(2002, 6, 4)));
    private static final Map<Integer, Set<LocalDate>> REMOVED = Map.of(
            2002, Set.of(LocalDate.of(2002, 5, 27)));

    private static final Map<Integer, Set<LocalDate>> CACHE = new ConcurrentHashMap<>();

    /** The working day for working-hour reminders: 09:00 to 17:00 in England (clocks change outside it). */
    public static final LocalTime DAY_STARTS = LocalTime.of(9, 0);
    public static final LocalTime DAY_ENDS = LocalTime.of(17, 0);

    private WorkingDays() {
    }

    public static boolean isWorkingDay(LocalDate day) {
        return !isWeekend(day) && !bankHolidays(day.getYear()).contains(day);
    }

    /** The {@code n}th working day after {@code start} (a start on a non-working day counts from the next one). */
    public static LocalDate addWorkingDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        LocalDate day = start;
        for (int counted = 0; counted < n;) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * The moment {@code hours} working hours before {@code deadline}, counting only 09:00 to 17:00 (UK time) on
     * working days. A deadline outside working hours counts back from the end of the last working day before it,
     * e.g. 4 working hours before Saturday noon is Friday 13:00; a result that falls exactly at 09:00 stays on that
     * day rather than moving to 17:00 the working day before.
     */
    public static Instant minusWorkingHours(Instant deadline, int hours) {
        if (hours < 0) {
            throw new IllegalArgumentException("hours must not be negative");
        }
        Duration remaining = Duration.ofHours(hours);
        ZonedDateTime at = deadline.atZone(PlatformClock.UK);
        while (!remaining.isZero()) {
            LocalDate day = at.toLocalDate();
            if (isWorkingDay(day)) {
                ZonedDateTime start = day.atTime(DAY_STARTS).atZone(PlatformClock.UK);
                ZonedDateTime end = day.atTime(DAY_ENDS).atZone(PlatformClock.UK);
                ZonedDateTime from = at.isAfter(end) ? end : at;
                Duration available = from.isAfter(start) ? Duration.between(start, from) : Duration.ZERO;
                if (remaining.compareTo(available) <= 0) {
                    return from.minus(remaining).toInstant();
                }
                remaining = remaining.minus(available);
            }
            at = previousWorkingDay(day).atTime(DAY_ENDS).atZone(PlatformClock.UK);
        }
        return at.toInstant();
    }

    private static LocalDate previousWorkingDay(LocalDate day) {
        LocalDate previous = day.minusDays(1);
        while (!isWorkingDay(previous)) {
            previous = previous.minusDays(1);
        }
        return previous;
    }

    public static Set<LocalDate> bankHolidays(int year) {
        return CACHE.computeIfAbsent(year, WorkingDays::computeBankHolidays);
    }

    private static Set<LocalDate> computeBankHolidays(int year) {
        Set<LocalDate> days = new HashSet<>();
        // getDate() is the day off: the substitute weekday when the holiday itself falls at a weekend
        UNITED_KINGDOM.getHolidays(Year.of(year), ENGLAND).stream().map(Holiday::getDate).forEach(days::add);
        days.removeAll(REMOVED.getOrDefault(year, Set.of()));
        days.addAll(ADDED.getOrDefault(year, Set.of()));
        return Set.copyOf(days);
    }

    private static boolean isWeekend(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
