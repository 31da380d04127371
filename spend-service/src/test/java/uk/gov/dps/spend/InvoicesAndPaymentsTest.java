package uk.gov.dps.spend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static uk.gov.dps.spend.SpendFixtures.EXACT;
import static uk.gov.dps.spend.SpendFixtures.WAIT;
import static uk.gov.dps.spend.SpendFixtures.award;
import static uk.gov.dps.spend.SpendFixtures.awaitCommitted;
import static uk.gov.dps.spend.SpendFixtures.createBudget;
import static uk.gov.dps.spend.SpendFixtures.fee;
import static uk.gov.dps.spend.SpendFixtures.finance;
import static uk.gov.dps.spend.SpendFixtures.position;
import static uk.gov.dps.spend.SpendFixtures.shares;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.Topics;
import uk.gov.dps.events.placement.PlacementFeeChanged;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.Tokens;
import uk.gov.dps.testing.TopicReader;

/**
 * Providers' invoices checked against the agreement with the commitment's own arithmetic, finance officers'
 * decisions, payments (by hand and from a council's finance system, idempotently), positions with actuals, the ICB
 * recharge and payment performance. The tests run on 9 October 2018; each places in a lot of its own. Positions use
 * Suffolk, payment performance and the recharge Peterborough: no other test invoices there.
 */
@QuarkusTest
class InvoicesAndPaymentsTest {

    private static final String COUNCIL = "cambridgeshire";
    /** Cambridgeshire's finance system: a service account with the finance-officer role and the council claim. */
    private static final String FINANCE_SYSTEM = Tokens.token("service-account-cambridgeshire-system",
            Set.of("finance-officer", "placement-officer"), Map.of("council", COUNCIL));

    /** @param line the lot's budget line for the stream the test waited on */
    private record Placed(UUID placement, UUID provider, UUID lot, String line) {
    }

    /** Awards a placement in a lot of its own and waits until spend commits {@code committed} to {@code stream}. */
    private static Placed placed(String council, String pattern, String weeklyFee, String start, String stream,
            String committed, Object... streamsAndPercents) {
        UUID lot = UUID.randomUUID();
        UUID provider = UUID.randomUUID();
        UUID placement = UUID.randomUUID();
        String line = createBudget(council, 2018, stream, "1000000.00", lot, null);
        try (RawEvents events = SpendFixtures.events()) {
            SpendFixtures.sendAward(events, award(placement, council, lot, provider, "RESIDENTIAL", fee(weeklyFee),
                    pattern, start, shares(streamsAndPercents)));
        }
        awaitCommitted(council, line, committed);
        return new Placed(placement, provider, lot, line);
    }

    private static ValidatableResponse submit(Placed placed, String number, String from, String to, String amount,
            String receivedOn) {
        return submitAs(Tokens.forProvider(placed.provider().toString()), placed.placement(), number, from, to, amount,
                receivedOn);
    }

