package uk.gov.dps.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.dps.e2e.Scenario.as;
import static uk.gov.dps.e2e.Scenario.eventually;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import uk.gov.dps.demo.DemoData;
import uk.gov.dps.demo.DemoData.LotKind;
import uk.gov.dps.demo.DemoLoader;

/**
 * The committee paper's DPS, loaded through the public APIs by the demo loader, shows the paper's figures
 * in the platform's own reports, so the demo can never silently rot:
 * <ul>
 * <li>residential homes average £2,531 a week (within {@value #RESIDENTIAL_TOLERANCE_POUNDS} pounds: 52-week
 * placements, so only a change of spend-service's rules moves it);</li>
 * <li>special-school (ISEP) placements commit about £14m, about £9m of it on the High Needs Block (within
 * {@value #PERCENT_TOLERANCE}%: 38-week and day placements follow spend-service's term calendar);</li>
 * <li>out-of-school tuition commits about £2m against a £1m contract, mostly with two providers;</li>
 * <li>the IFA spot-purchase exemption ending 30 June 2019 is listed as near expiry;</li>
 * <li>the children's home judged Inadequate is suspended in provider-service and red in contract monitoring.</li>
 * </ul>
 * It needs the services running as of the demo's day ({@link DemoLoader#SERVICE_ENVIRONMENT}), as `./dps demo` starts
 * them; on a stack running as of another day it fails at once, saying how to run it. The demo's fees come from its
 * data files, and these figures are spend-service's own: nothing here restates its rules.
 */
class DemoIT {

    static final double RESIDENTIAL_TOLERANCE_POUNDS = 5;
    static final double PERCENT_TOLERANCE = 2;

    private static DemoLoader.Result demo;
    private static String finance;
    private static String commissioner;

    @BeforeAll
    static void loadTheDemo() {
        RunningStack.requireUp();
        Optional<LocalDate> today = DemoLoader.platformDate(RunningStack.DEMO);
        // ./dps test runs this scenario after `./dps demo` has restarted the services on the demo clock
        org.junit.jupiter.api.Assertions.assertTrue(today.isPresent()
                && !today.get().isBefore(LocalDate.of(2018, 4, 1)) && !today.get().isAfter(LocalDate.of(2019, 3, 31)),
                "the services run as of " + today.orElse(null) + ", not in 2018/19: run ./dps demo first (it starts"
                        + " them with " + DemoLoader.environmentText() + ")");
        demo = new DemoLoader(RunningStack.DEMO, System.out).load();
        finance = RunningStack.token("finance-officer", DemoData.COUNCIL);
        commissioner = RunningStack.token("commissioner", DemoData.COUNCIL);
    }

    private static JsonPath spendReport() {
        return as("spend-service", finance).get("/reports/spend?year=" + DemoData.FINANCIAL_YEAR + "&size=1").then()
                .statusCode(200).extract().jsonPath();
    }

    private static double lotFigure(JsonPath report, LotKind lot, String field) {
        return report.getDouble("byLot.find { it.lotId == '" + demo.lotId(lot) + "' }." + field);
    }

    @Test
    void residentialHomesAverage2531AWeek() {
        double average = lotFigure(spendReport(), LotKind.RESIDENTIAL, "averageWeeklyPrice");
        assertNear(2_531.00, average, RESIDENTIAL_TOLERANCE_POUNDS, "residential average weekly price");
    }

    @Test
    void specialSchoolsCommit14MillionOf9MillionOnTheHighNeedsBlock() {
        assertNear(14_000_000, lotFigure(spendReport(), LotKind.SPECIAL_SCHOOL, "committed"),
                14_000_000 * PERCENT_TOLERANCE / 100, "ISEP commitment, all funders");
        JsonPath position = as("spend-service", finance).get("/budgets/" + demo.budgetIds().get("budget-hnb-isep")
                + "/position").then().statusCode(200).extract().jsonPath();
        assertEquals("HIGH_NEEDS_BLOCK", position.getString("fundingStream"));
        assertNear(9_000_000, position.getDouble("committed"), 9_000_000 * PERCENT_TOLERANCE / 100,
                "High Needs Block commitment on ISEP placements");
        assertEquals("OVERSPENT", position.getString("status"), "£9m committed on an £8.5m budget");
    }

