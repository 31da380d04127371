package uk.gov.dps.spend.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * When spend is at risk and when it is overspent, as percentages of a budget or contract value. A threshold is
 * crossed when the amount goes <em>over</em> that percentage of the limit: a budget committed to exactly 100% is
 * fully used, not overspent. A limit of 0 is exceeded by any amount above 0.
 */
public record Thresholds(int atRiskPercent, int overspentPercent) {

    public Thresholds {
        if (atRiskPercent < 1 || overspentPercent <= atRiskPercent) {
            throw new IllegalArgumentException("thresholds must satisfy 0 < at-risk < overspent, not "
                    + atRiskPercent + " and " + overspentPercent);
        }
    }

    public static boolean exceeds(long amount, long limit, int percent) {
        return Math.multiplyExact(amount, 100L) > Math.multiplyExact(limit, (long) percent);
    }

    /** The thresholds {@code amount} is over, lowest first. */
    public List<Integer> exceeded(long amount, long limit) {
        List<Integer> over = new ArrayList<>();
        for (int percent : List.of(atRiskPercent, overspentPercent)) {
            if (exceeds(amount, limit, percent)) {
                over.add(percent);
            }
        }
        return over;
    }

    public SpendStatus status(long amount, long limit) {
        if (exceeds(amount, limit, overspentPercent)) {
            return SpendStatus.OVERSPENT;
        }
        return exceeds(amount, limit, atRiskPercent) ? SpendStatus.AT_RISK : SpendStatus.WITHIN;
    }
}
