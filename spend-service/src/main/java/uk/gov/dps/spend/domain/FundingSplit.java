package uk.gov.dps.spend.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How a placement's cost is shared between funding streams, in basis points (hundredths of a percent) that add
 * up to exactly 10,000.
 * <p>
 * Rounding: an amount in whole pence is split by the largest-remainder method. Each stream gets its exact share
 * rounded down, and the pence left over go one each to the streams with the largest remainders (ties: the larger
 * share, then the order of {@link FundingStream}). So the parts always add up to the amount, and no stream is
 * ever more than a penny from its exact share.
 */
public record FundingSplit(List<Share> shares) {

    public static final int WHOLE = 10_000;

    public record Share(FundingStream stream, int basisPoints) {
    }

    public FundingSplit {
        if (shares.isEmpty()) {
            throw new IllegalArgumentException("a placement needs at least one funding share");
        }
        List<Share> sorted = new ArrayList<>(shares);
        sorted.sort(Comparator.comparing(Share::stream));
        int sum = 0;
        for (int i = 0; i < sorted.size(); i++) {
            Share share = sorted.get(i);
            if (share.basisPoints() <= 0) {
                throw new IllegalArgumentException(share.stream() + " has a share of " + share.basisPoints()
                        + " basis points; each share must be more than 0");
            }
            if (i > 0 && sorted.get(i - 1).stream() == share.stream()) {
                throw new IllegalArgumentException(share.stream() + " appears twice in the funding shares");
            }
            sum += share.basisPoints();
        }
        if (sum != WHOLE) {
            throw new IllegalArgumentException("funding shares add up to " + BigDecimal.valueOf(sum, 2).toPlainString()
                    + "%, not 100%");
        }
        shares = List.copyOf(sorted);
    }

    /**
     * @throws IllegalArgumentException unless each percentage is above 0 with at most two decimals and they add
     *                                  up to 100
     */
    public static FundingSplit ofPercentages(Map<FundingStream, BigDecimal> percentages) {
        List<Share> shares = new ArrayList<>();
        percentages.forEach((stream, percent) -> {
            if (percent.stripTrailingZeros().scale() > 2) {
                throw new IllegalArgumentException(stream + ": percentages have at most two decimals, not " + percent);
            }
            shares.add(new Share(stream, percent.movePointRight(2).intValueExact()));
        });
        return new FundingSplit(shares);
    }

    public static FundingSplit whollyBy(FundingStream stream) {
        return new FundingSplit(List.of(new Share(stream, WHOLE)));
    }

    public List<FundingStream> streams() {
        return shares.stream().map(Share::stream).toList();
    }

    public BigDecimal percentOf(FundingStream stream) {
        return shares.stream().filter(s -> s.stream() == stream).findFirst()
                .map(s -> BigDecimal.valueOf(s.basisPoints(), 2)).orElse(BigDecimal.ZERO.setScale(2));
    }

    /** @return each share's part of {@code pence}, in the order of {@link #shares()}, adding up to {@code pence} */
    public long[] allocate(long pence) {
        if (pence < 0) {
            throw new IllegalArgumentException("cannot split a negative amount");
        }
        int n = shares.size();
        long[] parts = new long[n];
        long[] remainders = new long[n];
        long allocated = 0;
        for (int i = 0; i < n; i++) {
            // pence * basis points stays far inside a long for any budget a council holds (< 9.2e14 pounds)
            long exact = Math.multiplyExact(pence, shares.get(i).basisPoints());
            parts[i] = exact / WHOLE;
            remainders[i] = exact % WHOLE;
            allocated += parts[i];
        }
        long leftOver = pence - allocated;
        if (leftOver > 0) {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, Comparator.<Integer>comparingLong(i -> remainders[i]).reversed()
                    .thenComparing(Comparator.<Integer>comparingInt(i -> shares.get(i).basisPoints()).reversed())
                    .thenComparing(i -> shares.get(i).stream()));
            for (int k = 0; k < leftOver; k++) {
                parts[order[k]]++;
            }
        }
        return parts;
    }

    public Map<FundingStream, Long> allocateByStream(long pence) {
        long[] parts = allocate(pence);
        Map<FundingStream, Long> byStream = new EnumMap<>(FundingStream.class);
        for (int i = 0; i < parts.length; i++) {
            byStream.put(shares.get(i).stream(), parts[i]);
        }
        return byStream;
    }
}
