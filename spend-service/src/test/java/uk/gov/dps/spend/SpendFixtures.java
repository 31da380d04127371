package uk.gov.dps.spend;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.placement.FundingShare;
import uk.gov.dps.events.placement.PlacementAwarded;
import uk.gov.dps.events.placement.WeeklyFee;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.Tokens;

/** What the spend tests repeat: placement events as placement-service publishes them, budget lines, positions. */
final class SpendFixtures {

    static final Duration WAIT = Duration.ofSeconds(30);

    private SpendFixtures() {
    }

    static String finance(String council) {
        return Tokens.forCouncil("finance-officer", council);
    }

    static RawEvents events() {
        return new RawEvents(SharedInfrastructure.kafkaBootstrapServers());
    }

    static WeeklyFee fee(String core) {
        BigDecimal pounds = new BigDecimal(core);
        return new WeeklyFee(pounds, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, pounds);
    }

    static List<FundingShare> shares(Object... streamsAndPercents) {
        List<FundingShare> shares = new java.util.ArrayList<>();
        for (int i = 0; i < streamsAndPercents.length; i += 2) {
            shares.add(new FundingShare((String) streamsAndPercents[i],
                    new BigDecimal(streamsAndPercents[i + 1].toString())));
        }
        return shares;
    }

    static PlacementAwarded award(UUID placement, String council, UUID lot, UUID provider, String serviceType,
            WeeklyFee fee, String pattern, String plannedStart, List<FundingShare> shares) {
        return new PlacementAwarded(placement, UUID.randomUUID(), council, lot, serviceType, provider,
                UUID.randomUUID(), fee, pattern, LocalDate.parse(plannedStart), null, shares, null, false, List.of(),
                Instant.parse("2018-10-05T12:00:00Z"));
    }

    /** Publishes an award and returns its event id (to redeliver it). */
    static String sendAward(RawEvents events, PlacementAwarded award) {
        return events.sendEvent(EventCatalog.PLACEMENT_AWARDED, award.placementId(), award);
    }

    static String createBudget(String council, int year, String stream, String amount, UUID lotId, UUID contractId) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("financialYear", year, "fundingStream", stream,
                "name", stream + " " + year, "amount", new BigDecimal(amount)));
        if (lotId != null) {
            body.put("lotId", lotId);
        }
        if (contractId != null) {
            body.put("contractId", contractId);
        }
        return given().auth().oauth2(finance(council)).contentType(ContentType.JSON).body(body).post("/budgets")
                .then().statusCode(201).extract().path("id");
    }

    /** Numbers as BigDecimal, so money reads as it was written: "31890.60", not 31890.6. */
    static final JsonPathConfig EXACT = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    static JsonPath position(String council, String budgetId) {
        return given().auth().oauth2(finance(council)).get("/budgets/" + budgetId + "/position").then()
                .statusCode(200).extract().jsonPath().using(EXACT);
    }

    /** Waits until the line's committed figure is {@code pounds} (events are applied asynchronously). */
    static JsonPath awaitCommitted(String council, String budgetId, String pounds) {
        await().atMost(WAIT).until(() -> position(council, budgetId).getString("committed").equals(pounds));
        return position(council, budgetId);
    }

    /** How many placement events spend's inbox has applied, and how many it skipped as already processed. */
    static long inboxCount(String outcome) {
        String metrics = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("dps_inbox_events_total\\{[^}]*consumer=\"spend-commitments\"[^}]*outcome=\""
                + outcome + "\"[^}]*} ([0-9.E]+)").matcher(metrics);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }

    static void awaitInboxCount(String outcome, long atLeast) {
        await().atMost(WAIT).until(() -> inboxCount(outcome) >= atLeast);
    }
}
