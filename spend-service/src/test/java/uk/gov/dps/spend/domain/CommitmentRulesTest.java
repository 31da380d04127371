package uk.gov.dps.spend.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.dps.spend.domain.FundingStream.HEALTH;
import static uk.gov.dps.spend.domain.FundingStream.HIGH_NEEDS_BLOCK;
import static uk.gov.dps.spend.domain.FundingStream.LAC_PLACEMENTS;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Commitment of a placement in a financial year: each chargeable day costs the weekly fee in force that day times
 * the day's fraction of a week; the year's running total is rounded to the penny, halves up, and split between the
 * funders. Every expected figure is worked out by hand in the comment beside it.
 */
class CommitmentRulesTest {

    private static final TermCalendar CALENDAR = TermCalendarTest.CALENDAR_2018_19;
    private static final FinancialYear FY2018 = new FinancialYear(2018);
    private static final FinancialYear FY2019 = new FinancialYear(2019);
    private static final PlacementTerms.Booking BOOKING = new PlacementTerms.Booking("cambridgeshire",
            UUID.randomUUID(), UUID.randomUUID(), false);
    private static final FundingSplit SIXTY_FORTY = FundingSplit.ofPercentages(
            Map.of(HIGH_NEEDS_BLOCK, new BigDecimal("60"), LAC_PLACEMENTS, new BigDecimal("40")));
    private static final FundingSplit LAC_ONLY = FundingSplit.whollyBy(LAC_PLACEMENTS);

