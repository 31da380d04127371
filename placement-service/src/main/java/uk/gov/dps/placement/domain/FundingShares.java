package uk.gov.dps.placement.domain;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How a placement's cost is split between funders: the High Needs Block (DSG), the council's LAC placements
 * budget and health (CCG, now ICB). Shares are percentages that add up to exactly 100.
 */
public final class FundingShares {

    public enum Stream {
        HIGH_NEEDS_BLOCK, LAC_PLACEMENTS, HEALTH
    }

    public record Share(Stream stream, BigDecimal percent) {
    }

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private FundingShares() {
    }

    /** Why these shares cannot fund a placement, or empty when they can. */
    public static Optional<String> problem(List<Share> shares) {
        if (shares == null || shares.isEmpty()) {
            return Optional.of("give at least one funding share");
        }
        Set<Stream> seen = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (Share share : shares) {
            if (share.stream() == null || share.percent() == null) {
                return Optional.of("each share needs a stream and a percent");
            }
            if (share.percent().signum() <= 0) {
                return Optional.of("a share must be more than 0 percent");
            }
            if (share.percent().scale() > 2) {
                return Optional.of("percentages have at most two decimals");
            }
            if (!seen.add(share.stream())) {
                return Optional.of(share.stream() + " appears twice");
            }
            sum = sum.add(share.percent());
        }
        if (sum.compareTo(HUNDRED) != 0) {
            return Optional.of("shares add up to " + sum.stripTrailingZeros().toPlainString() + "%, not 100%");
        }
        return Optional.empty();
    }
}
