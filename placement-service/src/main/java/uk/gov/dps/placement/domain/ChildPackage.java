package uk.gov.dps.placement.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What one child's current placements cost each funder a week: each placement's weekly fee split by its funding
 * shares to the penny, the pennies left over going to the largest remainders, so each placement's parts add up to
 * its fee exactly and the package's funders add up to its total.
 */
public final class ChildPackage {

    public record FunderShare(FundingShares.Stream stream, BigDecimal percent, BigDecimal weekly) {
    }

    public record FunderTotal(FundingShares.Stream stream, BigDecimal weekly) {
    }

    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final BigDecimal PENNY = new BigDecimal("0.01");

    private ChildPackage() {
    }

    /** {@code weekly} split by {@code shares} (adding up to 100%), each part in pounds and pence. */
    public static List<FunderShare> split(BigDecimal weekly, List<FundingShares.Share> shares) {
        BigDecimal[] parts = new BigDecimal[shares.size()];
        BigDecimal[] remainders = new BigDecimal[shares.size()];
        BigDecimal allocated = BigDecimal.ZERO;
        for (int i = 0; i < shares.size(); i++) {
            BigDecimal exact = weekly.multiply(shares.get(i).percent()).divide(HUNDRED);
            parts[i] = exact.setScale(2, RoundingMode.DOWN);
            remainders[i] = exact.subtract(parts[i]);
            allocated = allocated.add(parts[i]);
        }
        int pennies = weekly.subtract(allocated).divide(PENNY).intValueExact();
        List<Integer> byRemainder = new ArrayList<>();
        for (int i = 0; i < shares.size(); i++) {
            byRemainder.add(i);
        }
        byRemainder.sort(Comparator.comparing((Integer i) -> remainders[i]).reversed().thenComparing(i -> i));
        for (int k = 0; k < pennies; k++) {
            int i = byRemainder.get(k % shares.size());
            parts[i] = parts[i].add(PENNY);
        }
        List<FunderShare> split = new ArrayList<>();
        for (int i = 0; i < shares.size(); i++) {
            split.add(new FunderShare(shares.get(i).stream(), shares.get(i).percent(), parts[i]));
        }
        return split;
    }

    /** The weekly totals per funder over several placements' splits, in the funders' order. */
    public static List<FunderTotal> byFunder(List<List<FunderShare>> splits) {
        Map<FundingShares.Stream, BigDecimal> totals = new EnumMap<>(FundingShares.Stream.class);
        splits.forEach(split -> split.forEach(s -> totals.merge(s.stream(), s.weekly(), BigDecimal::add)));
        return totals.entrySet().stream().map(e -> new FunderTotal(e.getKey(), e.getValue())).toList();
    }
}
