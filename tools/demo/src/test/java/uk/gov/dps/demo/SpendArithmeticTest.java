package uk.gov.dps.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.gov.dps.demo.SpendArithmetic.FeeStep;
import uk.gov.dps.demo.SpendArithmetic.Pattern;
import uk.gov.dps.demo.SpendArithmetic.YearCost;

/** The demo's restatement of spend-service's commitment rules, on cases worked out by hand. */
class SpendArithmeticTest {

    private static final int YEAR = 2018;

    private static YearCost cost(Pattern pattern, String first, String last, long weeklyPence) {
        return SpendArithmetic.inYear(pattern, LocalDate.parse(first), last == null ? null : LocalDate.parse(last),
                List.of(new FeeStep(LocalDate.parse(first), weeklyPence)), YEAR);
    }

    @Test
    void aWholeWeekOfA52WeekPlacementCostsTheWeeklyFee() {
        assertEquals(new YearCost(2_531_00, 910), cost(Pattern.WEEKS_52, "2018-06-04", "2018-06-10", 2_531_00));
    }

    @Test
    void oneDayIsASeventhOfAWeekRoundedOnceHalvesUp() {
        // 1000p / 7 = 142.857… → 143p
        assertEquals(new YearCost(143, 130), cost(Pattern.WEEKS_52, "2018-06-04", "2018-06-04", 1_000));
    }

    @Test
    void anOpenEndedPlacementCostsUntilTheEndOfTheFinancialYear() {
        // 1 March to 31 March 2019: 31 days
        assertEquals(new YearCost(31 * 700_00L / 7, 31 * 130), cost(Pattern.WEEKS_52, "2019-03-01", null, 700_00));
        // started before the year: counted from 1 April 2018, 365 days
        assertEquals(365 * 130, cost(Pattern.WEEKS_52, "2017-09-04", null, 700_00).weekUnits());
    }

    @Test
    void a38WeekPlacementCostsInTermOnlyOnceTheCalendarCoversTheAcademicYear() {
        // first week of the autumn term 2018
        assertEquals(new YearCost(1_000_00, 910), cost(Pattern.WEEKS_38, "2018-09-03", "2018-09-09", 1_000_00));
        // half term, 22 to 28 October 2018
        assertEquals(new YearCost(0, 0), cost(Pattern.WEEKS_38, "2018-10-22", "2018-10-28", 1_000_00));
        // summer 2018 is in academic year 2017, which the calendar does not cover: a flat 38/52 of every day
        // 7 days × 95 units = 665 units; 100000p × 665 / 910 = 73076.9 → 73077p
        assertEquals(new YearCost(73_077, 665), cost(Pattern.WEEKS_38, "2018-05-07", "2018-05-13", 1_000_00));
    }

    @Test
    void aDayPlacementCostsAFifthOfTheFeePerSchoolDay() {
        // Monday to Sunday in term: five school days
        assertEquals(new YearCost(1_500_00, 910), cost(Pattern.DAY, "2018-09-03", "2018-09-09", 1_500_00));
        // before the calendar: weekdays at 38/52 of a fifth (133 units), weekends nothing
        assertEquals(new YearCost(1_500_00 * 133 * 5 / 910, 665), cost(Pattern.DAY, "2018-05-07", "2018-05-13",
                1_500_00));
    }

    @Test
    void aFeeChangeAppliesFromItsDay() {
        YearCost week = SpendArithmetic.inYear(Pattern.WEEKS_52, LocalDate.parse("2018-06-04"),
                LocalDate.parse("2018-06-10"), List.of(new FeeStep(LocalDate.parse("2018-06-04"), 700_00),
                        new FeeStep(LocalDate.parse("2018-06-08"), 1_400_00)), YEAR);
        // four days at £100 a day, three at £200
        assertEquals(1_000_00, week.committedPence());
    }

    @Test
    void splitsByLargestRemainderAsSpendServiceDoes() {
        assertArrayEquals(new long[] {3, 3, 4}, SpendArithmetic.allocate(10, new int[] {3_333, 3_333, 3_334}));
        // equal remainders and shares: the first stream gets the penny
        assertArrayEquals(new long[] {1, 0}, SpendArithmetic.allocate(1, new int[] {5_000, 5_000}));
        // larger share wins a tie of remainders
        assertArrayEquals(new long[] {0, 1}, SpendArithmetic.allocate(1, new int[] {2_500, 7_500}));
        assertArrayEquals(new long[] {60_00, 40_00}, SpendArithmetic.allocate(100_00, new int[] {6_000, 4_000}));
    }

    @Test
    void averageWeeklyPriceIsCommitmentPerChargeableWeek() {
        assertEquals(new BigDecimal("2531.00"), SpendArithmetic.averageWeeklyPrice(2_531_00 * 3, 910 * 3));
        assertEquals(new BigDecimal("0.33"), SpendArithmetic.averageWeeklyPrice(100, 2_730));
        assertEquals(null, SpendArithmetic.averageWeeklyPrice(0, 0));
    }
}
