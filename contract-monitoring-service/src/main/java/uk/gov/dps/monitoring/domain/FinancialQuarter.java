package uk.gov.dps.monitoring.domain;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A quarter of the councils' financial year (1 April to 31 March), written {@code 2018-Q3}: the financial year
 * that starts in April 2018, third quarter, i.e. October to December 2018. Q4 of 2018 is January to March 2019.
 */
public record FinancialQuarter(int financialYear, int quarter) implements Comparable<FinancialQuarter> {

    private static final Pattern TEXT = Pattern.compile("([0-9]{4})-Q([1-4])");

    public FinancialQuarter {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1 to 4");
        }
    }

    /** @throws IllegalArgumentException when {@code text} is not like {@code 2018-Q3} */
    public static FinancialQuarter parse(String text) {
        Matcher m = TEXT.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("must be a financial-year quarter such as 2018-Q3");
        }
        return new FinancialQuarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The quarter {@code day} falls in. */
    public static FinancialQuarter containing(LocalDate day) {
        int month = day.getMonthValue();
        return month >= 4 ? new FinancialQuarter(day.getYear(), (month - 4) / 3 + 1)
                : new FinancialQuarter(day.getYear() - 1, 4);
    }

    public LocalDate firstDay() {
        return LocalDate.of(financialYear, 4, 1).plusMonths(3L * (quarter - 1));
    }

    public LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    public boolean hasStartedBy(LocalDate day) {
        return !firstDay().isAfter(day);
    }

    @Override
    public int compareTo(FinancialQuarter other) {
        return financialYear != other.financialYear ? Integer.compare(financialYear, other.financialYear)
                : Integer.compare(quarter, other.quarter);
    }

    @Override
    public String toString() {
        return financialYear + "-Q" + quarter;
    }
}
