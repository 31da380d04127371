package uk.gov.dps.spend.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * School terms, for 38-week and day placements. A term is a date range; a 38-week placement is resident (and
 * paid for) on every day of a term, so terms are best given as whole weeks (Monday to Sunday) adding up to 38
 * a year. A school day is a Monday to Friday inside a term that is not a listed non-school day (bank holidays,
 * closures).
 * <p>
 * The calendar covers the academic years (1 August to 31 July) in which at least one term starts. For days it
 * does not cover, {@link ChargeableTime} falls back to a flat 38/52 of the year.
 */
public final class TermCalendar {

    public record Term(LocalDate firstDay, LocalDate lastDay) {

        public Term {
            if (lastDay.isBefore(firstDay)) {
                throw new IllegalArgumentException("term " + firstDay + "/" + lastDay + " ends before it starts");
            }
        }

        boolean contains(LocalDate day) {
            return !day.isBefore(firstDay) && !day.isAfter(lastDay);
        }
    }

    private final List<Term> terms;
    private final Set<LocalDate> nonSchoolDays;
    private final Set<Integer> academicYears;

    public TermCalendar(Collection<Term> terms, Collection<LocalDate> nonSchoolDays) {
        List<Term> sorted = new ArrayList<>(terms);
        sorted.sort(Comparator.comparing(Term::firstDay));
        for (int i = 1; i < sorted.size(); i++) {
            if (!sorted.get(i).firstDay().isAfter(sorted.get(i - 1).lastDay())) {
                throw new IllegalArgumentException("terms " + sorted.get(i - 1) + " and " + sorted.get(i) + " overlap");
            }
        }
        this.terms = List.copyOf(sorted);
        this.nonSchoolDays = new TreeSet<>(nonSchoolDays);
        this.academicYears = sorted.stream().map(t -> academicYear(t.firstDay())).collect(Collectors.toSet());
    }

    /**
     * @param terms         {@code first/last} date ranges such as {@code 2018-09-03/2018-10-21}
     * @param nonSchoolDays ISO dates
     */
    public static TermCalendar parse(List<String> terms, List<String> nonSchoolDays) {
        List<Term> parsed = new ArrayList<>();
        for (String term : terms) {
            String[] ends = term.strip().split("/");
            if (ends.length != 2) {
                throw new IllegalArgumentException("a term is first/last day, e.g. 2018-09-03/2018-10-21: " + term);
            }
            parsed.add(new Term(date(ends[0]), date(ends[1])));
        }
        return new TermCalendar(parsed, nonSchoolDays.stream().map(TermCalendar::date).toList());
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO date (yyyy-mm-dd): " + text, e);
        }
    }

    /** The academic year a day belongs to, named by the year it starts in (1 August). */
    static int academicYear(LocalDate day) {
        return day.getMonthValue() >= 8 ? day.getYear() : day.getYear() - 1;
    }

    public boolean covers(LocalDate day) {
        return academicYears.contains(academicYear(day));
    }

    public boolean inTerm(LocalDate day) {
        for (Term term : terms) {
            if (term.contains(day)) {
                return true;
            }
            if (term.firstDay().isAfter(day)) {
                return false;
            }
        }
        return false;
    }

    public boolean isSchoolDay(LocalDate day) {
        return isWeekday(day) && inTerm(day) && !nonSchoolDays.contains(day);
    }

    static boolean isWeekday(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** Identifies the calendar's content: figures computed with another calendar must be recomputed. */
    public String fingerprint() {
        return terms.stream().map(t -> t.firstDay() + "/" + t.lastDay()).collect(Collectors.joining(",")) + ";"
                + nonSchoolDays.stream().map(LocalDate::toString).collect(Collectors.joining(","));
    }
}