    private static ValidatableResponse submitAs(String token, UUID placement, String number, String from, String to,
            String amount, String receivedOn) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"invoiceNumber": "%s", "placementId": "%s", "periodFrom": "%s", "periodTo": "%s", "amount": %s%s}"""
                .formatted(number, placement, from, to, amount,
                        receivedOn == null ? "" : ", \"receivedOn\": \"" + receivedOn + "\""))
                .post("/invoices").then();
    }

    private static JsonPath submitted(Placed placed, String number, String from, String to, String amount,
            String receivedOn) {
        return submit(placed, number, from, to, amount, receivedOn).statusCode(201).extract().jsonPath().using(EXACT);
    }

    private static ValidatableResponse decide(String council, String invoiceId, String decision, String reason) {
        return given().auth().oauth2(finance(council)).contentType(ContentType.JSON)
                .body(reason == null ? "{}" : "{\"reason\": \"" + reason + "\"}")
                .post("/invoices/" + invoiceId + "/" + decision).then();
    }

    private static ValidatableResponse pay(String token, String invoiceId, String paidOn, String reference) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("""
                {"invoiceId": "%s", "paidOn": "%s", "paymentReference": "%s"}""".formatted(invoiceId, paidOn,
                reference)).post("/payments").then();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    @Test
    void aFiftyTwoWeekInvoiceIsCheckedToThePennyAndMoreThanAPennyOutIsFlagged() {
        // £1,000 a week every day from Monday 3 Sep 2018: 210 days to 31 March = 30 weeks = £30,000.00
        Placed placed = placed(COUNCIL, "WEEKS_52", "1000.00", "2018-09-03", "LAC_PLACEMENTS", "30000.00",
                "LAC_PLACEMENTS", 100);
        // 3 Sep - 1 Oct: 29 days = £1,000 x 29/7 = £4,142.857... -> £4,142.86
        JsonPath exact = submitted(placed, unique("A"), "2018-09-03", "2018-10-01", "4142.86", "2018-10-02");
        assertThat(exact.getString("expectedAmount")).isEqualTo("4142.86");
        assertThat(exact.getBoolean("flagged")).isFalse();
        assertThat(exact.getString("status")).isEqualTo("SUBMITTED");
        assertThat(exact.getString("receivedOn")).isEqualTo("2018-10-02");
        // a penny out is rounding; 2p is a mismatch, flagged with the expected amount and the difference
        // 2 - 8 Oct: one week, £1,000.00
        JsonPath penny = submitted(placed, unique("B"), "2018-10-02", "2018-10-08", "1000.01", null);
        assertThat(penny.getBoolean("flagged")).isFalse();
        assertThat(penny.getString("receivedOn")).isEqualTo("2018-10-09"); // today by default
        JsonPath twoPence = submitted(placed, unique("C"), "2018-10-09", "2018-10-15", "999.98", null);
        assertThat(twoPence.getBoolean("flagged")).isTrue();
        assertThat(twoPence.getString("expectedAmount")).isEqualTo("1000.00");
        assertThat(twoPence.getString("difference")).isEqualTo("-0.02");
    }

    @Test
    void aThirtyEightWeekInvoiceChargesTermDaysOnly() {
        // 38 weeks at £3,500 a week from 3 Sep 2018: the model calendar's terms to 31 March are 3 Sep - 21 Oct
        // (7 weeks), 29 Oct - 23 Dec (8), 7 Jan - 17 Feb (6) and 25 Feb - 31 Mar (5): 26 weeks = £91,000.00
        Placed placed = placed(COUNCIL, "WEEKS_38", "3500.00", "2018-09-03", "HIGH_NEEDS_BLOCK", "91000.00",
                "HIGH_NEEDS_BLOCK", 100);
        // October: 1-21 Oct in term (3 weeks), half term 22-28 Oct free, 29-31 Oct (3/7 week):
        // 3 x £3,500 + £1,500 = £12,000.00
        JsonPath october = submitted(placed, unique("T"), "2018-10-01", "2018-10-31", "12000.00", "2018-10-01");
        assertThat(october.getString("expectedAmount")).isEqualTo("12000.00");
        assertThat(october.getBoolean("flagged")).isFalse();
        // the first days of November, in term: 4/7 x £3,500 = £2,000.00; charged as a whole week it is flagged
        JsonPath november = submitted(placed, unique("T"), "2018-11-01", "2018-11-04", "3500.00", "2018-10-01");
        assertThat(november.getString("expectedAmount")).isEqualTo("2000.00");
        assertThat(november.getBoolean("flagged")).isTrue();
        assertThat(november.getString("difference")).isEqualTo("1500.00");
    }

    @Test
    void aDayPlacementInvoiceChargesAFifthOfTheFeePerSchoolDay() {
        // £450 a week for five school days (£90 a day) from 3 Sep 2018
        UUID lot = UUID.randomUUID();
        UUID provider = UUID.randomUUID();
        UUID placement = UUID.randomUUID();
        String line = createBudget(COUNCIL, 2018, "HIGH_NEEDS_BLOCK", "100000.00", lot, null);
        try (RawEvents events = SpendFixtures.events()) {
            SpendFixtures.sendAward(events, award(placement, COUNCIL, lot, provider, "DAY_SCHOOL", fee("450.00"),
                    "DAY", "2018-09-03", shares("HIGH_NEEDS_BLOCK", 100)));
        }
        org.awaitility.Awaitility.await().atMost(WAIT)
                .until(() -> !position(COUNCIL, line).getString("committed").equals("0.00"));
        Placed placed = new Placed(placement, provider, lot, line);
        // October 2018: school days 1-5, 8-12, 15-19 Oct (15), half term, 29-31 Oct (3): 18 x £90 = £1,620.00
        JsonPath october = submitted(placed, unique("D"), "2018-10-01", "2018-10-31", "1620.00", "2018-10-01");
        assertThat(october.getString("expectedAmount")).isEqualTo("1620.00");
        assertThat(october.getBoolean("flagged")).isFalse();
        // a weekend alone costs nothing: an invoice for it is flagged
        JsonPath weekend = submitted(placed, unique("D"), "2018-11-03", "2018-11-04", "90.00", "2018-10-01");
        assertThat(weekend.getString("expectedAmount")).isEqualTo("0.00");
        assertThat(weekend.getBoolean("flagged")).isTrue();
    }

    @Test
    void anInvoiceAcrossAFeeChangeChargesEachFeeFromItsEffectiveDate() {
        Placed placed = placed(COUNCIL, "WEEKS_52", "1000.00", "2018-09-03", "LAC_PLACEMENTS", "30000.00",
                "LAC_PLACEMENTS", 100);
        try (RawEvents events = SpendFixtures.events()) {
            // £1,400 from Monday 17 Sep: 2 weeks at £1,000 + 28 weeks at £1,400 = £41,200.00 for the year
            events.sendEvent(EventCatalog.PLACEMENT_FEE_CHANGED, placed.placement(), new PlacementFeeChanged(
                    placed.placement(), COUNCIL, LocalDate.parse("2018-09-17"), fee("1400.00"), "1:1 staffing"));
        }
        awaitCommitted(COUNCIL, placed.line(), "41200.00");
        // 3 - 30 Sep: 2 weeks at £1,000 and 2 weeks at £1,400 = £4,800.00; at the old fee throughout it is flagged
        JsonPath september = submitted(placed, unique("F"), "2018-09-03", "2018-09-30", "4800.00", "2018-10-01");
        assertThat(september.getString("expectedAmount")).isEqualTo("4800.00");
        assertThat(september.getBoolean("flagged")).isFalse();
        JsonPath oldFee = submitted(placed, unique("F"), "2018-10-01", "2018-10-07", "1000.00", "2018-10-08");
        assertThat(oldFee.getString("expectedAmount")).isEqualTo("1400.00");
        assertThat(oldFee.getBoolean("flagged")).isTrue();
        assertThat(oldFee.getString("difference")).isEqualTo("-400.00");
    }

    @Test
    void badInvoicesAreRefusedWithAProblemAndChangeNothing() {
        Placed placed = placed(COUNCIL, "WEEKS_52", "700.00", "2018-09-03", "LAC_PLACEMENTS", "21000.00",
                "LAC_PLACEMENTS", 100);
        String number = unique("INV");
        String first = submitted(placed, number, "2018-09-03", "2018-09-30", "2800.00", "2018-10-01")
                .getString("id");
        String before = invoicesOf(placed);

        // another provider's placement: 403
        submitAs(Tokens.forProvider(UUID.randomUUID().toString()), placed.placement(), unique("X"), "2018-10-01",
                "2018-10-07", "700.00", null).statusCode(403).contentType("application/problem+json");
        // an unknown placement: 404
        submitAs(Tokens.forProvider(placed.provider().toString()), UUID.randomUUID(), unique("X"), "2018-10-01",
                "2018-10-07", "700.00", null).statusCode(404).contentType("application/problem+json");
        // a period before the placement started: 422
        submit(placed, unique("X"), "2018-08-27", "2018-09-09", "1400.00", null).statusCode(422)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString(
                        "not inside the placement"));
        // across 31 March: 422 (each financial year is invoiced on its own)
        submit(placed, unique("X"), "2019-03-25", "2019-04-07", "1400.00", null).statusCode(422)
                .contentType("application/problem+json");
        // the same invoice number again from the same provider: 409
        submit(placed, number, "2018-10-01", "2018-10-07", "700.00", null).statusCode(409)
                .contentType("application/problem+json");
        // a period an earlier invoice covers: 409
        submit(placed, unique("X"), "2018-09-24", "2018-10-07", "1400.00", null).statusCode(409)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString(number));
        // malformed: fractions of a penny, a period ending before it starts, a received date in the future: 400
        submit(placed, unique("X"), "2018-10-01", "2018-10-07", "700.001", null).statusCode(400)
                .contentType("application/problem+json");
        submit(placed, unique("X"), "2018-10-07", "2018-10-01", "700.00", null).statusCode(400)
                .contentType("application/problem+json");
        submit(placed, unique("X"), "2018-10-01", "2018-10-07", "700.00", "2018-10-10").statusCode(400)
                .contentType("application/problem+json");
        // a finance officer does not submit invoices
        submitAs(finance(COUNCIL), placed.placement(), unique("X"), "2018-10-01", "2018-10-07", "700.00", null)
                .statusCode(403).contentType("application/problem+json");
        assertThat(invoicesOf(placed)).isEqualTo(before);

        // paying an invoice not approved: 409, nothing paid
        pay(finance(COUNCIL), first, "2018-10-05", unique("PAY")).statusCode(409)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString(
                        "only an approved invoice"));
        // another council's finance officer can neither decide nor pay it
        decide("essex", first, "approve", null).statusCode(403).contentType("application/problem+json");
        pay(finance("essex"), first, "2018-10-05", unique("PAY")).statusCode(403)
                .contentType("application/problem+json");
        // nor can the provider approve its own invoice
        given().auth().oauth2(Tokens.forProvider(placed.provider().toString())).contentType(ContentType.JSON)
                .body("{}").post("/invoices/" + first + "/approve").then().statusCode(403);
        assertThat(invoicesOf(placed)).isEqualTo(before);

        // a dispute needs a reason; deciding twice is a conflict
        decide(COUNCIL, first, "dispute", null).statusCode(400).contentType("application/problem+json");
        decide(COUNCIL, first, "approve", null).statusCode(200).body("status", equalTo("APPROVED"));
        decide(COUNCIL, first, "dispute", "Wrong weeks").statusCode(409).contentType("application/problem+json");
        decide(COUNCIL, first, "approve", null).statusCode(409);
        // paying it twice: the second reference is refused, the first payment stands
        String reference = unique("PAY");
        pay(finance(COUNCIL), first, "2018-10-05", reference).statusCode(201);
        pay(finance(COUNCIL), first, "2018-10-06", unique("PAY")).statusCode(409)
                .contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString(
                        reference));
        assertThat(given().auth().oauth2(finance(COUNCIL)).get("/invoices/" + first).then().statusCode(200)
                .extract().path("status").toString()).isEqualTo("PAID");
    }

    @Test
    void aFlaggedInvoiceNeedsAReasonToBeApprovedAndProvidersSeeOnlyTheirOwn() {
        Placed placed = placed(COUNCIL, "WEEKS_52", "700.00", "2018-09-03", "LAC_PLACEMENTS", "21000.00",
                "LAC_PLACEMENTS", 100);
        String flagged = submitted(placed, unique("FL"), "2018-09-03", "2018-09-09", "750.00", "2018-10-01")
                .getString("id");
        decide(COUNCIL, flagged, "approve", null).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("reason"));
        assertThat(invoice(finance(COUNCIL), flagged).getString("status")).isEqualTo("SUBMITTED");
        decide(COUNCIL, flagged, "approve", "Agreed extra staffing for the first week").statusCode(200)
                .body("status", equalTo("APPROVED")).body("reason", equalTo("Agreed extra staffing for the first week"));

        // the provider lists its own invoices, filtered; another provider sees none of them; finance sees the council's
        given().auth().oauth2(Tokens.forProvider(placed.provider().toString())).queryParam("flagged", true)
                .get("/invoices").then().statusCode(200).body("items.id", org.hamcrest.Matchers.contains(flagged));
        given().auth().oauth2(Tokens.forProvider(UUID.randomUUID().toString())).get("/invoices/" + flagged).then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forProvider(UUID.randomUUID().toString())).get("/invoices").then()
                .statusCode(200).body("items", org.hamcrest.Matchers.empty());
        given().auth().oauth2(finance(COUNCIL)).queryParam("placementId", placed.placement().toString())
                .queryParam("status", "approved").get("/invoices").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(flagged));
        given().auth().oauth2(finance("essex")).get("/invoices/" + flagged).then().statusCode(403);
        given().auth().oauth2(finance(COUNCIL)).queryParam("status", "LOST").get("/invoices").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(finance(COUNCIL)).get("/invoices/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void invoicesDecisionsAndPaymentsArePublishedOnDpsSpendKeyedByPlacement() {
        // £700 a week split 75% LAC / 25% health
        Placed placed = placed(COUNCIL, "WEEKS_52", "700.00", "2018-09-03", "LAC_PLACEMENTS", "15750.00",
                "LAC_PLACEMENTS", 75, "HEALTH", 25);
        String number = unique("EV");
        String invoice = submitted(placed, number, "2018-09-03", "2018-09-30", "2800.01", "2018-10-01")
                .getString("id");
        decide(COUNCIL, invoice, "approve", null).statusCode(200);
        String reference = unique("AP");
        JsonPath payment = pay(finance(COUNCIL), invoice, "2018-10-08", reference).statusCode(201).extract()
                .jsonPath().using(EXACT);
        // £2,800.01 split 75/25 to the penny: £2,100.0075 and £700.0025 -> £2,100.01 and £700.00
        assertThat(payment.getString("shares.LAC_PLACEMENTS")).isEqualTo("2100.01");
        assertThat(payment.getString("shares.HEALTH")).isEqualTo("700.00");
        assertThat(payment.getString("source")).isEqualTo("FINANCE_OFFICER");
        assertThat(payment.getString("icbCode")).isEqualTo("QUE");

        try (TopicReader spend = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.SPEND)) {
            String key = placed.placement().toString();
            ConsumerRecord<String, String> submittedEvent = spend.await(r -> key.equals(r.key())
                    && "dps.spend.invoice-submitted.v1".equals(header(r, "ce_type")), WAIT);
            JsonPath s = JsonPath.from(submittedEvent.value()).using(EXACT);
            assertThat(s.getString("invoiceNumber")).isEqualTo(number);
            assertThat(s.getString("amount")).isEqualTo("2800.01");
            assertThat(s.getString("expectedAmount")).isEqualTo("2800.00");
            assertThat(s.getBoolean("flagged")).isFalse();
            assertThat(s.getString("status")).isEqualTo("SUBMITTED");
            assertThat(s.getString("providerId")).isEqualTo(placed.provider().toString());
            assertThat(header(submittedEvent, "ce_subject")).isEqualTo(key);
            spend.await(r -> key.equals(r.key()) && "dps.spend.invoice-approved.v1".equals(header(r, "ce_type"))
                    && r.value().contains("\"status\":\"APPROVED\""), WAIT);
            ConsumerRecord<String, String> paid = spend.await(r -> key.equals(r.key())
                    && "dps.spend.payment-recorded.v1".equals(header(r, "ce_type")), WAIT);
            JsonPath p = JsonPath.from(paid.value()).using(EXACT);
            assertThat(p.getString("paymentReference")).isEqualTo(reference);
            assertThat(p.getString("invoiceReceivedOn")).isEqualTo("2018-10-01");
            assertThat(p.getString("paidOn")).isEqualTo("2018-10-08");
            assertThat(p.getString("amount")).isEqualTo("2800.01");
            assertThat(p.getList("shares.stream")).containsExactly("LAC_PLACEMENTS", "HEALTH");
            assertThat(p.getList("shares.amount").stream().map(Object::toString).toList())
                    .containsExactly("2100.01", "700.00");
        }
    }

    @Test
    void aFinanceSystemBatchRecordsTheValidLinesRefusesTheRestAndAReplayRecordsNothingNew() {
        Placed placed = placed(COUNCIL, "WEEKS_52", "700.00", "2018-09-03", "LAC_PLACEMENTS", "21000.00",
                "LAC_PLACEMENTS", 100);
        String approvedA = submitted(placed, unique("B"), "2018-09-03", "2018-09-09", "700.00", "2018-09-10")
                .getString("id");
        String approvedB = submitted(placed, unique("B"), "2018-09-10", "2018-09-16", "700.00", "2018-09-17")
                .getString("id");
        String notApproved = submitted(placed, unique("B"), "2018-09-17", "2018-09-23", "700.00", "2018-09-24")
                .getString("id");
        decide(COUNCIL, approvedA, "approve", null).statusCode(200);
        decide(COUNCIL, approvedB, "approve", null).statusCode(200);
        String refA = unique("RUN");
        String refB = unique("RUN");
        String batch = """
                {"payments": [
                  {"invoiceId": "%s", "paidOn": "2018-10-01", "paymentReference": "%s"},
                  {"invoiceId": "%s", "paidOn": "2018-10-01", "paymentReference": "%s"},
                  {"invoiceId": "%s", "paidOn": "2018-10-01", "paymentReference": "%s"},
                  {"invoiceId": "%s", "paidOn": "2018-10-01", "paymentReference": "%s"}]}""".formatted(approvedA, refA,
                notApproved, unique("RUN"), UUID.randomUUID(), unique("RUN"), approvedB, refB);
        JsonPath first = given().auth().oauth2(FINANCE_SYSTEM).contentType(ContentType.JSON).body(batch)
                .post("/payments/batch").then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("lines.outcome")).containsExactly("RECORDED", "REFUSED", "REFUSED", "RECORDED");
        assertThat(first.getList("lines.status")).containsExactly(201, 409, 404, 201);
        assertThat(first.getString("lines[1].problem")).contains("only an approved invoice");
        assertThat(first.getString("lines[0].payment.source")).isEqualTo("FINANCE_SYSTEM");
        assertThat(first.getInt("recorded")).isEqualTo(2);
        String paymentA = first.getString("lines[0].payment.id");
        assertThat(invoice(finance(COUNCIL), notApproved).getString("status")).isEqualTo("SUBMITTED");

        // the finance system times out and sends the whole run again: the same answers, nothing recorded twice
        JsonPath again = given().auth().oauth2(FINANCE_SYSTEM).contentType(ContentType.JSON).body(batch)
                .post("/payments/batch").then().statusCode(200).extract().jsonPath();
        assertThat(again.getList("lines.outcome")).containsExactly("ALREADY_RECORDED", "REFUSED", "REFUSED",
                "ALREADY_RECORDED");
        assertThat(again.getString("lines[0].payment.id")).isEqualTo(paymentA);
        assertThat(again.getInt("recorded")).isZero();
        assertThat(again.getInt("alreadyRecorded")).isEqualTo(2);
        // a finance officer sending the same reference answers the same payment (200, not created)
        pay(finance(COUNCIL), approvedA, "2018-10-01", refA).statusCode(200).body("id", equalTo(paymentA));
        // the same reference for another invoice is refused
        pay(finance(COUNCIL), approvedB, "2018-10-01", refA).statusCode(409).contentType("application/problem+json");
        try (TopicReader spend = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.SPEND)) {
            String key = placed.placement().toString();
            spend.await(r -> key.equals(r.key()) && r.value().contains(refB), WAIT);
            long paymentEvents = spend.seen().stream().filter(r -> key.equals(r.key())
                    && "dps.spend.payment-recorded.v1".equals(header(r, "ce_type"))).count();
            assertThat(paymentEvents).isEqualTo(2);
        }
        // a malformed batch is refused whole
        given().auth().oauth2(FINANCE_SYSTEM).contentType(ContentType.JSON).body("{\"payments\": []}")
                .post("/payments/batch").then().statusCode(400).contentType("application/problem+json");
        // a provider cannot record payments
        given().auth().oauth2(Tokens.forProvider(placed.provider().toString())).contentType(ContentType.JSON)
                .body(batch).post("/payments/batch").then().statusCode(403);
    }

    @Test
    void positionsCarryActualsAndForecastTheRemainingCommitmentOfTheDaysNotInvoiced() {
        String council = "suffolk";
        UUID lot = UUID.randomUUID();
        UUID provider = UUID.randomUUID();
        UUID placement = UUID.randomUUID();
        String lac = createBudget(council, 2018, "LAC_PLACEMENTS", "20000.00", lot, null);
        String health = createBudget(council, 2018, "HEALTH", "6000.00", lot, null);
        try (RawEvents events = SpendFixtures.events()) {
            // £700 a week (£100 a day) from 3 Sep 2018, 75% LAC / 25% health: 210 days = £21,000.00 for the year,
            // LAC £15,750.00, health £5,250.00
            SpendFixtures.sendAward(events, award(placement, council, lot, provider, "RESIDENTIAL", fee("700.00"),
                    "WEEKS_52", "2018-09-03", shares("LAC_PLACEMENTS", 75, "HEALTH", 25)));
        }
        awaitCommitted(council, lac, "15750.00");
        JsonPath none = position(council, lac);
        assertThat(none.getString("paid")).isEqualTo("0.00");
        assertThat(none.getString("remainingCommitment")).isEqualTo("15750.00");
        assertThat(none.getString("forecastOutturn")).isEqualTo("15750.00");

        Placed placed = new Placed(placement, provider, lot, lac);
        // September as agreed (£2,800.00), approved and paid
        String september = submitted(placed, unique("S"), "2018-09-03", "2018-09-30", "2800.00", "2018-10-01")
                .getString("id");
        decide(council, september, "approve", null).statusCode(200);
        pay(finance(council), september, "2018-10-05", unique("SP")).statusCode(201);
        // the first week of October for £750.00 (£50 more than the £700.00 agreed): flagged, not paid yet
        String october = submitted(placed, unique("S"), "2018-10-01", "2018-10-07", "750.00", "2018-10-08")
                .getString("id");

        // LAC: paid 75% of £2,800 = £2,100.00; invoiced not paid 75% of £750 = £562.50; the invoiced days (3 Sep -
        // 7 Oct, 35 days) commit £2,625.00 of the £15,750.00: £13,125.00 remains;
        // forecast £2,100.00 + £562.50 + £13,125.00 = £15,787.50 (the £37.50 extra); variance £20,000 - that
        JsonPath p = position(council, lac);
        assertThat(p.getString("committed")).isEqualTo("15750.00");
        assertThat(p.getString("paid")).isEqualTo("2100.00");
        assertThat(p.getString("invoicedNotPaid")).isEqualTo("562.50");
        assertThat(p.getString("actuals")).isEqualTo("2662.50");
        assertThat(p.getString("remainingCommitment")).isEqualTo("13125.00");
        assertThat(p.getString("forecastOutturn")).isEqualTo("15787.50");
        assertThat(p.getString("variance")).isEqualTo("4212.50");
        // health: paid £700.00, invoiced £187.50, remaining £5,250 - £875 = £4,375.00, forecast £5,262.50
        JsonPath h = position(council, health);
        assertThat(h.getString("paid")).isEqualTo("700.00");
        assertThat(h.getString("invoicedNotPaid")).isEqualTo("187.50");
        assertThat(h.getString("remainingCommitment")).isEqualTo("4375.00");
        assertThat(h.getString("forecastOutturn")).isEqualTo("5262.50");
        assertThat(h.getString("variance")).isEqualTo("737.50");
        // the same in the list of positions
        given().auth().oauth2(finance(council)).queryParam("year", 2018).queryParam("size", 200)
                .get("/budgets/positions").then().statusCode(200)
                .body("items.find { it.budgetLineId == '" + lac + "' }.forecastOutturn", equalTo(15787.5f));

        // disputed, October's days are not invoiced any more: the forecast is paid + the rest of the commitment
        decide(council, october, "dispute", "Charged above the agreed weekly fee").statusCode(200);
        p = position(council, lac);
        assertThat(p.getString("invoicedNotPaid")).isEqualTo("0.00");
        assertThat(p.getString("remainingCommitment")).isEqualTo("13650.00"); // 15,750 - 28 days x £75
        assertThat(p.getString("forecastOutturn")).isEqualTo("15750.00");

        // the spend report shows the council's actuals against its commitments
        JsonPath report = given().auth().oauth2(finance(council)).queryParam("year", 2018).get("/reports/spend")
                .then().statusCode(200).extract().jsonPath().using(EXACT);
        assertThat(report.getString("actuals.paid")).isEqualTo("2800.00");
        assertThat(report.getString("actuals.invoicedNotPaid")).isEqualTo("0.00");
        assertThat(report.getString("actualsByFundingStream.find { it.fundingStream == 'HEALTH' }.paid"))
                .isEqualTo("700.00");

        // a fee change backdated into the invoiced September moves what those days commit too: £1,400 a week from
        // 17 Sep: the year is 14 days x £100 + 196 days x £200 = £40,600.00, LAC £30,450.00; September's days now
        // commit 14 x £100 + 14 x £200 = £4,200.00, LAC £3,150.00; remaining £27,300.00 (only the days after
        // September: 182 x £150); forecast = £2,100.00 paid + £27,300.00 = £29,400.00, £9,400.00 over the budget
        try (RawEvents events = SpendFixtures.events()) {
            events.sendEvent(EventCatalog.PLACEMENT_FEE_CHANGED, placement, new PlacementFeeChanged(placement,
                    council, LocalDate.parse("2018-09-17"), fee("1400.00"), "Additional staffing"));
        }
        p = awaitCommitted(council, lac, "30450.00");
        assertThat(p.getString("remainingCommitment")).isEqualTo("27300.00");
        assertThat(p.getString("forecastOutturn")).isEqualTo("29400.00");
        assertThat(p.getString("variance")).isEqualTo("-9400.00");
        assertThat(p.getString("status")).isEqualTo("OVERSPENT");
    }

    @Test
    void theHealthShareOfPaymentsIsRechargedToTheIcbAsJsonAndCsv() {
        String council = "peterborough";
        Placed placed = placed(council, "WEEKS_52", "1000.00", "2018-09-03", "HEALTH", "12000.00",
                "LAC_PLACEMENTS", 60, "HEALTH", 40);
        String reference = unique("ICB");
        // received in the second half year: the payment performance test counts Peterborough's first half
        String invoice = submitted(placed, unique("H"), "2018-09-03", "2018-09-16", "2000.00", "2018-10-01")
                .getString("id");
        decide(council, invoice, "approve", null).statusCode(200);
        pay(finance(council), invoice, "2018-10-04", reference).statusCode(201).body("icbCode", equalTo("QUE"));

        JsonPath statements = given().auth().oauth2(finance(council)).queryParam("from", "2018-10-04")
                .queryParam("to", "2018-10-04").get("/recharges/icb").then().statusCode(200).extract().jsonPath()
                .using(EXACT);
        assertThat(statements.getList("icbCode")).containsExactly("QUE");
        assertThat(statements.getString("[0].icbName")).isEqualTo(
                "NHS Cambridgeshire and Peterborough Integrated Care Board");
        assertThat(statements.getList("[0].lines.paymentReference")).containsExactly(reference);
        assertThat(statements.getString("[0].lines[0].healthShare")).isEqualTo("800.00");
        assertThat(statements.getString("[0].total")).isEqualTo("800.00");

        String csv = given().auth().oauth2(finance(council)).queryParam("from", "2018-10-04")
                .queryParam("to", "2018-10-04").get("/recharges/icb.csv").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        List<String> rows = csv.lines().toList();
        assertThat(rows.get(0)).startsWith("icb_code,icb_name,council,paid_on,payment_reference");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).startsWith("QUE,NHS Cambridgeshire and Peterborough Integrated Care Board,peterborough,"
                + "2018-10-04," + reference).endsWith(",2000.00,800.00");
        // another council's statement does not include it; a bad period is a 400
        given().auth().oauth2(finance("thurrock")).queryParam("from", "2018-10-04").queryParam("to", "2018-10-04")
                .get("/recharges/icb").then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(finance(council)).queryParam("from", "2018-10-04").queryParam("to", "28/09/2018")
                .get("/recharges/icb").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void paymentPerformanceCountsDaysFromReceiptToPaymentInBands() {
        String council = "peterborough";
        // £700 a week from Monday 2 Apr 2018; seven one-week invoices, all received on 1 June 2018
        Placed placed = placed(council, "WEEKS_52", "700.00", "2018-04-02", "LAC_PLACEMENTS", "36400.00",
                "LAC_PLACEMENTS", 100);
        String[] paidOn = {"2018-06-11", "2018-07-01", "2018-07-02", "2018-07-31", "2018-08-01", null, null};
        for (int week = 0; week < paidOn.length; week++) {
            LocalDate from = LocalDate.parse("2018-04-02").plusWeeks(week);
            String id = submitted(placed, unique("PP"), from.toString(), from.plusDays(6).toString(), "700.00",
                    "2018-06-01").getString("id");
            if (paidOn[week] != null) {
                decide(council, id, "approve", null).statusCode(200);
                pay(finance(council), id, paidOn[week], unique("PPAY")).statusCode(201);
            } else if (week == paidOn.length - 1) {
                decide(council, id, "dispute", "Not delivered").statusCode(200);
            }
        }
        // paid after 10, 30 (within 30 days), 31, 60 (31-60 days) and 61 days (61 or more); one unpaid; one disputed
        JsonPath h1 = given().auth().oauth2(finance(council)).queryParam("period", "2018-19-H1")
                .get("/payment-performance").then().statusCode(200).extract().jsonPath().using(EXACT);
        assertThat(h1.getString("from")).isEqualTo("2018-04-01");
        assertThat(h1.getString("to")).isEqualTo("2018-09-30");
        assertThat(h1.getInt("invoicesReceived")).isEqualTo(6);
        assertThat(h1.getString("averageDaysToPay")).isEqualTo("38.4"); // (10 + 30 + 31 + 60 + 61) / 5
        assertThat(h1.getInt("paidWithin30Days")).isEqualTo(2);
        assertThat(h1.getInt("paidIn31To60Days")).isEqualTo(2);
        assertThat(h1.getInt("paidIn61DaysOrMore")).isEqualTo(1);
        assertThat(h1.getInt("unpaid")).isEqualTo(1);
        assertThat(h1.getInt("disputed")).isEqualTo(1);
        assertThat(h1.getString("percentWithin30Days")).isEqualTo("33.33");
        assertThat(h1.getString("percentIn61DaysOrMore")).isEqualTo("16.67");
        assertThat(h1.getString("percentUnpaid")).isEqualTo("16.67");
        // the year before received none; a period named wrongly is a 400
        given().auth().oauth2(finance(council)).queryParam("period", "2017-18-H2").get("/payment-performance")
                .then().statusCode(200).body("invoicesReceived", equalTo(0));
        given().auth().oauth2(finance(council)).queryParam("period", "2018-H1").get("/payment-performance").then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forProvider(placed.provider().toString())).get("/payment-performance").then()
                .statusCode(403);
    }

    private static JsonPath invoice(String token, String id) {
        return given().auth().oauth2(token).get("/invoices/" + id).then().statusCode(200).extract().jsonPath()
                .using(EXACT);
    }

    private static String invoicesOf(Placed placed) {
        return given().auth().oauth2(finance(COUNCIL)).queryParam("placementId", placed.placement().toString())
                .get("/invoices").then().statusCode(200).extract().asString();
    }
}
