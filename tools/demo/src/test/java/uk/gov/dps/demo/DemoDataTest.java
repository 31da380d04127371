package uk.gov.dps.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
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

/**
 * The data files, checked for what holds them together (keys that resolve, answers from admitted members) and for
 * what the services accept. The paper's figures are checked against the running platform, by e2e's DemoIT.
 */
class DemoDataTest {

    private static final DemoData DATA = DemoData.build();
    private static final LocalDate FIRST = LocalDate.of(2018, 4, 1);
    private static final LocalDate LAST = LocalDate.of(2019, 3, 31);

    @Test
    void everyFileIsReadAndEveryLotHasItsPlacements() {
        assertEquals(99, DATA.providers.size());
        assertEquals(260, DATA.placements.size());
        assertEquals(4, DATA.inHouse.size());
        assertEquals(3, DATA.spotPurchases.size());
        assertEquals(List.of("LOT1", "LOT2", "LOT3", "LOT4"), Arrays.stream(LotKind.values()).map(l -> l.code).toList());
        for (LotKind lot : LotKind.values()) {
            assertFalse(lot.categories.isEmpty() || lot.selectionCriteria.isEmpty(), lot.name());
            assertTrue(DATA.placements(lot).stream().allMatch(p -> p.referral().lot() == lot), lot.name());
            assertFalse(DATA.placements(lot).isEmpty(), lot.name());
        }
        for (String file : DemoData.FILES) {
            assertNotNull(DemoData.class.getResource("/demo/" + file), file);
        }
    }

    @Test
    void keysAreUniqueAndEveryReferenceResolves() {
        assertUnique(DATA.providers.stream().map(ProviderPlan::key).toList());
        assertUnique(DATA.placements.stream().map(PlacementPlan::key).toList());
        assertUnique(DATA.budgets.stream().map(BudgetPlan::key).toList());
        Set<String> contracts = DATA.contracts.stream().map(DemoData.ContractPlan::key).collect(Collectors.toSet());
        Set<String> exemptions = DATA.exemptions.stream().map(DemoData.ExemptionPlan::key).collect(Collectors.toSet());
        for (BudgetPlan budget : DATA.budgets) {
            assertTrue(budget.contractKey() == null || contracts.contains(budget.contractKey()), budget.key());
            assertTrue(budget.amount().scale() <= 2 && budget.amount().signum() > 0, budget.key());
        }
        DATA.contracts.forEach(c -> c.providerKeys().forEach(k -> assertEquals(c.lot(), DATA.provider(k).lot())));
        DATA.spotPurchases.forEach(s -> assertTrue(exemptions.contains(s.exemptionKey()), s.key()));
        DATA.spotPurchases.forEach(s -> checkShares(s.shares(), s.key()));
        assertNotNull(DATA.provider(DATA.inadequate.providerKey()));
    }

    private static void assertUnique(List<String> keys) {
        assertEquals(keys.size(), new HashSet<>(keys).size(), "duplicate keys in " + keys);
    }

