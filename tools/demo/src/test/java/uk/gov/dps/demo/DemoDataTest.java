package uk.gov.dps.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import uk.gov.dps.demo.DemoData.BudgetPlan;
import uk.gov.dps.demo.DemoData.Fee;
import uk.gov.dps.demo.DemoData.FeeChange;
import uk.gov.dps.demo.DemoData.LotKind;
import uk.gov.dps.demo.DemoData.PlacementPlan;
import uk.gov.dps.demo.DemoData.ProviderPlan;
import uk.gov.dps.demo.DemoData.ReferralSpec;
import uk.gov.dps.demo.DemoData.ResponsePlan;
import uk.gov.dps.demo.DemoData.Share;
import uk.gov.dps.demo.DemoData.Stream;
import uk.gov.dps.demo.SpendArithmetic.YearCost;

/** The data set, checked against the paper's figures and against what the services accept. */
class DemoDataTest {

    private static final DemoData DATA = DemoData.build();
    private static final LocalDate FIRST = LocalDate.of(2018, 4, 1);
    private static final LocalDate LAST = LocalDate.of(2019, 3, 31);

    @Test
    void isTheSameEveryTime() {
        DemoData again = DemoData.build();
        assertEquals(DATA.providers, again.providers);
        assertEquals(DATA.placements, again.placements);
        assertEquals(DATA.inHouse, again.inHouse);
        assertEquals(DATA.spotPurchases, again.spotPurchases);
    }

    // --- the paper's figures -------------------------------------------------------------------------------------

    @Test
    void residentialHomesAverage2531AWeek() {
        YearCost residential = DATA.planned(LotKind.RESIDENTIAL);
        assertEquals(new BigDecimal("2531.00"),
                SpendArithmetic.averageWeeklyPrice(residential.committedPence(), residential.weekUnits()));
    }

    @Test
    void specialSchoolPlacementsCommit14MillionOfWhich9MillionOnTheHighNeedsBlock() {
        long total = DATA.planned(LotKind.SPECIAL_SCHOOL).committedPence();
        assertTrue(Math.abs(total - DemoData.ISEP_COMMITMENT_PENCE) <= 5_00, "ISEP total " + total);
        long highNeeds = DATA.plannedPart(Stream.HIGH_NEEDS_BLOCK, p -> p.lot() == LotKind.SPECIAL_SCHOOL);
        assertTrue(Math.abs(highNeeds - DemoData.ISEP_HIGH_NEEDS_COMMITMENT_PENCE) <= 100_00, "HNB " + highNeeds);
        // split funding: LAC and health pay the rest
        long lac = DATA.plannedPart(Stream.LAC_PLACEMENTS, p -> p.lot() == LotKind.SPECIAL_SCHOOL);
        long health = DATA.plannedPart(Stream.HEALTH, p -> p.lot() == LotKind.SPECIAL_SCHOOL);
        assertEquals(total, highNeeds + lac + health);
        assertTrue(lac > 0 && health > 0);
    }

    @Test
    void tuitionCommits2MillionMostlyWithTwoProviders() {
        long total = DATA.planned(LotKind.TUITION).committedPence();
        assertTrue(Math.abs(total - DemoData.TUITION_COMMITMENT_PENCE) <= 5_00, "tuition " + total);
        List<Long> byProvider = List.copyOf(DATA.plannedByProvider(LotKind.TUITION).values());
        long topTwo = byProvider.get(0) + byProvider.get(1);
        assertTrue(topTwo * 100 / total >= 60, "top two hold " + topTwo * 100 / total + "%");
        assertEquals(2 * DemoData.TUITION_CONTRACT_VALUE_PENCE, DemoData.TUITION_COMMITMENT_PENCE);
    }

    @Test
    void budgetsShowOverspendsWhereThePaperDoesAndRoomElsewhere() {
        Map<String, Long> committed = Map.of(
                "budget-hnb-isep", DATA.plannedPart(Stream.HIGH_NEEDS_BLOCK, p -> p.lot() == LotKind.SPECIAL_SCHOOL),
                "budget-hnb-tuition", DATA.plannedPart(Stream.HIGH_NEEDS_BLOCK, p -> p.lot() == LotKind.TUITION),
                "budget-lac", DATA.plannedPart(Stream.LAC_PLACEMENTS, p -> true)
                        + DATA.plannedSpotPart(Stream.LAC_PLACEMENTS),
                "budget-health", DATA.plannedPart(Stream.HEALTH, p -> true));
        Map<String, String> expected = Map.of("budget-hnb-isep", "OVERSPENT", "budget-hnb-tuition", "OVERSPENT",
                "budget-lac", "AT_RISK", "budget-health", "WITHIN");
        for (BudgetPlan budget : DATA.budgets) {
            long percent = committed.get(budget.key()) * 100 / budget.amountPence();
            String status = percent >= 100 ? "OVERSPENT" : percent >= 90 ? "AT_RISK" : "WITHIN";
            assertEquals(expected.get(budget.key()), status, budget.key() + " at " + percent + "%");
        }
    }

