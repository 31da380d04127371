package uk.gov.dps.spend.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** A council financial year, 1 April to 31 March, named by the calendar year it starts in: 2018 is 2018/19. */
public record FinancialYear(int startYear) implements Comparable<FinancialYear> {

    public static FinancialYear of(LocalDate day) {
        return new FinancialYear(day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, 4, 1);
    }

    public LocalDate lastDay() {
        return LocalDate.of(startYear + 1, 3, 31);
    }

    /** 365 days, or 366 when it holds a 29 February. */
    public int length() {
        return (int) ChronoUnit.DAYS.between(firstDay(), lastDay()) + 1;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(firstDay()) && !day.isAfter(lastDay());
    }

    /** Days since 1 April: 0 for 1 April. */
    public int indexOf(LocalDate day) {
        return (int) ChronoUnit.DAYS.between(firstDay(), day);
    }

    public LocalDate day(int index) {
        return firstDay().plusDays(index);
    }

    public FinancialYear next() {
        return new FinancialYear(startYear + 1);
    }

    /** "2018/19". */
    public String label() {
        return startYear + "/" + String.format("%02d", (startYear + 1) % 100);
    }

    @Override
    public int compareTo(FinancialYear other) {
        return Integer.compare(startYear, other.startYear);
    }
}
