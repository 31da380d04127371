package uk.gov.dps.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import uk.gov.dps.demo.FeeCalibration.Funded;
import uk.gov.dps.demo.SpendArithmetic.FeeStep;
import uk.gov.dps.demo.SpendArithmetic.Pattern;

class FeeCalibrationTest {

    @Test
    void theCommitmentForAnAverageGivesBackExactlyThatAverage() {
        Random random = new Random(1);
        for (int i = 0; i < 2_000; i++) {
            long average = 50_00 + random.nextInt(1_000_000);
            long units = 130 + random.nextInt(5_000_000);
            long committed = FeeCalibration.commitmentForAverage(average, units);
            assertEquals(BigDecimal.valueOf(average, 2), SpendArithmetic.averageWeeklyPrice(committed, units),
                    "average " + average + " over " + units + " units");
        }
    }

    @Test
    void aFeeCanBeFoundForAnyCostWithinHalfAPennyAWeek() {
        LocalDate start = LocalDate.of(2018, 4, 3);
        for (Pattern pattern : Pattern.values()) {
            for (long needed : new long[] {1_000_00, 99_999_99, 250_000_00, 123_456_78}) {
                long fee = FeeCalibration.feeForCost(pattern, start, null, 2018, needed);
                long cost = SpendArithmetic.inYear(pattern, start, null, List.of(new FeeStep(start, fee)), 2018)
                        .committedPence();
                long weeks = SpendArithmetic.inYear(pattern, start, null, List.of(new FeeStep(start, 1)), 2018)
                        .weekUnits() / SpendArithmetic.UNITS_PER_WEEK + 1;
                assertTrue(Math.abs(cost - needed) <= weeks, pattern + " " + needed + ": cost " + cost);
            }
        }
    }

    @Test
    void noFeeMakesAPlacementCostSomethingInAYearItDoesNotRunIn() {
        assertThrows(IllegalArgumentException.class, () -> FeeCalibration.feeForCost(Pattern.WEEKS_52,
                LocalDate.of(2019, 4, 1), null, 2018, 1_000_00));
        assertThrows(IllegalArgumentException.class, () -> FeeCalibration.feeForCost(Pattern.WEEKS_52,
                LocalDate.of(2018, 4, 1), null, 2018, -5));
    }

    @Test
    void scalesToWholePounds() {
        assertEquals(2_531_00, FeeCalibration.scaleToWholePounds(2_000_00, new BigDecimal("1.2655")));
        assertEquals(100, FeeCalibration.scaleToWholePounds(10, BigDecimal.ONE));
    }

    @Test
    void shiftsTheHighNeedsShareUntilItsTotalIsReached() {
        Random random = new Random(7);
        List<Funded> placements = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            long cost = 50_000_00 + random.nextInt(250_000_00);
            int[] shares = switch (i % 4) {
                case 0 -> new int[] {10_000, 0, 0};
                case 1 -> new int[] {4_000, 4_000, 2_000};
                case 2 -> new int[] {7_000, 3_000, 0};
                default -> new int[] {5_000, 5_000, 0};
            };
            placements.add(new Funded(cost, shares));
        }
        long total = placements.stream().mapToLong(p -> p.costPence).sum();
        long target = total * 64 / 100;

        long reached = FeeCalibration.shiftFirstStreamTo(placements, target, 1_000);

        assertEquals(reached, FeeCalibration.total(placements, 0));
        assertTrue(Math.abs(reached - target) < 100_00, "within £100: " + (reached - target));
        for (Funded p : placements) {
            assertEquals(10_000, p.basisPoints[0] + p.basisPoints[1] + p.basisPoints[2]);
            if (p.basisPoints[1] > 0) {
                assertTrue(p.basisPoints[0] >= 1_000 && p.basisPoints[1] >= 1_000);
            }
        }
        // the other streams' parts still add up to every placement's cost
        long all = FeeCalibration.total(placements, 0) + FeeCalibration.total(placements, 1)
                + FeeCalibration.total(placements, 2);
        assertEquals(total, all);
    }

    @Test
    void leavesSharesAloneWhenNothingCanMove() {
        List<Funded> placements = List.of(new Funded(100_00, new int[] {10_000, 0, 0}));
        assertEquals(100_00, FeeCalibration.shiftFirstStreamTo(placements, 50_00, 1_000));
        assertEquals(10_000, placements.get(0).basisPoints[0]);
    }
}
