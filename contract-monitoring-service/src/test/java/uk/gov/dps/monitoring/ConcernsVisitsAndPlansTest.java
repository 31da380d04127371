package uk.gov.dps.monitoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static uk.gov.dps.monitoring.Monitoring.CAMBRIDGESHIRE_OFFICER;
import static uk.gov.dps.monitoring.Monitoring.ESSEX_OFFICER;
import static uk.gov.dps.monitoring.Monitoring.SUFFOLK_OFFICER;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import uk.gov.dps.events.Topics;
import uk.gov.dps.monitoring.service.RiskRatingService;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.TopicReader;

/**
 * Visits, concerns and improvement plans recorded by different partner councils about one provider, and how each
 * moves the shared risk rating. This is the only test class that leaves improvement plans active: the overdue
 * check it drives re-assesses every provider with a plan due before the chosen date.
 */
@QuarkusTest
class ConcernsVisitsAndPlansTest {

    @Inject
    RiskRatingService ratings;

    @Test
    void aVisitsFindingsLeadToConcernsThatMoveTheRatingUntilAnyPartnerResolvesThem() {
        UUID provider = Monitoring.registeredProvider("Cambridge Residential Ltd");
        String visit = given().auth().oauth2(CAMBRIDGESHIRE_OFFICER).contentType(ContentType.JSON).body("""
                {"providerId":"%s","settingUrn":"SC730001","type":"UNANNOUNCED","visitedOn":"2018-12-18",
                 "findings":["Two staff on shift against a planned three","Fire door wedged open"]}""".formatted(provider))
                .post("/visits").then().statusCode(201).body("recordingCouncil", equalTo("cambridgeshire"))
                .extract().path("id");
        given().auth().oauth2(Monitoring.THURROCK_COMMISSIONER).queryParam("provider", provider.toString())
                .get("/visits").then().statusCode(200).body("items.id", contains(visit))
                .body("items[0].findings", hasItem("Fire door wedged open"));

        String staffing;
        String fireSafety;
        try (TopicReader topic = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.QUALITY)) {
            staffing = given().auth().oauth2(CAMBRIDGESHIRE_OFFICER).contentType(ContentType.JSON).body("""
                    {"providerId":"%s","severity":"HIGH","summary":"Staffing below the agreed ratio","visitId":"%s",
                     "settingUrn":"SC730001"}""".formatted(provider, visit))
                    .post("/concerns").then().statusCode(201).body("status", equalTo("OPEN"))
                    .body("raisingCouncil", equalTo("cambridgeshire")).extract().path("id");
            assertThat(Monitoring.rating(provider)).isEqualTo("AMBER");

            fireSafety = Monitoring.raiseConcern(ESSEX_OFFICER, provider, "HIGH", "Fire safety");
            JsonPath red = Monitoring.quality(provider);
            assertThat(red.getString("risk.rating")).isEqualTo("RED");
            assertThat(red.getList("risk.reasons", String.class)).containsExactly("2 high-severity concerns open");
            assertThat(red.getInt("openConcerns.total")).isEqualTo(2);
            assertThat(red.getInt("openConcerns.high")).isEqualTo(2);
            assertThat(red.getList("openConcerns.mostSevere.id")).containsExactly(staffing, fireSafety);

            ConsumerRecord<String, String> raised = topic.await(r -> provider.toString().equals(r.key())
                    && "dps.quality.concern-raised.v1".equals(header(r, "ce_type")), Duration.ofSeconds(30));
            assertThat(JsonPath.from(raised.value()).getString("severity")).isEqualTo("HIGH");
            assertThat(JsonPath.from(raised.value()).getString("raisingCouncil")).isEqualTo("cambridgeshire");

            // Suffolk resolves Essex's concern: monitoring is shared
            given().auth().oauth2(SUFFOLK_OFFICER).contentType(ContentType.JSON)
                    .body("{\"resolution\":\"Fire risk assessment redone; doors fitted with hold-open devices\"}")
                    .post("/concerns/" + fireSafety + "/resolution").then().statusCode(200)
                    .body("status", equalTo("RESOLVED")).body("resolvingCouncil", equalTo("suffolk"));
            ConsumerRecord<String, String> resolved = topic.await(r -> provider.toString().equals(r.key())
                    && "dps.quality.concern-resolved.v1".equals(header(r, "ce_type")), Duration.ofSeconds(30));
            assertThat(JsonPath.from(resolved.value()).getString("concernId")).isEqualTo(fireSafety);
        }
        assertThat(Monitoring.rating(provider)).isEqualTo("AMBER");