    // --- the paper's dates ---------------------------------------------------------------------------------------

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
                    assertTrue(response.offer().total().compareTo(plan.awardFee().total()) >= 0, plan.key());
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
                // SSDA903 codes: a care placement (home, fostering) ends with its REC, a move (X1) and any other
                // placement also with the reason for the change
                boolean care = plan.lot() == LotKind.RESIDENTIAL || plan.lot() == LotKind.IFA;
                assertEquals(care, plan.reasonEpisodeCeased() != null, plan.key());
                assertEquals(!care || "X1".equals(plan.reasonEpisodeCeased()), plan.reasonPlaceChange() != null,
                        plan.key());
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
            checkShares(plan.shares(), plan.key());
            if (plan.lot() == LotKind.SPECIAL_SCHOOL) {
                assertTrue(plan.panelApprovalReference() != null || plan.parentalPreference(), plan.key());
            } else {
                assertFalse(plan.parentalPreference());
            }
            // above the panel threshold (default £4,000) the County Resourcing Panel approves; for a special school
            // parental preference is a basis too
            boolean overThreshold = plan.awardFee().total().compareTo(new BigDecimal("4000")) > 0;
            assertTrue(!overThreshold || plan.panelApprovalReference() != null || plan.parentalPreference(),
                    plan.key() + " needs the panel");
        }
    }

    private static void checkFee(Fee fee, String key) {
        for (BigDecimal item : List.of(fee.core(), fee.additionalStaffing(), fee.education(), fee.therapy())) {
            assertTrue(item.signum() >= 0 && item.scale() <= 2, key + " " + fee);
        }
        assertTrue(fee.total().signum() > 0 && fee.total().compareTo(new BigDecimal("10000000")) < 0, key);
    }

    /** Shares as an award must send them: each above 0 with two decimals, each stream once, adding up to 100. */
    private static void checkShares(List<Share> shares, String key) {
        assertEquals(0, new BigDecimal("100").compareTo(shares.stream().map(Share::percent)
                .reduce(BigDecimal.ZERO, BigDecimal::add)), key);
        assertTrue(shares.stream().allMatch(s -> s.percent().signum() > 0 && s.percent().scale() <= 2), key);
        assertEquals(shares.size(), shares.stream().map(Share::stream).distinct().count(), key);
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

    // ---------------------------------------------------------------------------------------------------------
    // Settings and vacancies (DemoSettings)
    // ---------------------------------------------------------------------------------------------------------

    @Test
    void settingsBelongToAdmittedProvidersAndFitTheRulesProviderServiceChecks() {
        List<DemoSettings.SettingPlan> settings = DemoSettings.read();
        assertUnique(settings.stream().map(DemoSettings.SettingPlan::key).toList());
        assertUnique(settings.stream().flatMap(s -> s.vacancies().stream()).map(DemoSettings.VacancyPlan::key).toList());
        assertUnique(settings.stream().map(DemoSettings.SettingPlan::ofstedUrn).filter(u -> u != null).toList());
        Set<String> needs = Arrays.stream(uk.gov.dps.events.placement.Need.values()).map(Enum::name)
                .collect(Collectors.toSet());
        for (DemoSettings.SettingPlan s : settings) {
            assertTrue(DATA.provider(s.providerKey()).admit(), s.key());
            boolean school = s.kind().endsWith("_SCHOOL");
            assertTrue(school ? s.dfeNumber() != null && s.dfeNumber().matches("[0-9]{3}/[0-9]{4}")
                    : s.ofstedUrn() != null && s.ofstedUrn().matches("SC[0-9]{6}"), s.key());
            assertTrue(uk.gov.dps.runtime.PostcodeDistricts.find(s.postcode()).isPresent(), s.key());
            assertTrue(s.registeredPlaces() >= 1 && s.registeredPlaces() <= 100, s.key());
            assertTrue(0 <= s.minAge() && s.minAge() <= s.maxAge() && s.maxAge() <= 25, s.key());
            assertTrue(needs.containsAll(s.needs()), s.key());
            assertFalse(s.statementOfPurposeDate().isAfter(DemoData.AS_OF_DATE), s.key());
            for (DemoSettings.VacancyPlan v : s.vacancies()) {
                assertTrue(v.places() >= 1 && v.places() <= s.registeredPlaces(), v.key());
                assertTrue(v.minAge() == null || v.minAge() >= s.minAge() && v.minAge() <= s.maxAge(), v.key());
                assertTrue(v.maxAge() == null || v.maxAge() >= s.minAge() && v.maxAge() <= s.maxAge(), v.key());
                assertTrue(v.needs() == null || s.needs().containsAll(v.needs()), v.key());
                assertTrue(!v.emergency() || s.emergencyAdmissions(), v.key());
                assertTrue(v.fromDaysAfterLoad() >= 0, v.key());
            }
        }
    }

    @Test
    void settingsCoverWhatMatchingDistanceAndOwnerGroupExposureShow() {
        List<DemoSettings.SettingPlan> settings = DemoSettings.read();
        // a home registered for 8-12 only: "partly meets" for a 15-year-old
        assertTrue(settings.stream().anyMatch(s -> s.kind().equals("CHILDRENS_HOME") && s.minAge() == 8
                && s.maxAge() == 12));
        // two owner groups, one owning several homes in both Cambridgeshire's and Peterborough's areas
        Map<String, List<DemoSettings.SettingPlan>> byGroup = settings.stream().filter(s -> s.ownerGroup() != null)
                .collect(Collectors.groupingBy(s -> s.ownerGroup().name()));
        assertEquals(2, byGroup.size());
        assertTrue(byGroup.values().stream().anyMatch(homes -> homes.size() >= 3
                && homes.stream().anyMatch(s -> inside(s, "E10000003"))
                && homes.stream().anyMatch(s -> inside(s, "E06000031"))));
        // a for-profit setting in Wales
        assertTrue(settings.stream().anyMatch(s -> s.forProfit() && district(s).country().equals("Wales")));
        // homes inside and outside Cambridgeshire; some more than 20 miles from Huntingdon
        assertTrue(settings.stream().anyMatch(s -> inside(s, "E10000003")));
        assertTrue(settings.stream().anyMatch(s -> !inside(s, "E10000003")));
        assertTrue(settings.stream().filter(s -> uk.gov.dps.runtime.PostcodeDistricts.milesBetween("PE29",
                s.postcode()).orElseThrow() > uk.gov.dps.runtime.PostcodeDistricts.DFE_DISTANCE_BAND_MILES).count() >= 3);
        // vacancies: some accept emergency admissions, one is left unconfirmed (stale after 7 days)
        List<DemoSettings.VacancyPlan> vacancies = settings.stream().flatMap(s -> s.vacancies().stream()).toList();
        assertTrue(vacancies.stream().filter(DemoSettings.VacancyPlan::emergency).count() >= 3);
        assertEquals(1, vacancies.stream().filter(v -> !v.confirm()).count());
    }

    private static uk.gov.dps.runtime.PostcodeDistricts.District district(DemoSettings.SettingPlan s) {
        return uk.gov.dps.runtime.PostcodeDistricts.find(s.postcode()).orElseThrow();
    }

    private static boolean inside(DemoSettings.SettingPlan s, String onsCode) {
        return district(s).isInsideArea(onsCode);
    }

    @Test
    void invoicesCoverWholeWeeksAtOneFeeOneIsFlaggedOneIsUnpaidAndPaymentsFollowReceipt() {
        List<DemoData.InvoicePlan> invoices = DATA.invoices();
        assertEquals(5, invoices.size());
        assertUnique(invoices.stream().map(DemoData.InvoicePlan::invoiceNumber).toList());
        assertEquals(1, invoices.stream().filter(DemoData.InvoicePlan::flagged).count());
        assertTrue(invoices.stream().anyMatch(i -> i.paidOn() == null && !i.approve()), "one left unpaid");
        assertEquals(3, invoices.stream().filter(i -> i.paidOn() != null).count());
        for (DemoData.InvoicePlan invoice : invoices) {
            PlacementPlan placement = DATA.placements.stream().filter(p -> p.key().equals(invoice.placementKey()))
                    .findFirst().orElseThrow();
            assertEquals("WEEKS_52", placement.referral().placementPattern(), invoice.invoiceNumber());
            // four whole weeks at the one fee in force: the agreement's amount is four weekly fees
            assertEquals(27, ChronoUnit.DAYS.between(invoice.periodFrom(), invoice.periodTo()));
            assertEquals(DemoData.feeOn(placement, invoice.periodFrom()), DemoData.feeOn(placement,
                    invoice.periodTo()));
            assertEquals(0, DemoData.feeOn(placement, invoice.periodFrom()).multiply(BigDecimal.valueOf(4))
                    .compareTo(invoice.agreed()));
            assertFalse(invoice.periodFrom().isBefore(placement.start()));
            assertTrue(placement.end() == null || !placement.end().isBefore(invoice.periodTo()));
            assertFalse(invoice.receivedOn().isAfter(DemoData.AS_OF_DATE));
            assertTrue(invoice.paidOn() == null || (!invoice.paidOn().isBefore(invoice.receivedOn())
                    && !invoice.paidOn().isAfter(DemoData.AS_OF_DATE) && invoice.approve()));
            assertEquals(invoice.flagged(), invoice.approvalReason() != null, "a flagged invoice is approved with "
                    + "a reason");
        }
        assertEquals("2018-19-H2", DemoReport.halfYear(DemoData.AS_OF_DATE));
        assertEquals("2018-19-H1", DemoReport.halfYear(LocalDate.of(2018, 9, 30)));
        assertEquals("2018-19-H2", DemoReport.halfYear(LocalDate.of(2018, 10, 1)));
    }
}
