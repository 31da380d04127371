package uk.gov.dps.provider;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static uk.gov.dps.provider.OnboardingFixtures.COMMISSIONER;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.Topics;
import uk.gov.dps.events.quality.InspectionRecorded;
import uk.gov.dps.events.quality.RiskRatingChanged;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.Tokens;
import uk.gov.dps.testing.TopicReader;

/** Applications, the legal clock, decisions, suspensions and the quality gate (as of 20 December 2018). */
@QuarkusTest
class ProviderOnboardingTest {

    @Test
    void anApplicationIsDueInTenWorkingDaysAndAnExtensionMakesItFifteenOnce() {
        UUID lot = OnboardingFixtures.openTieredLot();
        String provider = OnboardingFixtures.provider("Clock Fostering");
        String application = OnboardingFixtures.apply(provider, lot);

        given().auth().oauth2(COMMISSIONER).get("/applications").then().statusCode(200)
                .body("items.find { it.id == '" + application + "' }.dueOn", equalTo("2019-01-08"))
                .body("items.find { it.id == '" + application + "' }.overdue", equalTo(false))
                .body("items.find { it.id == '" + application + "' }.categories", contains("EMERGENCY"));
        // the queue is the commissioner's council's: an Essex commissioner does not see Cambridgeshire's lots
        given().auth().oauth2(Tokens.forCouncil("commissioner", "essex")).get("/applications").then()
                .statusCode(200).body("items.id", not(hasItem(application)));

        given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON)
                .body("{\"justification\":\"Insurance evidence requested\"}")
                .post("/applications/" + application + "/extension")
                .then().statusCode(200).body("dueOn", equalTo("2019-01-15")).body("extended", equalTo(true));
        given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body("{\"justification\":\"again\"}")
                .post("/applications/" + application + "/extension")
                .then().statusCode(409).contentType("application/problem+json");