    private static PlacementTerms terms(PlacementPattern pattern, String first, String last, FeeTimeline fees,
            FundingSplit split, FinancialYear horizon) {
        return new PlacementTerms(BOOKING, pattern, LocalDate.parse(first), last == null ? null : LocalDate.parse(last),
                fees, split, horizon);
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Nested
    class FiftyTwoWeekPlacements {

        @Test
        void costEveryWeekAndSplitSixtyForty() {
            // 5 Nov 2018 to 31 Mar 2019 is 26 + 31 + 31 + 28 + 31 = 147 days = 21 weeks at £2,531 = £53,151.00;
            // HNB 60% = £31,890.60, LAC 40% = £21,260.40
            YearCharges charges = terms(PlacementPattern.WEEKS_52, "2018-11-05", null, FeeTimeline.of(253_100),
                    SIXTY_FORTY, FY2019).chargesIn(FY2018, CALENDAR);
            assertThat(charges.committed()).isEqualTo(5_315_100);
            assertThat(charges.committed(HIGH_NEEDS_BLOCK)).isEqualTo(3_189_060);
            assertThat(charges.committed(LAC_PLACEMENTS)).isEqualTo(2_126_040);
            assertThat(charges.weekUnits()).isEqualTo(21 * ChargeableTime.UNITS_PER_WEEK);
            // nothing before the start, and the first whole week is exactly one weekly fee
            assertThat(charges.costTo(day("2018-11-04"))).isZero();
            assertThat(charges.costTo(day("2018-11-11"))).isEqualTo(253_100);
        }

        @Test
        void aWholeYearIs365SeventhsOfAWeekAndALeapYear366() {
            // 2018/19: £2,531 x 365 / 7 = £131,973.5714... -> £131,973.57
            PlacementTerms terms = terms(PlacementPattern.WEEKS_52, "2018-04-01", null, FeeTimeline.of(253_100),
                    LAC_ONLY, FY2019);
            assertThat(terms.chargesIn(FY2018, CALENDAR).committed()).isEqualTo(13_197_357);
            // 2019/20 holds 29 Feb 2020: £2,531 x 366 / 7 = £132,335.1428... -> £132,335.14
            assertThat(terms.chargesIn(FY2019, CALENDAR).committed()).isEqualTo(13_233_514);
        }

        @Test
        void partWeeksArePerDayProRataRoundedHalfUpOnce() {
            // 3 Sep to 9 Oct 2018 is 28 + 9 = 37 days: £1,000 x 37 / 7 = £5,285.714... -> £5,285.71
            YearCharges charges = terms(PlacementPattern.WEEKS_52, "2018-09-03", null, FeeTimeline.of(100_000),
                    LAC_ONLY, FY2019).chargesIn(FY2018, CALENDAR);
            assertThat(charges.costTo(day("2018-10-09"))).isEqualTo(528_571);
            // £1 a week: one day is 14.29p -> 14p, three days 42.86p -> 43p (halves and above go up)
            YearCharges pound = terms(PlacementPattern.WEEKS_52, "2018-04-01", null, FeeTimeline.of(100), LAC_ONLY,
                    FY2019).chargesIn(FY2018, CALENDAR);
            assertThat(pound.costTo(day("2018-04-01"))).isEqualTo(14);
            assertThat(pound.costTo(day("2018-04-03"))).isEqualTo(43);
            // 3.5 days of 2p a week... 2 x 3.5/7 = exactly 1p: at 4 days, 8/7 = 1.14p -> 1p
            YearCharges tiny = terms(PlacementPattern.WEEKS_52, "2018-04-01", null, FeeTimeline.of(2), LAC_ONLY,
                    FY2019).chargesIn(FY2018, CALENDAR);
            assertThat(tiny.costTo(day("2018-04-04"))).isEqualTo(1); // 2 x 4 / 7 = 1.14p
            assertThat(tiny.costTo(day("2018-04-02"))).isEqualTo(1); // 2 x 2 / 7 = 0.57p: half or more rounds up
            assertThat(tiny.costTo(day("2018-04-01"))).isZero(); // 2 / 7 = 0.29p
        }

        @Test
        void aPlacementAcrossTheYearEndCommitsInBothYears() {
            // from Monday 25 Mar 2019 to Sunday 7 Apr 2019 at £700: 7 days in 2018/19 and 7 in 2019/20
            PlacementTerms terms = terms(PlacementPattern.WEEKS_52, "2019-03-25", "2019-04-07", FeeTimeline.of(70_000),
                    LAC_ONLY, FY2019);
            assertThat(terms.years()).containsExactly(FY2018, FY2019);
            assertThat(terms.chargesIn(FY2018, CALENDAR).committed()).isEqualTo(70_000);
            assertThat(terms.chargesIn(FY2019, CALENDAR).committed()).isEqualTo(70_000);
        }
    }

    @Nested
    class FeeChangesAndEnds {

        private final FeeTimeline uplifted = FeeTimeline.of(253_100).withChange(day("2019-01-07"), 260_000);

        @Test
        void aFeeChangeAppliesFromItsEffectiveDate() {
            // 5 Nov 2018 - 6 Jan 2019: 26 + 31 + 6 = 63 days = 9 weeks at £2,531 = £22,779
            // 7 Jan - 31 Mar 2019: 25 + 28 + 31 = 84 days = 12 weeks at £2,600 = £31,200 -> £53,979.00
            // HNB 60% = £32,387.40, LAC 40% = £21,591.60
            YearCharges charges = terms(PlacementPattern.WEEKS_52, "2018-11-05", null, uplifted, SIXTY_FORTY, FY2019)
                    .chargesIn(FY2018, CALENDAR);
            assertThat(charges.committed()).isEqualTo(5_397_900);
            assertThat(charges.committed(HIGH_NEEDS_BLOCK)).isEqualTo(3_238_740);
            assertThat(charges.committed(LAC_PLACEMENTS)).isEqualTo(2_159_160);
        }

        @Test
        void anEndStopsTheCommitmentAfterTheLastDay() {
            // ends Sunday 17 Feb 2019: 9 weeks at £2,531 + (25 + 17 = 42 days =) 6 weeks at £2,600 = £38,379.00
            PlacementTerms ended = terms(PlacementPattern.WEEKS_52, "2018-11-05", "2019-02-17", uplifted, SIXTY_FORTY,
                    FY2018);
            YearCharges charges = ended.chargesIn(FY2018, CALENDAR);
            assertThat(charges.committed()).isEqualTo(3_837_900);
            assertThat(charges.committed(HIGH_NEEDS_BLOCK)).isEqualTo(2_302_740);
            assertThat(charges.committed(LAC_PLACEMENTS)).isEqualTo(1_535_160);
            assertThat(charges.costTo(day("2019-02-18"))).isEqualTo(charges.committed());
            assertThat(ended.years()).containsExactly(FY2018);
            assertThat(ended.chargesIn(FY2019, CALENDAR).committed()).isZero();
        }

        @Test
        void aChangeDatedBeforeTheStartAppliesFromTheStartAndASameDayChangeReplacesTheFirst() {
            FeeTimeline fees = FeeTimeline.of(100_000).withChange(day("2018-10-01"), 110_000)
                    .withChange(day("2018-10-01"), 120_000);
            // 1 week from 5 Nov 2018 at the fee in force then: £1,200
            assertThat(terms(PlacementPattern.WEEKS_52, "2018-11-05", "2018-11-11", fees, LAC_ONLY, FY2018)
                    .chargesIn(FY2018, CALENDAR).committed()).isEqualTo(120_000);
        }

        @Test
        void aPlacementEndedBeforeItStartedCommitsNothing() {
            PlacementTerms cancelled = terms(PlacementPattern.WEEKS_52, "2018-11-05", "2018-11-04",
                    FeeTimeline.of(253_100), LAC_ONLY, FY2018);
            assertThat(cancelled.chargesIn(FY2018, CALENDAR).committed()).isZero();
            assertThat(cancelled.chargesIn(FY2018, CALENDAR).weekUnits()).isZero();
        }
    }

    @Nested
    class ThirtyEightWeekPlacements {

        @Test
        void costOnlyInTermWeeks() {
            // from 3 Sep 2018 at £3,800 a term week. In 2018/19: terms of 7 + 8 + 6 weeks, and 25 Feb - 31 Mar 2019
            // (5 weeks) of the fourth: 26 weeks = £98,800.00
            PlacementTerms terms = terms(PlacementPattern.WEEKS_38, "2018-09-03", null, FeeTimeline.of(380_000),
                    LAC_ONLY, FY2019);
            assertThat(terms.chargesIn(FY2018, CALENDAR).committed()).isEqualTo(9_880_000);
            // half term costs nothing
            YearCharges charges = terms.chargesIn(FY2018, CALENDAR);
            assertThat(charges.costTo(day("2018-10-28")) - charges.costTo(day("2018-10-21"))).isZero();
        }

        @Test
        void aFullCalendarYearOfTermsCostsThirtyEightWeeks() {
            // the 2018/19 academic year's six terms add up to 38 weeks: from 3 Sep 2018 to 14 Jul 2019 the placement
            // costs 26 weeks in 2018/19 and 12 (1 + 5 + 6) in 2019/20, both years held in the running totals
            PlacementTerms terms = terms(PlacementPattern.WEEKS_38, "2018-09-03", "2019-07-14", FeeTimeline.of(380_000),
                    LAC_ONLY, FY2019);
            long total = terms.chargesIn(FY2018, CALENDAR).committed() + terms.chargesIn(FY2019, CALENDAR).committed();
            assertThat(total).isEqualTo(38 * 380_000);
        }

        @Test
        void withoutTermsForTheYearTheyCostAFlat38Of52() {
            // 2021/22 has no terms in the calendar: 365 days x 38/52 of a seventh of £3,800 =
            // 380,000p x 365 x 95 / 910 = 14,479,670.33p -> £144,796.70
            PlacementTerms terms = terms(PlacementPattern.WEEKS_38, "2021-04-01", null, FeeTimeline.of(380_000),
                    LAC_ONLY, new FinancialYear(2022));
            assertThat(terms.chargesIn(new FinancialYear(2021), CALENDAR).committed()).isEqualTo(14_479_670);
        }
    }

    @Nested
    class DayPlacements {

        @Test
        void costAFifthOfTheWeeklyFeePerSchoolDay() {
            // £500 a week = £100 a school day, Tue 23 Apr - Fri 10 May 2019: 23-26 Apr (4), 29 Apr - 3 May (5),
            // 7-10 May (4; Mon 6 May is a bank holiday) = 13 days = £1,300.00
            PlacementTerms terms = terms(PlacementPattern.DAY, "2019-04-23", "2019-05-10", FeeTimeline.of(50_000),
                    LAC_ONLY, FY2019);
            assertThat(terms.chargesIn(FY2019, CALENDAR).committed()).isEqualTo(130_000);
            assertThat(terms.chargesIn(FY2019, CALENDAR).weekUnits()).isEqualTo(13 * 182);
        }

        @Test
        void withoutTermsEachWeekdayCosts38Of52OfAFifth() {
            // Mon 5 - Sun 11 Apr 2021 uncovered: 5 weekdays x £100 x 38/52 = £365.3846 -> £365.38
            PlacementTerms terms = terms(PlacementPattern.DAY, "2021-04-05", "2021-04-11", FeeTimeline.of(50_000),
                    LAC_ONLY, new FinancialYear(2021));
            assertThat(terms.chargesIn(new FinancialYear(2021), CALENDAR).committed()).isEqualTo(36_538);
        }
    }

    @Nested
    class SplitRounding {

        @Test
        void theFundersPartsAddUpToTheTotalOnEveryDay() {
            // thirds of £1,000 a week for 37 days: £5,285.71 = HNB £1,761.73 + LAC £1,761.73 + health £1,762.25
            FundingSplit thirds = FundingSplit.ofPercentages(Map.of(HIGH_NEEDS_BLOCK, new BigDecimal("33.33"),
                    LAC_PLACEMENTS, new BigDecimal("33.33"), HEALTH, new BigDecimal("33.34")));
            YearCharges charges = terms(PlacementPattern.WEEKS_52, "2018-09-03", null, FeeTimeline.of(100_000),
                    thirds, FY2019).chargesIn(FY2018, CALENDAR);
            LocalDate today = day("2018-10-09");
            assertThat(charges.costTo(HIGH_NEEDS_BLOCK, today)).isEqualTo(176_173);
            assertThat(charges.costTo(LAC_PLACEMENTS, today)).isEqualTo(176_173);
            assertThat(charges.costTo(HEALTH, today)).isEqualTo(176_225);
            for (LocalDate d = FY2018.firstDay(); !d.isAfter(FY2018.lastDay()); d = d.plusDays(1)) {
                long parts = charges.costTo(HIGH_NEEDS_BLOCK, d) + charges.costTo(LAC_PLACEMENTS, d)
                        + charges.costTo(HEALTH, d);
                assertThat(parts).isEqualTo(charges.costTo(d));
            }
            assertThat(charges.committed(HIGH_NEEDS_BLOCK) + charges.committed(LAC_PLACEMENTS)
                    + charges.committed(HEALTH)).isEqualTo(charges.committed());
        }
    }

    @Nested
    class Horizon {

        @Test
        void anOpenPlacementIsKeptForThisYearAndNextAnEndedOneToItsEnd() {
            LocalDate today = day("2018-10-09");
            assertThat(PlacementTerms.horizon(day("2018-11-05"), null, today)).isEqualTo(FY2019);
            assertThat(PlacementTerms.horizon(day("2015-06-01"), null, today)).isEqualTo(FY2019);
            assertThat(PlacementTerms.horizon(day("2020-06-01"), null, today)).isEqualTo(new FinancialYear(2021));
            assertThat(PlacementTerms.horizon(day("2018-11-05"), day("2019-02-17"), today)).isEqualTo(FY2018);
            assertThat(PlacementTerms.horizon(day("2018-11-05"), day("2018-06-01"), today)).isEqualTo(FY2018);
            assertThat(terms(PlacementPattern.WEEKS_52, "2015-06-01", null, FeeTimeline.of(1), LAC_ONLY, FY2019)
                    .years()).hasSize(5).startsWith(new FinancialYear(2015)).endsWith(FY2019);
        }

        @Test
        void equalTermsAreEqualSoADuplicateEventChangesNothing() {
            PlacementTerms a = terms(PlacementPattern.WEEKS_52, "2018-11-05", null,
                    FeeTimeline.of(253_100).withChange(day("2019-01-07"), 260_000), SIXTY_FORTY, FY2019);
            PlacementTerms b = terms(PlacementPattern.WEEKS_52, "2018-11-05", null,
                    FeeTimeline.of(253_100).withChange(day("2019-01-07"), 260_000).withChange(day("2019-01-07"),
                            260_000), FundingSplit.ofPercentages(Map.of(LAC_PLACEMENTS, new BigDecimal("40.00"),
                                    HIGH_NEEDS_BLOCK, new BigDecimal("60"))), FY2019);
            assertThat(b).isEqualTo(a);
            assertThat(List.of(a)).contains(b);
        }
    }

    @Nested
    class InvoicedPeriods {

        @Test
        void theCommitmentOfConsecutivePeriodsAddsUpToTheYearsPerFunderToThePenny() {
            // a 38-week placement at an awkward £1,234.57 a week with an uplift, split 33.33/33.33/33.34: invoiced
            // month by month, what the commitment puts on each month adds up to the year's commitment exactly,
            // per funder, because each is a difference of the same running totals
            FundingSplit thirds = FundingSplit.ofPercentages(Map.of(HIGH_NEEDS_BLOCK, new BigDecimal("33.33"),
                    LAC_PLACEMENTS, new BigDecimal("33.33"), HEALTH, new BigDecimal("33.34")));
            PlacementTerms terms = terms(PlacementPattern.WEEKS_38, "2018-09-05", null,
                    FeeTimeline.of(123_457).withChange(day("2019-01-09"), 131_313), thirds, FY2019);
            YearCharges year = terms.chargesIn(FY2018, CALENDAR);
            Map<FundingStream, Long> sum = new java.util.EnumMap<>(FundingStream.class);
            for (LocalDate from = day("2018-09-05"); !from.isAfter(FY2018.lastDay());
                    from = from.plusMonths(1).withDayOfMonth(1)) {
                LocalDate to = from.withDayOfMonth(from.lengthOfMonth());
                terms.commitmentBetween(from, to, CALENDAR).forEach((stream, pence) -> sum.merge(stream, pence,
                        Long::sum));
            }
            assertThat(sum.get(HIGH_NEEDS_BLOCK)).isEqualTo(year.committed(HIGH_NEEDS_BLOCK));
            assertThat(sum.get(LAC_PLACEMENTS)).isEqualTo(year.committed(LAC_PLACEMENTS));
            assertThat(sum.get(HEALTH)).isEqualTo(year.committed(HEALTH));
        }

        @Test
        void aPeriodAcrossThirtyFirstMarchIsNotOnePeriod() {
            PlacementTerms terms = terms(PlacementPattern.WEEKS_52, "2018-09-03", null, FeeTimeline.of(70_000),
                    LAC_ONLY, FY2019);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> terms.commitmentBetween(day("2019-03-25"),
                    day("2019-04-07"), CALENDAR)).isInstanceOf(IllegalArgumentException.class);
            // 25 - 31 March, a week: £700.00
            assertThat(terms.commitmentBetween(day("2019-03-25"), day("2019-03-31"), CALENDAR))
                    .containsEntry(LAC_PLACEMENTS, 70_000L);
        }
    }
}
