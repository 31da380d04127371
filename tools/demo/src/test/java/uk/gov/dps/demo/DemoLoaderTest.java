package uk.gov.dps.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import uk.gov.dps.demo.DemoData.LotKind;

/**
 * The loader's flow against {@link FakeStack}: everything is created once, a second run creates nothing, a run
 * stopped half-way is completed by the next, and the report reads what was loaded.
 */
class DemoLoaderTest {

    private static final DemoData DATA = DemoData.build();

    private FakeStack stack;
    private DemoApi api;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    @BeforeEach
    void start() throws Exception {
        stack = new FakeStack();
        api = new DemoApi(FakeStack::token, stack::baseUrl);
    }

    @AfterEach
    void stop() {
        stack.close();
    }

    private DemoLoader.Result load() {
        return new DemoLoader(api, out).load();
    }

    @Test
    void loadsEverythingOnceAndTheSpendFiguresAreThePapers() {
        DemoLoader.Result result = load();

        int placements = DATA.placements.size();
        assertEquals(DATA.providers.size(), stack.count("provider"));
        assertEquals(DATA.providers.size(), stack.count("decision"));
        assertEquals(4, stack.count("lot"));
        assertEquals(placements + DATA.inHouse.size(), stack.count("referral"));
        assertEquals(placements, stack.count("call-off"));
        assertEquals(placements, stack.count("placement"));
        assertEquals(placements + DATA.spotPurchases.size(), stack.count("start"));
        assertEquals(DATA.placements.stream().mapToInt(p -> p.feeChanges().size()).sum(), stack.count("fee-change"));
        assertEquals(DATA.placements.stream().filter(p -> p.end() != null).count(), stack.count("end"));
        assertEquals(DATA.spotPurchases.size(), stack.count("spot-purchase"));
        assertEquals(DATA.budgets.size(), stack.count("budget"));
        assertEquals(DATA.exemptions.size(), stack.count("exemption"));
        assertEquals(DATA.providers.stream().filter(p -> p.judgement() != null).count() + 1, stack.count("inspection"));
        assertEquals(placements + DATA.spotPurchases.size(), result.placements());
        assertEquals(4, result.lotIds().size());

        // what the loader sent adds up to the paper's figures
        JsonNode report = api.as("finance-officer", "cambridgeshire").get("spend-service", "/reports/spend?year=2018");
        Map<String, JsonNode> lots = new java.util.HashMap<>();
        report.path("byLot").forEach(l -> lots.put(l.path("lotId").asText("spot"), l));
        assertEquals(0, new java.math.BigDecimal("2531.00").compareTo(lots.get(result.lotId(LotKind.RESIDENTIAL))
                .path("averageWeeklyPrice").decimalValue()));
        assertNear(14_000_000, lots.get(result.lotId(LotKind.SPECIAL_SCHOOL)).path("committed").asDouble(), 10);
        assertNear(2_000_000, lots.get(result.lotId(LotKind.TUITION)).path("committed").asDouble(), 10);
        JsonNode hnb = api.as("finance-officer", "cambridgeshire").get("spend-service", "/budgets/"
                + result.budgetIds().get("budget-hnb-isep") + "/position");
        assertNear(9_000_000, hnb.path("committed").asDouble(), 100);
        assertTrue(output.toString(StandardCharsets.UTF_8).contains("Demo loaded in"), output.toString());
    }

    @Test
    void aSecondRunCreatesNothing() {
        load();
        Map<String, Integer> first = stack.counts();

        DemoLoader.Result again = load();

        assertEquals(first, stack.counts());
        assertEquals(DATA.placements.size() + DATA.spotPurchases.size(), again.placements());
    }

    @Test
    void aRunStoppedHalfWayIsCompletedByTheNextWithoutDuplicates() {
        stack.failOnce = call -> call.startsWith("POST placement-service /referrals/") && call.endsWith("/award")
                && stack.count("placement") == 60;
        DemoException stopped = assertThrows(DemoException.class, this::load);
        assertTrue(stopped.getMessage().matches("POST placement-service /referrals/[0-9a-f-]+/award → HTTP 500.*"
                + "incident 42.*"), stopped.getMessage());

        load();

        assertEquals(DATA.placements.size(), stack.count("placement"));
        assertEquals(DATA.placements.size() + DATA.inHouse.size(), stack.count("referral"));
        assertEquals(DATA.placements.size(), stack.count("call-off"));
        assertEquals(DATA.placements.stream().mapToInt(p -> p.feeChanges().size()).sum(), stack.count("fee-change"));
        long offers = DATA.placements.stream().flatMap(p -> p.responses().stream()).filter(r -> r.isOffer()).count();
        assertEquals(offers, stack.count("offer"));
    }

    @Test
    void theReportShowsThePapersFacts() {
        load();
        String report = new DemoReport(api, "cambridgeshire").render();

        assertTrue(report.contains("as of Monday 4 March 2019"), report);
        assertTrue(report.contains("£2,531.00"), report);
        assertTrue(report.contains("£14,000,000"), report);
        assertTrue(report.contains("OVERSPENT"), report);
        assertTrue(report.contains("2019-06-30") && report.contains("118"), report);
        assertTrue(report.contains(DATA.provider(DATA.inadequate.providerKey()).name()), report);
        assertTrue(report.contains("RED"), report);
        assertTrue(report.contains("Kestrel Learning Partnership"), report);
        assertTrue(!report.contains("not available"), report);
        System.out.println(report);
    }

    private static void assertNear(double expected, double actual, double tolerance) {
        assertTrue(Math.abs(expected - actual) <= tolerance, "expected " + expected + " ± " + tolerance + ", was "
                + actual);
    }
}
