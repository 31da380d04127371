package uk.gov.dps.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import uk.gov.dps.demo.SpendArithmetic.FeeStep;
import uk.gov.dps.demo.SpendArithmetic.Pattern;

/**
 * The arithmetic that picks the demo's fees and funding shares so that spend-service's figures land on the paper's:
 * a lot's average weekly price, a lot's commitment, and the High Needs Block's part of it. Everything is in pence
 * and basis points (hundredths of a percent), as spend-service counts.
 */
final class FeeCalibration {

    private FeeCalibration() {
    }

    /**
     * The total commitment of a lot with {@code weekUnits} of chargeable time whose average weekly price is
     * {@code averagePence}: the average is committed × 910 / units, so the commitment is average × units / 910,
     * rounded to the penny (halves up).
     */
    static long commitmentForAverage(long averagePence, long weekUnits) {
        return BigDecimal.valueOf(averagePence).multiply(BigDecimal.valueOf(weekUnits))
                .divide(BigDecimal.valueOf(SpendArithmetic.UNITS_PER_WEEK), 0, RoundingMode.HALF_UP).longValueExact();
    }

    /**
     * The weekly fee (pence) of a placement with one fee throughout whose cost in {@code financialYear} is as near
     * to {@code neededPence} as a whole penny of fee allows (within half a penny per chargeable week).
     *
     * @throws IllegalArgumentException when no positive fee gets there (the placement costs nothing that year, or
     *                                  the others already cost more than the target)
     */
    static long feeForCost(Pattern pattern, LocalDate first, LocalDate last, int financialYear, long neededPence) {
        long units = SpendArithmetic.inYear(pattern, first, last, List.of(new FeeStep(first, 1)), financialYear)
                .weekUnits();
        if (units == 0 || neededPence <= 0) {
            throw new IllegalArgumentException("no positive fee makes a placement from " + first + " cost "
                    + neededPence + "p in " + financialYear + " (chargeable units " + units + ")");
        }
        long guess = BigDecimal.valueOf(neededPence).multiply(BigDecimal.valueOf(SpendArithmetic.UNITS_PER_WEEK))
                .divide(BigDecimal.valueOf(units), 0, RoundingMode.HALF_UP).longValueExact();
        long best = guess;
        long bestError = Long.MAX_VALUE;
        for (long fee = Math.max(1, guess - 3); fee <= guess + 3; fee++) {
            long error = Math.abs(cost(fee, units) - neededPence);
            if (error < bestError) {
                best = fee;
                bestError = error;
            }
        }
        return best;
    }

    /** What a fee costs over {@code units} of chargeable time at one fee: exact, rounded once, halves up. */
    static long cost(long weeklyPence, long units) {
        return (Math.multiplyExact(weeklyPence, units) + SpendArithmetic.UNITS_PER_WEEK / 2)
                / SpendArithmetic.UNITS_PER_WEEK;
    }

    /** {@code pence} times {@code factor}, rounded to whole pounds (fees people write down), at least £1. */
    static long scaleToWholePounds(long pence, BigDecimal factor) {
        long pounds = BigDecimal.valueOf(pence).multiply(factor).movePointLeft(2).setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
        return Math.max(1, pounds) * 100;
    }

    /**
     * One placement's cost and funding shares, in basis points in the order of the funding streams: High Needs
     * Block, LAC placements, health (0 where a stream pays nothing).
     */
    static final class Funded {
        final long costPence;
        final int[] basisPoints;

        Funded(long costPence, int[] basisPoints) {
            this.costPence = costPence;
            this.basisPoints = basisPoints.clone();
        }

        long part(int stream) {
            List<Integer> present = new ArrayList<>();
            for (int s = 0; s < basisPoints.length; s++) {
                if (basisPoints[s] > 0) {
                    present.add(s);
                }
            }
            int[] shares = present.stream().mapToInt(s -> basisPoints[s]).toArray();
            long[] parts = SpendArithmetic.allocate(costPence, shares);
            int index = present.indexOf(stream);
            return index < 0 ? 0 : parts[index];
        }

        /** Shares the first stream's part with the second; true when it could (each keeps at least the floor). */
        boolean canShift(int basisPointsToFirst, int floor) {
            int first = basisPoints[0] + basisPointsToFirst;
            int second = basisPoints[1] - basisPointsToFirst;
            return basisPoints[1] > 0 && first >= floor && second >= floor;
        }

        void shift(int basisPointsToFirst) {
            basisPoints[0] += basisPointsToFirst;
            basisPoints[1] -= basisPointsToFirst;
        }
    }

    /** Sum of the parts of {@code stream} over the placements. */
    static long total(List<Funded> placements, int stream) {
        return placements.stream().mapToLong(p -> p.part(stream)).sum();
    }

    /**
     * Moves basis points between the first stream (High Needs Block) and the second (LAC placements) of the
     * placements that have both, so that the first stream's total comes as near to {@code targetPence} as a basis
     * point allows: first the same shift, in whole percent, on all of them (so no one placement looks odd), then the
     * remainder on the
     * largest ones, one after another. No share goes below {@code floor} basis points.
     *
     * @return the first stream's total afterwards
     */
    static long shiftFirstStreamTo(List<Funded> placements, long targetPence, int floor) {
        List<Funded> adjustable = placements.stream().filter(p -> p.basisPoints[0] > 0 && p.basisPoints[1] > 0)
                .sorted(Comparator.comparingLong((Funded p) -> p.costPence).reversed()).toList();
        long adjustableCost = adjustable.stream().mapToLong(p -> p.costPence).sum();
        if (adjustableCost == 0) {
            return total(placements, 0);
        }
        long gap = targetPence - total(placements, 0);
        // in whole percentages, so most placements keep round shares; the largest take the remainder
        int uniform = BigDecimal.valueOf(gap).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(adjustableCost), 0, RoundingMode.HALF_UP).intValueExact() * 100;
        for (Funded p : adjustable) {
            if (p.canShift(uniform, floor)) {
                p.shift(uniform);
            }
        }
        for (int round = 0; round < 3; round++) {
            for (Funded p : adjustable) {
                gap = targetPence - total(placements, 0);
                int shift = BigDecimal.valueOf(gap).multiply(BigDecimal.valueOf(10_000))
                        .divide(BigDecimal.valueOf(p.costPence), 0, RoundingMode.HALF_UP).intValueExact();
                if (shift != 0 && p.canShift(shift, floor)) {
                    p.shift(shift);
                }
            }
        }
        return total(placements, 0);
    }
}