        // resolving twice is a conflict, unless it is a retry with the first attempt's key
        String key = UUID.randomUUID().toString();
        given().auth().oauth2(ESSEX_OFFICER).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"resolution\":\"Third staff member recruited\"}").post("/concerns/" + staffing + "/resolution")
                .then().statusCode(200);
        given().auth().oauth2(ESSEX_OFFICER).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"resolution\":\"Third staff member recruited\"}").post("/concerns/" + staffing + "/resolution")
                .then().statusCode(200).header("Idempotency-Replayed", "true");
        given().auth().oauth2(SUFFOLK_OFFICER).contentType(ContentType.JSON).body("{\"resolution\":\"again\"}")
                .post("/concerns/" + staffing + "/resolution").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("resolved already"));
        given().auth().oauth2(CAMBRIDGESHIRE_OFFICER).get("/concerns/" + staffing).then()
                .body("resolution", equalTo("Third staff member recruited")).body("resolvingCouncil", equalTo("essex"));

        JsonPath green = Monitoring.quality(provider);
        assertThat(green.getString("risk.rating")).isEqualTo("GREEN");
        assertThat(green.getInt("openConcerns.total")).isZero();
        assertThat(green.getList("history.to")).containsExactly("GREEN", "AMBER", "RED", "AMBER");
        assertThat(green.getList("history.cause")).containsExactly("Concern resolved", "Concern resolved",
                "Concern raised", "Concern raised");
        given().auth().oauth2(CAMBRIDGESHIRE_OFFICER).queryParam("provider", provider.toString())
                .queryParam("status", "resolved").get("/concerns").then().body("items.id",
                        org.hamcrest.Matchers.containsInAnyOrder(staffing, fireSafety));
        given().auth().oauth2(CAMBRIDGESHIRE_OFFICER).get("/providers/" + provider + "/audit").then()
                .body("items.action", contains("VISIT_RECORDED", "CONCERN_RAISED", "RISK_RATING_CHANGED",
                        "CONCERN_RAISED", "RISK_RATING_CHANGED", "CONCERN_RESOLVED", "RISK_RATING_CHANGED",
                        "CONCERN_RESOLVED", "RISK_RATING_CHANGED"));
    }

    @Test
    void concernsRaisedAtTheSameMomentByTwoCouncilsAreBothCountedAndOneResolutionWins() throws Exception {
        UUID provider = Monitoring.registeredProvider("Simultaneous Concerns Ltd");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var essex = pool.submit(() -> Monitoring.raiseConcern(ESSEX_OFFICER, provider, "HIGH", "Staffing"));
            var suffolk = pool.submit(() -> Monitoring.raiseConcern(SUFFOLK_OFFICER, provider, "HIGH", "Medication"));
            String first = essex.get();
            suffolk.get();
            // each re-assessment saw the other's concern: amber then red, never two separate ambers
            JsonPath quality = Monitoring.quality(provider);
            assertThat(quality.getString("risk.rating")).isEqualTo("RED");
            assertThat(quality.getList("history.to")).containsExactly("RED", "AMBER");

            var resolutions = List.of(ESSEX_OFFICER, CAMBRIDGESHIRE_OFFICER).stream()
                    .map(token -> pool.submit(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                            .body("{\"resolution\":\"Rota fixed\"}").post("/concerns/" + first + "/resolution")
                            .statusCode()))
                    .toList();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var resolution : resolutions) {
                statuses.add(resolution.get());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            assertThat(Monitoring.rating(provider)).isEqualTo("AMBER");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSeriousConcernAloneMakesTheProviderRed() {
        UUID provider = Monitoring.registeredProvider("Serious Concern Ltd");
        Monitoring.raiseConcern(SUFFOLK_OFFICER, provider, "SERIOUS", "Allegation against a member of staff");
        JsonPath quality = Monitoring.quality(provider);
        assertThat(quality.getString("risk.rating")).isEqualTo("RED");
        assertThat(quality.getList("risk.reasons", String.class)).containsExactly("1 serious concern open");
    }

    @Test
    void badConcernsVisitsAndPlansAreRefusedAndChangeNothing() {
        UUID provider = Monitoring.registeredProvider("Refused Records Ltd");
        UUID other = Monitoring.registeredProvider("Other Records Ltd");
        String othersVisit = given().auth().oauth2(ESSEX_OFFICER).contentType(ContentType.JSON).body("""
                {"providerId":"%s","type":"ANNOUNCED","visitedOn":"2018-12-01","findings":["All well"]}"""
                .formatted(other)).post("/visits").then().statusCode(201).extract().path("id");
        String othersConcern = Monitoring.raiseConcern(ESSEX_OFFICER, other, "LOW", "Paperwork late");

        given().auth().oauth2(ESSEX_OFFICER).contentType(ContentType.JSON)
                .body("{\"providerId\":\"" + provider + "\",\"severity\":\"TERRIBLE\",\"summary\":\"x\"}")
                .post("/concerns").then().statusCode(400).body("errors[0].field", equalTo("severity"));
        given().auth().oauth2(ESSEX_OFFICER).contentType(ContentType.JSON)
                .body("{\"providerId\":\"" + provider + "\",\"severity\":\"HIGH\",\"summary\":\" \"}")
                .post("/concerns").then().statusCode(400).body("errors.field", hasItem("summary"));
        given().auth().oauth2(ESSEX_OFFICER).contentType(ContentType.JSON).body("""
                {"providerId":"%s","severity":"HIGH","summary":"Linked to the wrong visit","visitId":"%s"}"""
                .formatted(provider, othersVisit)).post("/concerns").then().statusCode(422)
                .contentType("application/problem+json");
        given().auth().oauth2(ESSEX_OFFICER).contentType(ContentType.JSON).body("""
                {"providerId":"%s","type":"ANNOUNCED","visitedOn":"2018-12-21","findings":[]}""".formatted(provider))
                .post("/visits").then().statusCode(400).body("errors.field", hasItem("findings"));
        given().auth().oauth2(ESSEX_OFFICER).contentType(ContentType.JSON).body("""
                {"providerId":"%s","type":"ANNOUNCED","visitedOn":"2018-12-21","findings":["Tomorrow's visit"]}"""
                .formatted(provider)).post("/visits").then().statusCode(400)
                .body("errors[0].field", equalTo("visitedOn"));
        given().auth().oauth2(ESSEX_OFFICER).contentType(ContentType.JSON).body("""
                {"providerId":"%s","summary":"Overdue already","dueOn":"2018-12-20"}""".formatted(provider))
                .post("/improvement-plans").then().statusCode(400).body("errors[0].field", equalTo("dueOn"));
        given().auth().oauth2(ESSEX_OFFICER).contentType(ContentType.JSON).body("""
                {"providerId":"%s","concernId":"%s","summary":"Another provider's concern","dueOn":"2019-02-01"}"""
                .formatted(provider, othersConcern)).post("/improvement-plans").then().statusCode(422);
        given().auth().oauth2(Monitoring.THURROCK_COMMISSIONER).contentType(ContentType.JSON)
                .body("{\"providerId\":\"" + provider + "\",\"severity\":\"HIGH\",\"summary\":\"Not my role\"}")
                .post("/concerns").then().statusCode(403);
        given().auth().oauth2(ESSEX_OFFICER).contentType(ContentType.JSON).body("{\"resolution\":\"x\"}")
                .post("/concerns/" + UUID.randomUUID() + "/resolution").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(ESSEX_OFFICER).queryParam("status", "closed").get("/concerns").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));

        for (String list : new String[] {"/concerns", "/visits", "/improvement-plans"}) {
            given().auth().oauth2(CAMBRIDGESHIRE_OFFICER).queryParam("provider", provider.toString()).get(list)
                    .then().statusCode(200).body("items", empty());
        }
        given().auth().oauth2(CAMBRIDGESHIRE_OFFICER).get("/providers/" + provider + "/audit").then()
                .body("items", empty());
    }

    @Test
    void anImprovementPlanNotCompletedInTimeMakesTheProviderAmberThenRedUntilCompleted() {
        UUID provider = Monitoring.registeredProvider("Overdue Plans Ltd");
        String concern = Monitoring.raiseConcern(ESSEX_OFFICER, provider, "LOW", "Training records incomplete");
        String plan = given().auth().oauth2(ESSEX_OFFICER).contentType(ContentType.JSON).body("""
                {"providerId":"%s","concernId":"%s","summary":"Complete safeguarding training",
                 "actions":["All staff trained","Records updated"],"dueOn":"2019-01-31"}""".formatted(provider, concern))
                .post("/improvement-plans").then().statusCode(201).body("status", equalTo("ACTIVE"))
                .body("overdue", equalTo(false)).body("agreeingCouncil", equalTo("essex")).extract().path("id");
        assertThat(Monitoring.rating(provider)).isEqualTo("GREEN");

        // due today: not overdue yet
        ratings.reassessProvidersWithOverduePlans(LocalDate.of(2019, 1, 31));
        assertThat(Monitoring.rating(provider)).isEqualTo("GREEN");

        try (TopicReader topic = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.QUALITY)) {
            ratings.reassessProvidersWithOverduePlans(LocalDate.of(2019, 2, 1));
            JsonPath amber = Monitoring.quality(provider);
            assertThat(amber.getString("risk.rating")).isEqualTo("AMBER");
            assertThat(amber.getList("risk.reasons", String.class)).containsExactly(
                    "Improvement plan \"Complete safeguarding training\" was due 2019-01-31 and is 1 day overdue");
            assertThat(amber.getString("history[0].changedBy")).isEqualTo("system");
            assertThat(amber.getString("history[0].cause")).isEqualTo(RiskRatingService.CAUSE_OVERDUE);
            ConsumerRecord<String, String> changed = topic.await(r -> provider.toString().equals(r.key())
                    && "dps.quality.risk-rating-changed.v1".equals(header(r, "ce_type")), Duration.ofSeconds(30));
            assertThat(JsonPath.from(changed.value()).getString("to")).isEqualTo("AMBER");
        }

        ratings.reassessProvidersWithOverduePlans(LocalDate.of(2019, 3, 1)); // 29 days after the due date
        assertThat(Monitoring.rating(provider)).isEqualTo("RED");
        // re-checking without a change adds no history
        ratings.reassessProvidersWithOverduePlans(LocalDate.of(2019, 3, 1));
        assertThat(Monitoring.quality(provider).getList("history")).hasSize(2);

        given().auth().oauth2(CAMBRIDGESHIRE_OFFICER).contentType(ContentType.JSON)
                .body("{\"notes\":\"Training certificates seen on a visit\"}")
                .post("/improvement-plans/" + plan + "/completion").then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("completingCouncil", equalTo("cambridgeshire"));
        given().auth().oauth2(CAMBRIDGESHIRE_OFFICER).contentType(ContentType.JSON).body("{\"notes\":\"again\"}")
                .post("/improvement-plans/" + plan + "/completion").then().statusCode(409);
        JsonPath green = Monitoring.quality(provider);
        assertThat(green.getString("risk.rating")).isEqualTo("GREEN");
        assertThat(green.getList("activePlans")).isEmpty();
        given().auth().oauth2(SUFFOLK_OFFICER).queryParam("provider", provider.toString()).get("/improvement-plans")
                .then().body("items.id", contains(plan)).body("items[0].actions", contains("All staff trained",
                        "Records updated"));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