        try (TopicReader topic = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.PROVIDERS)) {
            ConsumerRecord<String, String> submitted = topic.await(r -> provider.equals(r.key())
                    && "dps.provider.application-submitted.v1".equals(header(r, "ce_type")), Duration.ofSeconds(30));
            assertThat(submitted.value()).contains("\"dueOn\":\"2019-01-08\"").contains("\"requestedTier\":\"TIER_2\"");
        }
    }

    @Test
    void applicationsToUnknownClosedOrExpiredLotsAreRefusedAndChangeNothing() {
        String provider = OnboardingFixtures.provider("Refused Care");
        String token = Tokens.forProvider(provider);
        UUID closed = OnboardingFixtures.lot(false, false, LocalDate.of(2022, 10, 31));
        UUID expired = OnboardingFixtures.lot(true, false, LocalDate.of(2018, 6, 30));
        UUID open = OnboardingFixtures.lot(true, false, LocalDate.of(2022, 10, 31));

        apply(token, provider, UUID.randomUUID(), "[\"EMERGENCY\"]", null).then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("not a lot"));
        apply(token, provider, closed, "[\"EMERGENCY\"]", null).then().statusCode(409)
                .body("detail", containsString("closed"));
        apply(token, provider, expired, "[\"EMERGENCY\"]", null).then().statusCode(422)
                .body("detail", containsString("2018-06-30"));
        apply(token, provider, open, "[\"HORSES\"]", null).then().statusCode(400)
                .body("errors.field", hasItem("categories"));
        apply(token, provider, open, "[\"EMERGENCY\"]", "\"TIER_1\"").then().statusCode(400)
                .body("errors.field", hasItem("requestedTier"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"categories\":[]}")
                .post("/providers/" + provider + "/applications").then().statusCode(400)
                .body("errors.field", hasItem("lotId"));

        given().auth().oauth2(token).get("/providers/" + provider + "/applications").then().statusCode(200)
                .body("items.size()", equalTo(0));

        apply(token, provider, open, "[\"EMERGENCY\"]", null).then().statusCode(201);
        apply(token, provider, open, "[\"EMERGENCY\"]", null).then().statusCode(409)
                .body("detail", containsString("awaiting a decision"));
    }

    @Test
    void providersActOnlyForTheirOwnOrganisation() {
        UUID lot = OnboardingFixtures.openTieredLot();
        String mine = OnboardingFixtures.provider("Mine Ltd");
        String theirs = OnboardingFixtures.provider("Theirs Ltd");
        String theirApplication = OnboardingFixtures.apply(theirs, lot);
        String myToken = Tokens.forProvider(mine);

        apply(myToken, theirs, lot, "[\"EMERGENCY\"]", null).then().statusCode(403);
        given().auth().oauth2(myToken).get("/applications/" + theirApplication).then().statusCode(403);
        given().auth().oauth2(myToken).get("/providers/" + theirs + "/applications").then().statusCode(403);
        given().auth().oauth2(myToken).get("/providers/" + theirs + "/audit").then().statusCode(403);
        given().auth().oauth2(myToken).get("/applications").then().statusCode(403);
        given().auth().oauth2(myToken).contentType(ContentType.JSON).body("{\"outcome\":\"ADMIT\"}")
                .post("/applications/" + theirApplication + "/decision").then().statusCode(403);
        given().auth().oauth2(Tokens.forProvider(theirs)).get("/applications/" + theirApplication).then()
                .statusCode(200);
    }

    @Test
    void admissionMakesAMemberOnceAndRejectionNeedsReasons() {
        UUID lot = OnboardingFixtures.openTieredLot();
        String admitted = OnboardingFixtures.provider("Admitted Fostering");
        String rejected = OnboardingFixtures.provider("Rejected Fostering");
        String admission = OnboardingFixtures.apply(admitted, lot);
        String rejection = OnboardingFixtures.apply(rejected, lot);

        OnboardingFixtures.decide(admission, "ADMIT", null);
        given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body("{\"outcome\":\"ADMIT\"}")
                .post("/applications/" + admission + "/decision").then().statusCode(409);
        given().auth().oauth2(COMMISSIONER).get("/providers/" + admitted).then()
                .body("memberships[0].lotId", equalTo(lot.toString()))
                .body("memberships[0].tier", equalTo("TIER_2")).body("memberships[0].status", equalTo("ACTIVE"));
        // already a member: a new application is refused rather than duplicated
        apply(Tokens.forProvider(admitted), admitted, lot, "[\"EMERGENCY\"]", null).then().statusCode(409)
                .body("detail", containsString("already a member"));

        given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body("{\"outcome\":\"REJECT\"}")
                .post("/applications/" + rejection + "/decision").then().statusCode(400)
                .body("errors.field", hasItem("reasons"));
        OnboardingFixtures.decide(rejection, "REJECT", "No evidence of employer's liability insurance");
        given().auth().oauth2(Tokens.forProvider(rejected)).get("/applications/" + rejection).then()
                .body("status", equalTo("REJECTED")).body("decidedBy", equalTo("commissioner@cambridgeshire"));

        given().auth().oauth2(COMMISSIONER).queryParam("lot", lot.toString()).queryParam("status", "active")
                .get("/providers").then().statusCode(200).body("items.id", contains(admitted));

        try (TopicReader topic = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.PROVIDERS)) {
            ConsumerRecord<String, String> event = topic.await(r -> admitted.equals(r.key())
                    && "dps.provider.admitted-to-lot.v1".equals(header(r, "ce_type")), Duration.ofSeconds(30));
            assertThat(event.value()).contains("Admitted Fostering").contains(lot.toString());
            topic.await(r -> rejected.equals(r.key())
                    && "dps.provider.application-rejected.v1".equals(header(r, "ce_type")), Duration.ofSeconds(30));
        }
    }

    @Test
    void suspensionReinstatementTierAndWithdrawalAreAuditedDecisions() {
        UUID lot = OnboardingFixtures.openTieredLot();
        String provider = OnboardingFixtures.provider("Lifecycle Homes");
        OnboardingFixtures.decide(OnboardingFixtures.apply(provider, lot), "ADMIT", null);

        post("/providers/" + provider + "/suspensions", "{\"lotId\":\"" + lot + "\",\"reason\":\"Serious concern\"}")
                .then().statusCode(200).body("lotIds", contains(lot.toString()));
        post("/providers/" + provider + "/suspensions", "{\"lotId\":\"" + lot + "\",\"reason\":\"again\"}")
                .then().statusCode(409);
        given().auth().oauth2(COMMISSIONER).queryParam("lot", lot.toString()).queryParam("status", "SUSPENDED")
                .get("/providers").then().body("items.id", contains(provider));
        post("/providers/" + provider + "/reinstatements", "{\"reason\":\"Concern resolved\"}")
                .then().statusCode(200).body("lotIds", contains(lot.toString()));
        post("/providers/" + provider + "/tier-changes",
                "{\"lotId\":\"" + lot + "\",\"tier\":\"tier_1\",\"reason\":\"Annual review\"}")
                .then().statusCode(200).body("tier", equalTo("TIER_1"));
        given().auth().oauth2(Tokens.forProvider(provider)).contentType(ContentType.JSON)
                .body("{\"reason\":\"Leaving the region\"}").post("/providers/" + provider + "/withdrawals")
                .then().statusCode(200).body("lotIds", contains(lot.toString()));
        given().auth().oauth2(COMMISSIONER).get("/providers/" + provider).then().body("memberships.size()",
                equalTo(0));

        given().auth().oauth2(COMMISSIONER).get("/providers/" + provider + "/audit").then().statusCode(200)
                .body("items.action", contains("REGISTERED", "APPLIED", "ADMITTED", "SUSPENDED", "REINSTATED",
                        "TIER_CHANGED", "WITHDRAWN"))
                .body("items[3].reason", equalTo("Serious concern"))
                .body("items[3].actor", equalTo("commissioner@cambridgeshire"))
                .body("items[6].actor", equalTo("provider-" + provider));
    }

    @Test
    void anInadequateJudgementOrARedRatingSuspendsFromEveryLotAutomatically() {
        UUID lotA = OnboardingFixtures.openTieredLot();
        UUID lotB = OnboardingFixtures.openTieredLot();
        String inadequate = OnboardingFixtures.provider("Inadequate Homes");
        String red = OnboardingFixtures.provider("Red Rated Care");
        for (String provider : List.of(inadequate, red)) {
            OnboardingFixtures.decide(OnboardingFixtures.apply(provider, lotA), "ADMIT", null);
            OnboardingFixtures.decide(OnboardingFixtures.apply(provider, lotB), "ADMIT", null);
        }
        try (RawEvents events = new RawEvents(SharedInfrastructure.kafkaBootstrapServers())) {
            UUID id = UUID.fromString(inadequate);
            events.sendEvent(EventCatalog.INSPECTION_RECORDED, id, new InspectionRecorded(UUID.randomUUID(), id,
                    "SC654321", "OFSTED", "INADEQUATE", LocalDate.of(2018, 12, 18), "50012345", "essex", Instant.now()));
            UUID redId = UUID.fromString(red);
            events.sendEvent(EventCatalog.RISK_RATING_CHANGED, redId, new RiskRatingChanged(redId, "AMBER", "RED",
                    List.of("Two serious concerns open"), Instant.now()));
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(COMMISSIONER)
                .get("/providers/" + inadequate).then().body("memberships.status", contains("SUSPENDED", "SUSPENDED")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(COMMISSIONER)
                .get("/providers/" + red).then().body("memberships.status", contains("SUSPENDED", "SUSPENDED")));

        given().auth().oauth2(COMMISSIONER).get("/providers/" + inadequate + "/audit").then()
                .body("items.find { it.action == 'SUSPENDED_AUTOMATICALLY' }.actor", equalTo("system"))
                .body("items.find { it.action == 'SUSPENDED_AUTOMATICALLY' }.reason",
                        containsString("Ofsted judgement Inadequate for setting SC654321"));
        given().auth().oauth2(COMMISSIONER).get("/providers/" + inadequate).then()
                .body("memberships[0].suspendedReason", containsString("Inadequate"));
        try (TopicReader topic = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.PROVIDERS)) {
            ConsumerRecord<String, String> suspended = topic.await(r -> red.equals(r.key())
                    && "dps.provider.suspended.v1".equals(header(r, "ce_type")), Duration.ofSeconds(30));
            assertThat(suspended.value()).contains("\"automatic\":true").contains("Two serious concerns open");
        }
        // reinstatement is a commissioner's decision
        post("/providers/" + inadequate + "/reinstatements", "{\"reason\":\"Re-inspected: Good\"}").then()
                .statusCode(200);
    }

    private static io.restassured.response.Response apply(String token, String provider, UUID lot, String categories,
            String tier) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"lotId\":\"" + lot + "\",\"categories\":" + categories + ",\"requestedTier\":" + tier + "}")
                .post("/providers/" + provider + "/applications");
    }

    private static io.restassured.response.Response post(String path, String body) {
        return given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body(body).post(path);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
