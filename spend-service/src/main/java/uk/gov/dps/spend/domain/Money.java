package uk.gov.dps.spend.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money is held as whole pence ({@code long}) and shown as pounds with exactly two decimals. */
public final class Money {

    private Money() {
    }

    public static BigDecimal pounds(long pence) {
        return BigDecimal.valueOf(pence, 2);
    }

    /**
     * @throws ArithmeticException when {@code pounds} has fractions of a penny: amounts are never rounded on the
     *                             way in
     */
    public static long pence(BigDecimal pounds) {
        return pounds.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact();
    }

    /** {@code part} as a percentage of {@code whole}, two decimals, half-up; 0 when the whole is 0. */
    public static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