    @Test
    void tuitionCommits2MillionOnA1MillionContractMostlyWithTwoProviders() {
        JsonPath contract = as("spend-service", finance).get("/contracts/" + demo.contractIds().get(
                "contract-tuition")).then().statusCode(200).extract().jsonPath();
        assertNear(1_000_000, contract.getDouble("value"), 0.001, "tuition contract value");
        assertNear(2_000_000, contract.getDouble("committed"), 2_000_000 * PERCENT_TOLERANCE / 100,
                "tuition commitment");
        assertEquals("OVERSPENT", contract.getString("status"));
        double topTwo = lotFigure(spendReport(), LotKind.TUITION, "topTwoProviderShare");
        assertTrue(topTwo >= 60, "the two largest tuition providers hold most of it: " + topTwo + "%");
        List<Map<String, Object>> alerts = as("spend-service", finance).get("/alerts?active=true&size=200").then()
                .statusCode(200).extract().jsonPath().getList("items");
        assertTrue(alerts.stream().anyMatch(a -> demo.contractIds().get("contract-tuition").equals(a.get("subjectId"))
                || demo.budgetIds().get("budget-hnb-tuition").equals(a.get("subjectId"))),
                "an overspend alert on the tuition contract or its budget: " + alerts);
    }

    @Test
    void theIfaExemptionEnding30June2019IsNearExpiryAndCoversTheSpotPurchases() {
        String ifa = demo.exemptionIds().get("exemption-ifa");
        JsonPath expiring = as("placement-service", commissioner).get("/exemptions?expiring=true&size=200").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("2019-06-30", expiring.getString("items.find { it.id == '" + ifa + "' }.validUntil"),
                "the IFA exemption is listed as near expiry (placement-service needs DPS_PLACEMENT_EXEMPTION_WARNING_DAYS="
                        + DemoLoader.EXEMPTION_WARNING_DAYS + "): " + expiring.getList("items"));
        assertEquals("IFA", expiring.getString("items.find { it.id == '" + ifa + "' }.serviceType"));
        double offContract = spendReport().getDouble("offContract.committed");
        assertTrue(offContract > 0, "spot purchases are visible as off-contract spend");
    }

    @Test
    void theHomeJudgedInadequateIsSuspendedAndRed() {
        String home = demo.suspendedProviderId();
        List<String> memberships = as("provider-service", commissioner).get("/providers/" + home).then()
                .statusCode(200).extract().jsonPath().getList("memberships.status");
        assertFalse(memberships.isEmpty());
        assertTrue(memberships.stream().allMatch("SUSPENDED"::equals), "suspended in every lot: " + memberships);
        JsonPath quality = as("contract-monitoring-service", commissioner).get("/providers/" + home + "/quality")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("RED", quality.getString("risk.rating"));
        assertTrue(quality.getList("risk.reasons").toString().contains("Inadequate"), quality.prettify());
        String officer = RunningStack.token("placement-officer", DemoData.COUNCIL);
        eventually("placement-service no longer invites the suspended home", () -> !as("placement-service", officer)
                .get("/lots/" + demo.lotId(LotKind.RESIDENTIAL) + "/eligible-providers?size=200").then().statusCode(200)
                .extract().jsonPath().getList("items.providerId").contains(home));
    }

    @Test
    void loadingAgainChangesNothing() {
        JsonPath before = spendReport();
        DemoLoader.Result again = new DemoLoader(RunningStack.DEMO, System.out).load();
        JsonPath after = spendReport();
        assertEquals(demo.lotIds(), again.lotIds());
        assertEquals(demo.providerIds(), again.providerIds());
        for (LotKind lot : LotKind.values()) {
            assertEquals(lotFigure(before, lot, "committed"), lotFigure(after, lot, "committed"), lot.name());
            assertEquals(lotFigure(before, lot, "placements"), lotFigure(after, lot, "placements"), lot.name());
        }
    }

    private static void assertNear(double expected, double actual, double tolerance, String what) {
        assertTrue(Math.abs(expected - actual) <= tolerance, what + ": expected " + expected + " ± " + tolerance
                + ", was " + actual);
    }
}
