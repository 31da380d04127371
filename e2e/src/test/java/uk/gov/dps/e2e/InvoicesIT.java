package uk.gov.dps.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.dps.e2e.Scenario.as;
import static uk.gov.dps.e2e.Scenario.eventually;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/**
 * Money paid, across placement- and spend-service: a placement awarded through placement-service (£700 a week,
 * 75% LAC / 25% health); its provider invoices two weeks, one as agreed and one £60 over, which spend-service flags
 * with the expected amount; finance approves both (the flagged one with a reason), pays one by hand and one from the
 * council's finance system (client credentials, sent twice: recorded once); the payments appear on dps.spend split
 * by funding stream, in the budget position as actuals, and in the council's payment performance.
 */
class InvoicesIT {

    private static final String COUNCIL = "cambridgeshire";
    private static final JsonPathConfig EXACT = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    private static String commissioner;
    private static String officer;
    private static String finance;

    @BeforeAll
    static void stackIsUp() {
        RunningStack.requireUp();
        commissioner = RunningStack.token("commissioner", COUNCIL);
        officer = RunningStack.token("placement-officer", COUNCIL);
        finance = RunningStack.token("finance-officer", COUNCIL);
    }

    @Test
    void anInvoiceCheckedOneFlaggedBothApprovedAndPaidSeenInThePositionAndPaymentPerformance() {
        OnboardedLot lot = OnboardedLot.withProviders(commissioner, "Rowan");
        String provider = lot.admitFirstProvider(commissioner, officer);

        // the stack's own date; the placement started four weeks or more ago on a Monday, and both invoiced weeks
        // lie in one financial year (in early April, the weeks before 31 March)
        LocalDate today = LocalDate.parse(as("spend-service", finance).get("/reports/spend").then().statusCode(200)
                .extract().path("asOf"));
        LocalDate start = today.minusDays(28).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        if (financialYear(start) != financialYear(start.plusDays(13))) {
            start = LocalDate.of(financialYear(today), 4, 1).minusDays(21)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
        int year = financialYear(start);
        // LAC's 75% of £100 a day from the start to 31 March
        long days = ChronoUnit.DAYS.between(start, LocalDate.of(year + 1, 3, 31)) + 1;
        BigDecimal committed = BigDecimal.valueOf(75 * days).setScale(2);
        BigDecimal budget = committed.add(BigDecimal.valueOf(1000)).setScale(2);
        String lac = as("spend-service", finance).body("""
                {"financialYear": %d, "fundingStream": "LAC_PLACEMENTS", "name": "LAC (e2e invoices)", "amount": %s,
                 "lotId": "%s"}""".formatted(year, budget, lot.lotId())).post("/budgets").then().statusCode(201)
                .extract().path("id");
        JsonPath performanceBefore = performance();

        try (KafkaConsumer<String, String> spend = Scenario.consumerAtEndOf("dps.spend")) {
            String placement = awardedPlacement(lot.lotId(), provider, start);
            eventually("spend-service commits the placement", () -> committed.equals(position(lac).get("committed")));

            // week one as agreed: £700.00 checked against £700.00
            String providerToken = Scenario.provider(provider);
            JsonPath agreed = invoice(providerToken, "E2E-" + Scenario.unique(), placement, start, start.plusDays(6),
                    "700.00");
            assertFalse(agreed.getBoolean("flagged"));
            assertEquals(new BigDecimal("700.00"), agreed.get("expectedAmount"));
            // week two £60 over: flagged with the expected amount and the difference
            JsonPath over = invoice(providerToken, "E2E-" + Scenario.unique(), placement, start.plusDays(7),
                    start.plusDays(13), "760.00");
            assertTrue(over.getBoolean("flagged"));
            assertEquals(new BigDecimal("700.00"), over.get("expectedAmount"));
            assertEquals(new BigDecimal("60.00"), over.get("difference"));
            ConsumerRecord<String, String> submitted = Scenario.awaitRecord(spend, r -> placement.equals(r.key())
                    && "dps.spend.invoice-submitted.v1".equals(Scenario.header(r, "ce_type")));
            assertTrue(submitted.value().contains("\"placementId\":\"" + placement + "\""));

            // another provider may not invoice this placement; paying before approval is refused
            as("spend-service", Scenario.provider(java.util.UUID.randomUUID().toString())).body("""
                    {"invoiceNumber": "E2E-X", "placementId": "%s", "periodFrom": "%s", "periodTo": "%s",
                     "amount": 700.00}""".formatted(placement, start.plusDays(14), start.plusDays(20)))
                    .post("/invoices").then().statusCode(403).contentType("application/problem+json");
            as("spend-service", finance).body("""
                    {"invoiceId": "%s", "paidOn": "%s", "paymentReference": "E2E-EARLY-%s"}""".formatted(
                    agreed.getString("id"), today, Scenario.unique())).post("/payments").then().statusCode(409)
                    .contentType("application/problem+json");

            as("spend-service", finance).body("{}").post("/invoices/" + agreed.getString("id") + "/approve").then()
                    .statusCode(200).body("status", equalTo("APPROVED"));
            as("spend-service", finance).body("{}").post("/invoices/" + over.getString("id") + "/approve").then()
                    .statusCode(400).contentType("application/problem+json");
            as("spend-service", finance).body("{\"reason\": \"Extra night staff agreed by phone\"}")
                    .post("/invoices/" + over.getString("id") + "/approve").then().statusCode(200);

            // paid by a finance officer, and by the council's finance system in a batch sent twice
            as("spend-service", finance).body("""
                    {"invoiceId": "%s", "paidOn": "%s", "paymentReference": "E2E-AP-%s"}""".formatted(
                    agreed.getString("id"), today, Scenario.unique())).post("/payments").then().statusCode(201)
                    .body("shares.LAC_PLACEMENTS", equalTo(525.0f)).body("shares.HEALTH", equalTo(175.0f));
            String batch = """
                    {"payments": [{"invoiceId": "%s", "paidOn": "%s", "paymentReference": "E2E-RUN-%s"}]}"""
                    .formatted(over.getString("id"), today, Scenario.unique());
            String system = RunningStack.TOKENS.systemToken("cambridgeshire-system");
            as("spend-service", system).body(batch).post("/payments/batch").then().statusCode(200)
                    .body("lines[0].outcome", equalTo("RECORDED")).body("lines[0].payment.source",
                            equalTo("FINANCE_SYSTEM"));
            as("spend-service", system).body(batch).post("/payments/batch").then().statusCode(200)
                    .body("lines[0].outcome", equalTo("ALREADY_RECORDED")).body("recorded", equalTo(0));
            ConsumerRecord<String, String> paid = Scenario.awaitRecord(spend, r -> placement.equals(r.key())
                    && "dps.spend.payment-recorded.v1".equals(Scenario.header(r, "ce_type"))
                    && r.value().contains(over.getString("id")));
            assertTrue(paid.value().contains("\"stream\":\"HEALTH\",\"amount\":190.00"), paid.value());
        }

        // the position: £1,095.00 paid (75% of £1,460); the invoiced fortnight's commitment (£1,050.00) is no longer
        // remaining; the forecast is the commitment plus the £45.00 LAC share of the £60 over the agreement
        JsonPath p = position(lac);
        assertEquals(new BigDecimal("1095.00"), p.get("paid"));
        assertEquals(new BigDecimal("0.00"), p.get("invoicedNotPaid"));
        assertEquals(committed.subtract(new BigDecimal("1050.00")), p.get("remainingCommitment"));
        assertEquals(committed.add(new BigDecimal("45.00")), p.get("forecastOutturn"));
        assertEquals(new BigDecimal("955.00"), p.get("variance"));

        // payment performance of this half year: two more invoices received, both paid within 30 days
        JsonPath performanceAfter = performance();
        assertEquals(performanceBefore.getInt("invoicesReceived") + 2, performanceAfter.getInt("invoicesReceived"));
        assertEquals(performanceBefore.getInt("paidWithin30Days") + 2, performanceAfter.getInt("paidWithin30Days"));
    }

    private static JsonPath invoice(String providerToken, String number, String placement, LocalDate from,
            LocalDate to, String amount) {
        return as("spend-service", providerToken).body("""
                {"invoiceNumber": "%s", "placementId": "%s", "periodFrom": "%s", "periodTo": "%s", "amount": %s}"""
                .formatted(number, placement, from, to, amount)).post("/invoices").then().statusCode(201).extract()
                .jsonPath().using(EXACT);
    }

    private static JsonPath performance() {
        return as("spend-service", finance).get("/payment-performance").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath position(String budget) {
        return as("spend-service", finance).get("/budgets/" + budget + "/position").then().statusCode(200).extract()
                .jsonPath().using(EXACT);
    }

    private static String awardedPlacement(String lotId, String provider, LocalDate start) {
        String referral = as("placement-service", officer).body("""
                {"lotId": "%s", "category": "EMERGENCY", "ageBand": "11-15", "sex": "MALE",
                 "needs": ["EMOTIONAL_BEHAVIOURAL"], "postcodeDistrict": "PE13", "wantedStart": "%s",
                 "placementPattern": "WEEKS_52"}""".formatted(lotId, start)).post("/referrals").then().statusCode(201)
                .extract().path("id");
        as("placement-service", officer).body("{\"outcome\":\"NOT_AVAILABLE\"}")
                .post("/referrals/" + referral + "/in-house-check").then().statusCode(200);
        as("placement-service", officer).body("{\"respondBy\":\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}")
                .post("/referrals/" + referral + "/call-off").then().statusCode(200);
        String offer = as("placement-service", Scenario.provider(provider)).body("""
                {"weeklyFee": {"core": 700.00, "additionalStaffing": 0, "education": 0, "therapy": 0},
                 "proposedStart": "%s", "homeReference": "Carer-7", "needsMet": ["EMOTIONAL_BEHAVIOURAL"]}"""
                .formatted(start)).post("/referrals/" + referral + "/offers").then().statusCode(201).extract()
                .path("id");
        return as("placement-service", officer).body("""
                {"offerId": "%s", "plannedStart": "%s", "fundingShares": [
                  {"stream": "LAC_PLACEMENTS", "percent": 75}, {"stream": "HEALTH", "percent": 25}],
                 "noticeReference": "E2E-INVOICES-AWARD-NOTICE"}"""
                .formatted(offer, start)).post("/referrals/" + referral + "/award").then().statusCode(201).extract()
                .path("id");
    }

    private static int financialYear(LocalDate day) {
        return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
    }
}
