package uk.gov.dps.e2e;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.dps.e2e.Scenario.as;
import static uk.gov.dps.e2e.Scenario.eventually;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Across lot-, provider- and placement-service: with two members in a lot and one suspended, a call-off
 * invites exactly the two; one offers, one declines; evaluation ranks; the award produces an agreement and an
 * event; the other provider cannot see the winning offer; a Peterborough officer cannot read a Cambridgeshire
 * referral; bad input changes nothing.
 */
class CallOffIT {

    private static String commissioner;
    private static String officer;

    @BeforeAll
    static void stackIsUp() {
        RunningStack.requireUp();
        commissioner = RunningStack.token("commissioner", "cambridgeshire");
        officer = RunningStack.token("placement-officer", "cambridgeshire");
    }

    @Test
    void fromReferralToAgreement() {
        OnboardedLot lot = OnboardedLot.withProviders(commissioner, "Willow", "Hazel", "Rowan");
        String offering = lot.providers().get(0);
        String declining = lot.providers().get(1);
        String suspended = lot.providers().get(2);
        lot.providers().forEach(p -> lot.decide(commissioner, p, "ADMIT"));
        // each provider's events are keyed by that provider, so they may arrive in any order: see all three first
        eventually("placement-service sees the three members", () -> {
            var response = as("placement-service", officer).get("/lots/" + lot.lotId() + "/eligible-providers");
            return response.statusCode() == 200
                    && Set.copyOf(response.jsonPath().getList("items.providerId")).equals(Set.copyOf(lot.providers()));
        });
        as("provider-service", commissioner).body("{\"reason\":\"Serious concern under investigation\"}")
                .post("/providers/" + suspended + "/suspensions").then().statusCode(200);
        // placement-service learns membership from provider-service's events
        eventually("placement-service sees the two active members", () -> {
            var response = as("placement-service", officer).get("/lots/" + lot.lotId() + "/eligible-providers");
            return response.statusCode() == 200
                    && Set.copyOf(response.jsonPath().getList("items.providerId")).equals(Set.of(offering, declining));
        });

        String referral = as("placement-service", officer).body("""
                {"lotId": "%s", "category": "EMERGENCY", "ageBand": "11-15", "sex": "MALE",
                 "needs": ["EMOTIONAL_BEHAVIOURAL"], "postcodeDistrict": "CB4", "emergency": true,
                 "wantedStart": "%s", "placementPattern": "WEEKS_52"}""".formatted(lot.lotId(), LocalDate.now().plusDays(3)))
                .post("/referrals").then().statusCode(201).extract().path("id");
        as("placement-service", officer).body("{\"outcome\":\"NOT_AVAILABLE\",\"notes\":\"No in-house carers free\"}")
                .post("/referrals/" + referral + "/in-house-check").then().statusCode(200);
        as("placement-service", officer).body("{\"respondBy\":\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}")
                .post("/referrals/" + referral + "/call-off").then().statusCode(200)
                .body("providerId", containsInAnyOrder(offering, declining));

        // bad input changes nothing: a negative fee
        as("placement-service", Scenario.provider(offering)).body(offer("-1.00"))
                .post("/referrals/" + referral + "/offers").then().statusCode(400)
                .contentType("application/problem+json");
        String offer = as("placement-service", Scenario.provider(offering)).body(offer("850.00"))
                .post("/referrals/" + referral + "/offers").then().statusCode(201).extract().path("id");
        as("placement-service", Scenario.provider(declining)).body("{\"reason\":\"NO_VACANCY\"}")
                .post("/referrals/" + referral + "/declines").then().statusCode(201);
        as("placement-service", Scenario.provider(suspended)).body(offer("700.00"))
                .post("/referrals/" + referral + "/offers").then().statusCode(403);

        as("placement-service", officer).get("/referrals/" + referral + "/evaluation").then().statusCode(200)
                .body("[0].rank", equalTo(1)).body("[0].offerId", equalTo(offer))
                .body("[0].reasons.size()", equalTo(3));
        // the declining provider cannot see the offer that will win
        as("placement-service", Scenario.provider(declining)).get("/referrals/" + referral + "/offers").then()
                .statusCode(200).body("id", not(hasItem(offer))).body("kind", equalTo(List.of("DECLINE")));
        // another council's officer never sees the referral
        as("placement-service", RunningStack.token("placement-officer", "peterborough"))
                .get("/referrals/" + referral).then().statusCode(403).contentType("application/problem+json");

        String declineId = as("placement-service", officer).get("/referrals/" + referral + "/offers").then()
                .extract().path("find { it.kind == 'DECLINE' }.id");
        award(referral, declineId, 100).then().statusCode(422);
        award(referral, offer, 90).then().statusCode(400).body("errors[0].field", equalTo("fundingShares"));
        as("placement-service", officer).get("/referrals/" + referral).then().body("status", equalTo("CALLED_OFF"));

        try (KafkaConsumer<String, String> placements = Scenario.consumerAtEndOf("dps.placements")) {
            String placement = award(referral, offer, 100).then().statusCode(201).extract().path("id");
            ConsumerRecord<String, String> awarded = Scenario.awaitRecord(placements, r -> placement.equals(r.key()));
            assertEquals("dps.placement.awarded.v1", Scenario.header(awarded, "ce_type"));
            assertTrue(awarded.value().contains("\"total\":850.00"), awarded.value());
            // the lot's DPS is a Procurement Act 2023 dynamic market: the award names its notice
            assertTrue(awarded.value().contains("\"noticeReference\":\"E2E-CONTRACT-AWARD-NOTICE\""), awarded.value());
            assertTrue(awarded.value().contains(declining) == false, "a decline is not an unsuccessful offer");
            as("placement-service", officer).get("/placements/" + placement + "/agreement").then().statusCode(200)
                    .body("form", equalTo("INDIVIDUAL_PLACEMENT_AGREEMENT"))
                    .body("providerId", equalTo(offering)).body("weeklyFee.total", equalTo(850.0f));
        }
        award(referral, offer, 100).then().statusCode(409);
    }

    @Test
    void referralsRefuseUnknownCategories() {
        OnboardedLot lot = OnboardedLot.withProviders(commissioner, "Yew");
        eventually("placement-service knows lot " + lot.lotId(), () -> as("placement-service", officer)
                .get("/lots/" + lot.lotId() + "/eligible-providers").statusCode() == 200);
        as("placement-service", officer).body("""
                {"lotId": "%s", "category": "SAILING", "ageBand": "5-10", "needs": [],
                 "wantedStart": "%s", "placementPattern": "WEEKS_52"}""".formatted(lot.lotId(), LocalDate.now()))
                .post("/referrals").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("category"));
    }

    private static io.restassured.response.Response award(String referral, String offer, int lacPercent) {
        return as("placement-service", officer).body("""
                {"offerId": "%s", "fundingShares": [{"stream": "LAC_PLACEMENTS", "percent": %d}],
                 "noticeReference": "E2E-CONTRACT-AWARD-NOTICE"}"""
                .formatted(offer, lacPercent)).post("/referrals/" + referral + "/award");
    }

    private static String offer(String core) {
        return """
                {"weeklyFee": {"core": %s, "additionalStaffing": 0, "education": 0, "therapy": 0},
                 "proposedStart": "%s", "homeReference": "Carer-12", "needsMet": ["EMOTIONAL_BEHAVIOURAL"]}"""
                .formatted(core, LocalDate.now().plusDays(3));
    }
}
