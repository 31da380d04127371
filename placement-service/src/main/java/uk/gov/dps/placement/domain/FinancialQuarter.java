package uk.gov.dps.placement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A quarter of a UK financial year, written as councils write it: {@code 2026-27-Q3} is the third quarter of the year
 * April 2026 to March 2027, i.e. 1 October to 31 December 2026 (Q1 April-June, Q2 July-September, Q3 October-December,
 * Q4 January-March of the following calendar year). Boundaries are midnight UK time.
 */
public record FinancialQuarter(int startYear, int quarter) {

    public static final String FORMAT = "YYYY-YY-Qn, e.g. 2026-27-Q3 for October to December 2026";
    private static final Pattern WRITTEN = Pattern.compile("(\\d{4})-(\\d{2})-Q([1-4])");

    public FinancialQuarter {
        if (quarter < 1 || quarter > 4 || startYear < 1900 || startYear > 2198) {
            throw new IllegalArgumentException("no such quarter: " + startYear + " Q" + quarter);
        }
    }

    /** The quarter as written, or empty when it is not one (wrong shape, or the two years do not follow). */
    public static Optional<FinancialQuarter> parse(String written) {
        Matcher m = written == null ? null : WRITTEN.matcher(written.strip().toUpperCase());
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        int start = Integer.parseInt(m.group(1));
        if ((start + 1) % 100 != Integer.parseInt(m.group(2)) || start < 1900 || start > 2198) {
            return Optional.empty();
        }
        return Optional.of(new FinancialQuarter(start, Integer.parseInt(m.group(3))));
    }

    /** The quarter a day falls in. */
    public static FinancialQuarter of(LocalDate day) {
        int month = day.getMonthValue();
        int startYear = month >= 4 ? day.getYear() : day.getYear() - 1;
        int quarter = month >= 4 ? (month - 4) / 3 + 1 : 4;
        return new FinancialQuarter(startYear, quarter);
    }

    public LocalDate firstDay() {
        return LocalDate.of(startYear, 4, 1).plusMonths(3L * (quarter - 1));
    }

    public LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    /** The first moment of the quarter, UK time. */
    public Instant start(ZoneId zone) {
        return firstDay().atStartOfDay(zone).toInstant();
    }

    /** The first moment after the quarter, UK time. */
    public Instant end(ZoneId zone) {
        return lastDay().plusDays(1).atStartOfDay(zone).toInstant();
    }

    public FinancialQuarter next() {
        return quarter == 4 ? new FinancialQuarter(startYear + 1, 1) : new FinancialQuarter(startYear, quarter + 1);
    }

    public FinancialQuarter previous() {
        return quarter == 1 ? new FinancialQuarter(startYear - 1, 4) : new FinancialQuarter(startYear, quarter - 1);
    }

    public String label() {
        return "%d-%02d-Q%d".formatted(startYear, (startYear + 1) % 100, quarter);
    }

    @Override
    public String toString() {
        return label();
    }
}
