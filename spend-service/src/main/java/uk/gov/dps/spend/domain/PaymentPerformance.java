package uk.gov.dps.spend.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/**
 * How promptly a council paid the invoices it received in a period (the Procurement Act 2023 payments compliance
 * notice): days to pay count from the day the invoice was received to the day it was paid. Invoices under dispute
 * are not yet payable and are counted apart.
 *
 * @param received          undisputed invoices received in the period
 * @param averageDaysToPay  over the paid ones, one decimal half-up; null when none is paid
 * @param within30Days      paid within 0-30 days of receipt
 * @param within31To60Days  paid 31-60 days after receipt
 * @param after60Days       paid 61 or more days after receipt
 * @param unpaid            not paid yet
 */
public record PaymentPerformance(int received, BigDecimal averageDaysToPay, int within30Days, int within31To60Days,
        int after60Days, int unpaid, int disputed) {

    /** One invoice received in the period: when it was paid (null: not yet) and whether it is disputed. */
    public record Receipt(LocalDate receivedOn, LocalDate paidOn, boolean disputed) {
    }

    public static PaymentPerformance of(Collection<Receipt> receipts) {
        int received = 0;
        int within30 = 0;
        int within60 = 0;
        int later = 0;
        int unpaid = 0;
        int disputed = 0;
        long totalDays = 0;
        for (Receipt receipt : receipts) {
            if (receipt.disputed()) {
                disputed++;
                continue;
            }
            received++;
            if (receipt.paidOn() == null) {
                unpaid++;
                continue;
            }
            long days = ChronoUnit.DAYS.between(receipt.receivedOn(), receipt.paidOn());
            totalDays += days;
            if (days <= 30) {
                within30++;
            } else if (days <= 60) {
                within60++;
            } else {
                later++;
            }
        }
        int paid = within30 + within60 + later;
        BigDecimal average = paid == 0 ? null
                : BigDecimal.valueOf(totalDays).divide(BigDecimal.valueOf(paid), 1, RoundingMode.HALF_UP);
        return new PaymentPerformance(received, average, within30, within60, later, unpaid, disputed);
    }

    /** {@code count} as a percentage of the undisputed invoices received, two decimals; 0 when none. */
    public BigDecimal percent(int count) {
        return Money.percent(count, received);
    }
}
