package uk.gov.dps.transparency.domain;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar quarter, written {@code 2018-Q3} (1 July to 30 September 2018): the Transparency Code's publication
 * period. Financial-year quarters are the same three-month spans (2018-Q2 is the first quarter of 2018/19).
 */
public record Quarter(int year, int number) {

    private static final Pattern TEXT = Pattern.compile("(\\d{4})-Q([1-4])");

    public static Optional<Quarter> parse(String text) {
        Matcher m = text == null ? null : TEXT.matcher(text);
        return m != null && m.matches() ? Optional.of(new Quarter(Integer.parseInt(m.group(1)),
                Integer.parseInt(m.group(2)))) : Optional.empty();
    }

    public static Quarter containing(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1);
    }

    public LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