    @Test
    void exemptionsEndOn30June2019InsideTheDemoWarningPeriod() {
        long days = ChronoUnit.DAYS.between(DemoData.AS_OF_DATE, DemoData.EXEMPTIONS_END);
        assertTrue(days <= DemoLoader.EXEMPTION_WARNING_DAYS && days > 30, days + " days");
        assertTrue(DATA.exemptions.stream().allMatch(e -> e.validUntil().equals(LocalDate.of(2019, 6, 30))));
        assertTrue(DATA.exemptions.stream().anyMatch(e -> e.serviceType().equals("IFA")));
        assertTrue(DATA.spotPurchases.stream().allMatch(s -> !s.start().isAfter(DemoData.EXEMPTIONS_END)
                && s.exemptionKey().equals("exemption-ifa")));
        assertEquals(LocalDate.parse(DemoLoader.AS_OF.substring(0, 10)), DemoData.AS_OF_DATE);
    }

    // --- providers -----------------------------------------------------------------------------------------------

    @Test
    void fiftyOneAgenciesAcrossThreeTiersAsOnTheEr4Framework() {
        List<ProviderPlan> agencies = DATA.providers(LotKind.IFA).stream().filter(ProviderPlan::admit).toList();
        assertEquals(51, agencies.size());
        Map<String, Long> tiers = agencies.stream().collect(Collectors.groupingBy(ProviderPlan::tier,
                Collectors.counting()));
        assertEquals(Set.of("TIER_1", "TIER_2", "TIER_3"), tiers.keySet());
        assertEquals(2, DATA.providers.stream().filter(p -> !p.admit()).count());
        for (LotKind lot : LotKind.values()) {
            assertFalse(DATA.providers(lot).isEmpty(), lot.name());
        }
    }

    @Test
    void providersAreDistinctAndRegistrable() {
        Set<String> names = new HashSet<>();
        Set<String> urns = new HashSet<>();
        for (ProviderPlan p : DATA.providers) {
            assertTrue(names.add(p.name()), "name " + p.name());
            assertTrue(urns.add(p.ofstedUrn()), "URN " + p.ofstedUrn());
            assertTrue(p.ofstedUrn().matches("[A-Z]{0,2}[0-9]{6,7}"), p.ofstedUrn());
            assertTrue(p.postcode().matches("(?i)[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}"), p.postcode());
            assertTrue(p.name().length() <= 200);
            Set<String> lotCategories = p.lot().categories.stream().map(DemoData.Category::code)
                    .collect(Collectors.toSet());
            assertTrue(lotCategories.containsAll(p.categories()), p.key());
            assertEquals(p.lot().tiered, p.tier() != null, p.key());
        }
    }

    // --- placements ----------------------------------------------------------------------------------------------

    @Test
    void referralsAreDistinctSoALaterRunRecognisesThem() {
        Set<ReferralSpec> specs = new HashSet<>();
        DATA.placements.forEach(p -> assertTrue(specs.add(p.referral()), p.key()));
        DATA.inHouse.forEach(p -> assertTrue(specs.add(p.referral()), p.key()));
    }

    @Test
    void referralsAreWhatPlacementServiceAccepts() {
        for (PlacementPlan plan : DATA.placements) {
            ReferralSpec r = plan.referral();
            assertTrue(r.ageBand().matches("0-4|5-10|11-15|16-17"), plan.key());
            assertTrue(r.postcodeDistrict().matches("[A-Z]{1,2}[0-9][A-Z0-9]?"), plan.key());
            assertTrue(r.expectedDurationWeeks() == null || r.expectedDurationWeeks() >= 1
                    && r.expectedDurationWeeks() <= 520, plan.key());
            assertTrue(plan.lot() == LotKind.SPECIAL_SCHOOL || r.placementPattern().equals("WEEKS_52"), plan.key());
            assertTrue(plan.lot().categories.stream().anyMatch(c -> c.code().equals(r.category())), plan.key());
        }
    }

