package uk.gov.dps.spend.domain;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A six-month reporting period of the Procurement Act 2023 payments compliance notice: the first half of a financial
 * year (1 April to 30 September, {@code H1}) or the second (1 October to 31 March, {@code H2}). Named like
 * {@code 2026-27-H1}.
 */
public record PaymentPeriod(FinancialYear year, int half) {

    private static final Pattern NAME = Pattern.compile("(\\d{4})-(\\d{2})-H([12])");

    public PaymentPeriod {
        if (half != 1 && half != 2) {
            throw new IllegalArgumentException("a financial year has halves 1 and 2, not " + half);
        }
    }

    /** @throws IllegalArgumentException unless {@code name} is like 2026-27-H1 with consecutive years */
    public static PaymentPeriod parse(String name) {
        Matcher m = NAME.matcher(name == null ? "" : name.strip().toUpperCase());
        if (!m.matches()) {
            throw new IllegalArgumentException("a period is named like 2026-27-H1 (1 April - 30 September) or "
                    + "2026-27-H2 (1 October - 31 March)");
        }
        int start = Integer.parseInt(m.group(1));
        if ((start + 1) % 100 != Integer.parseInt(m.group(2))) {
            throw new IllegalArgumentException(name + ": the second year must follow the first, e.g. 2026-27");
        }
        return new PaymentPeriod(new FinancialYear(start), Integer.parseInt(m.group(3)));
    }

    public static PaymentPeriod of(LocalDate day) {
        FinancialYear year = FinancialYear.of(day);
        return new PaymentPeriod(year, day.getMonthValue() >= 4 && day.getMonthValue() <= 9 ? 1 : 2);
    }

    public LocalDate firstDay() {
        return half == 1 ? year.firstDay() : LocalDate.of(year.startYear(), 10, 1);
    }

    public LocalDate lastDay() {
        return half == 1 ? LocalDate.of(year.startYear(), 9, 30) : year.lastDay();
    }

    public String name() {
        return year.startYear() + "-" + String.format("%02d", (year.startYear() + 1) % 100) + "-H" + half;
    }
}