    @Test
    void everyAnswerComesFromAnAdmittedMemberServingTheNeedAndTheWinnerOffers() {
        for (PlacementPlan plan : DATA.placements) {
            Set<String> responders = new HashSet<>();
            for (ResponsePlan response : plan.responses()) {
                ProviderPlan provider = DATA.provider(response.providerKey());
                assertTrue(responders.add(response.providerKey()), plan.key() + " answers twice");
                assertTrue(provider.admit() && provider.lot() == plan.lot(), plan.key());
                assertTrue(provider.categories().contains(plan.referral().category()), plan.key() + " "
                        + provider.key());
                if (plan.cascade()) {
                    assertEquals("TIER_1", provider.tier(), plan.key());
                }
                if (response.isOffer()) {
                    assertTrue(response.offer().total() >= plan.awardFee().total(), plan.key());
                } else {
                    assertTrue(List.of("NO_VACANCY", "CANNOT_MEET_NEEDS", "LOCATION", "MATCHING", "OTHER")
                            .contains(response.declineReason()));
                }
            }
            assertTrue(plan.winningResponse().isOffer());
            assertEquals(plan.awardFee(), plan.winningResponse().offer());
        }
    }

    @Test
    void placementsRunInTheYearAndEndBeforeTheDemoDay() {
        for (PlacementPlan plan : DATA.placements) {
            assertFalse(plan.start().isBefore(FIRST) || plan.start().isAfter(LAST), plan.key());
            if (plan.end() != null) {
                assertTrue(plan.end().isAfter(plan.start()) && plan.end().isBefore(DemoData.AS_OF_DATE), plan.key());
                assertTrue(List.of("PLANNED", "DISRUPTION").contains(plan.endType()));
                assertTrue(plan.endReason().length() <= 60);
            }
            LocalDate previous = plan.start();
            for (FeeChange change : plan.feeChanges()) {
                assertTrue(change.effectiveFrom().isAfter(previous), plan.key());
                assertTrue(plan.end() == null || change.effectiveFrom().isBefore(plan.end()), plan.key());
                assertTrue(change.effectiveFrom().isBefore(DemoData.AS_OF_DATE), plan.key());
                previous = change.effectiveFrom();
            }
        }
        Set<Integer> months = DATA.placements.stream().map(p -> p.start().getMonthValue()).collect(Collectors.toSet());
        assertEquals(12, months.size(), "starts spread over the year: " + months);
        for (LotKind lot : LotKind.values()) {
            assertTrue(DATA.placements(lot).stream().anyMatch(p -> p.end() != null), lot + " has ends");
            assertTrue(DATA.placements(lot).stream().anyMatch(p -> !p.feeChanges().isEmpty()), lot + " fee changes");
        }
    }

    @Test
    void feesAndSharesAreWhatTheServicesAccept() {
        for (PlacementPlan plan : DATA.placements) {
            checkFee(plan.awardFee(), plan.key());
            plan.feeChanges().forEach(c -> checkFee(c.fee(), plan.key()));
            plan.responses().stream().filter(ResponsePlan::isOffer).forEach(r -> checkFee(r.offer(), plan.key()));
            int sum = plan.shares().stream().mapToInt(Share::basisPoints).sum();
            assertEquals(10_000, sum, plan.key());
            assertTrue(plan.shares().stream().allMatch(s -> s.basisPoints() > 0));
            assertEquals(plan.shares().size(), plan.shares().stream().map(Share::stream).distinct().count());
            if (plan.lot() == LotKind.SPECIAL_SCHOOL) {
                assertTrue(plan.panelApprovalReference() != null || plan.parentalPreference(), plan.key());
            } else {
                assertFalse(plan.parentalPreference());
            }
            // above the panel threshold (default £4,000) the County Resourcing Panel approves; for a special school
            // parental preference is a basis too
            boolean overThreshold = plan.awardFee().total() > 4_000_00;
            assertTrue(!overThreshold || plan.panelApprovalReference() != null || plan.parentalPreference(),
                    plan.key() + " needs the panel");
        }
    }

    private static void checkFee(Fee fee, String key) {
        assertTrue(fee.core() >= 0 && fee.additionalStaffing() >= 0 && fee.education() >= 0 && fee.therapy() >= 0,
                key + " " + fee);
        assertTrue(fee.total() > 0 && fee.total() < 10_000_000_00L, key);
    }

    @Test
    void theSuspendedHomeStillLooksAfterAChild() {
        String home = DATA.inadequate.providerKey();
        List<PlacementPlan> placed = DATA.placements.stream().filter(p -> p.winnerKey().equals(home)).toList();
        assertTrue(placed.size() >= 2);
        assertTrue(placed.stream().anyMatch(p -> p.end() == null));
        assertEquals("GOOD", DATA.provider(home).judgement());
        assertTrue(DATA.inadequate.inspectedOn().isBefore(DemoData.AS_OF_DATE));
        assertNotNull(DATA.provider(home).ofstedUrn());
    }
}
