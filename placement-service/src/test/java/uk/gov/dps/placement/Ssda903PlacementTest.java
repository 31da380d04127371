package uk.gov.dps.placement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.Topics;
import uk.gov.dps.events.provider.ProviderRegistered;
import uk.gov.dps.placement.domain.ProviderRegistration;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.RealInfrastructure;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.Tokens;
import uk.gov.dps.testing.TopicReader;

/**
 * SSDA903 codes on placements (checked against the DfE's lists of the year), the child's package across lots through
 * the council's own child reference, and the council's SSDA903 episodes report.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class Ssda903PlacementTest {

    private static final String CAMBS = Tokens.forCouncil("placement-officer", "cambridgeshire");
    private static final String PBORO = Tokens.forCouncil("placement-officer", "peterborough");
    private static final String PBORO_FINANCE = Tokens.forCouncil("finance-officer", "peterborough");

    @Test
    void endingAPlacementChecksItsCodesAgainstTheYearOfTheEndAndChangesNothingWhenOneIsWrong() {
        CallOffFixtures.Market market = CallOffFixtures.market("RESIDENTIAL");
        String referral = calledOff(CAMBS, market.lot(), "CAMBS-" + UUID.randomUUID().toString().substring(0, 8),
                "WEEKS_52");
        String offer = CallOffFixtures.offer(referral, market.first(), "2300.00");
        // Z11 exists only from 2025-26: not for a placement starting in June 2024
        award(CAMBS, referral, offer, "\"plannedStart\": \"2024-06-03\", \"placementType\": \"Z11\"").statusCode(400)
                .body("errors[0].field", equalTo("placementType"))
                .body("errors[0].message", containsString("Z11")).body("errors[0].message", containsString("2024-25"));
        String placement = award(CAMBS, referral, offer, "\"plannedStart\": \"2024-06-03\", \"placementType\": \"z1\"")
                .statusCode(201).body("placementType", equalTo("Z1")).body("placementProvider", equalTo("PR4"))
                .extract().path("id");
        post(CAMBS, placement, "start", "{\"startDate\": \"2024-06-03\"}").statusCode(200);

        // Z1 was withdrawn from 2025-26: an end in June 2025 must re-code the placement
        post(CAMBS, placement, "end", end("2025-06-30", "\"reasonEpisodeCeased\": \"E4A\"")).statusCode(400)
                .body("errors[0].field", equalTo("placementType"))
                .body("errors[0].message", containsString("Z1")).body("errors[0].message", containsString("2025-26"));
        // an unknown REC
        post(CAMBS, placement, "end", end("2025-06-30", "\"reasonEpisodeCeased\": \"E99\", \"placementType\": \"Z11\""))
                .statusCode(400).body("errors[0].field", equalTo("reasonEpisodeCeased"))
                .body("errors[0].message", containsString("E99")).body("errors[0].message", containsString("2025-26"));
        // a care placement's end needs its REC; the old free-text field is gone
        post(CAMBS, placement, "end", end("2025-06-30", "\"placementType\": \"Z11\"")).statusCode(400)
                .body("errors[0].field", equalTo("reasonEpisodeCeased"));
        post(CAMBS, placement, "end", end("2025-06-30", "\"reasonCode\": \"RETURNED_HOME\"")).statusCode(400)
                .body("errors.field", hasItem("reasonCode"));
        // a move (X1) needs the reason for the change, and only a move has one
        post(CAMBS, placement, "end", end("2025-06-30", "\"reasonEpisodeCeased\": \"X1\", \"placementType\": \"Z11\""))
                .statusCode(400).body("errors[0].field", equalTo("reasonPlaceChange"));
        post(CAMBS, placement, "end", end("2025-06-30", """
                "reasonEpisodeCeased": "E4A", "reasonPlaceChange": "CARPL", "placementType": "Z11\"""")).statusCode(400)
                .body("errors[0].field", equalTo("reasonPlaceChange"));
        post(CAMBS, placement, "end", end("2025-06-30", """
                "reasonEpisodeCeased": "X1", "reasonPlaceChange": "NOPE", "placementType": "Z11\"""")).statusCode(400)
                .body("errors[0].field", equalTo("reasonPlaceChange"))
                .body("errors[0].message", containsString("NOPE"));

        given().auth().oauth2(CAMBS).get("/placements/" + placement).then().statusCode(200)
                .body("status", equalTo("STARTED")).body("endDate", nullValue()).body("placementType", equalTo("Z1"))
                .body("reasonEpisodeCeased", nullValue());

        post(CAMBS, placement, "end", end("2025-06-30", """
                "reasonEpisodeCeased": "x1", "reasonPlaceChange": "carpl", "placementType": "Z11\"""")).statusCode(200)
                .body("status", equalTo("ENDED")).body("placementType", equalTo("Z11"))
                .body("reasonEpisodeCeased", equalTo("X1")).body("reasonPlaceChange", equalTo("CARPL"))
                .body("endReason", equalTo("X1"));

        try (TopicReader topic = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.PLACEMENTS)) {
            ConsumerRecord<String, String> ended = topic.await(r -> placement.equals(r.key())
                    && "dps.placement.ended.v1".equals(header(r, "ce_type")), Duration.ofSeconds(30));
            assertThat(ended.value()).contains("\"endDate\":\"2025-06-30\"", "\"reasonCode\":\"X1\"",
                    "\"reasonEpisodeCeased\":\"X1\"", "\"reasonPlaceChange\":\"CARPL\"", "\"placementType\":\"Z11\"",
                    "\"placementProvider\":\"PR4\"");
            assertThat(topic.seen().stream().filter(r -> placement.equals(r.key()))
                    .filter(r -> "dps.placement.ended.v1".equals(header(r, "ce_type")))).hasSize(1);
        }
    }

    @Test
    void aPlacementEndingOnTheLastDayOf2024To25KeepsItsWithdrawnTypeAndSchoolingEndsWithAReasonForTheChange() {
        CallOffFixtures.Market homes = CallOffFixtures.market("RESIDENTIAL");
        String referral = calledOff(CAMBS, homes.lot(), null, "WEEKS_52");
        String offer = CallOffFixtures.offer(referral, homes.first(), "2300.00");
        String home = award(CAMBS, referral, offer, "\"plannedStart\": \"2024-06-03\", \"placementType\": \"Z1\"")
                .statusCode(201).extract().path("id");
        post(CAMBS, home, "start", "{\"startDate\": \"2024-06-03\"}").statusCode(200);
        post(CAMBS, home, "end", end("2025-03-31", "\"reasonEpisodeCeased\": \"E4A\"")).statusCode(200)
                .body("placementType", equalTo("Z1")).body("reasonEpisodeCeased", equalTo("E4A"))
                .body("reasonPlaceChange", nullValue());

        // a day place at a special school is not a care placement: no PLACE, and it ends with why it changed
        CallOffFixtures.Market schools = CallOffFixtures.market("SPECIAL_SCHOOL");
        String schoolReferral = calledOff(CAMBS, schools.lot(), null, "WEEKS_38");
        String schoolOffer = CallOffFixtures.offer(schoolReferral, schools.first(), "1000.00");
        String school = award(CAMBS, schoolReferral, schoolOffer, "\"parentalPreference\": {\"school\": \"Alpha Homes\", \"basis\": \"EHCP_NAMED_SCHOOL\"}")
                .statusCode(201).body("placementType", nullValue()).body("placementProvider", nullValue())
                .extract().path("id");
        post(CAMBS, school, "end", end("2019-07-19", "\"reasonEpisodeCeased\": \"E4A\"")).statusCode(400)
                .body("errors[0].field", equalTo("reasonPlaceChange"));
        post(CAMBS, school, "end", end("2019-07-19", "\"reasonPlaceChange\": \"CARPL\"")).statusCode(200)
                .body("reasonPlaceChange", equalTo("CARPL")).body("endReason", equalTo("CARPL"));
    }

    @Test
    void aChildsPackageAcrossLotsIsItsCouncilsOnlyAndProvidersNeverSeeTheChildReference() {
        String child = "CCC-" + UUID.randomUUID().toString().substring(0, 8);
        CallOffFixtures.Market homes = CallOffFixtures.market("RESIDENTIAL");
        CallOffFixtures.Market schools = CallOffFixtures.market("SPECIAL_SCHOOL");
        String homeReferral = calledOff(CAMBS, homes.lot(), child, "WEEKS_52");
        String schoolReferral = calledOff(CAMBS, schools.lot(), child, "WEEKS_38");
        String home = award(CAMBS, homeReferral, CallOffFixtures.offer(homeReferral, homes.first(), "2300.00"), "")
                .statusCode(201).body("childReference", equalTo(child)).body("placementType", equalTo("K2"))
                .extract().path("id");
        String school = award(CAMBS, schoolReferral, CallOffFixtures.offer(schoolReferral, schools.first(), "1000.00"),
                """
                "parentalPreference": {"school": "Alpha Homes", "basis": "EHCP_NAMED_SCHOOL"}, "fundingShares": [
                  {"stream": "HIGH_NEEDS_BLOCK", "percent": 60}, {"stream": "LAC_PLACEMENTS", "percent": 30},
                  {"stream": "HEALTH", "percent": 10}]""").statusCode(201).extract().path("id");

        // 2,531.00 a week for the home (all LAC); 1,231.00 for the school split 60/30/10
        given().auth().oauth2(Tokens.forCouncil("finance-officer", "cambridgeshire"))
                .get("/children/" + child + "/package").then().statusCode(200)
                .body("childReference", equalTo(child)).body("placements.placementId", equalTo(List.of(home, school)))
                .body("placements[1].fundingShares.weekly", equalTo(List.of(738.60f, 369.30f, 123.10f)))
                .body("weeklyByFunder", equalTo(List.of(
                        Map.of("stream", "HIGH_NEEDS_BLOCK", "weekly", 738.60f),
                        Map.of("stream", "LAC_PLACEMENTS", "weekly", 2900.30f),
                        Map.of("stream", "HEALTH", "weekly", 123.10f))))
                .body("weeklyTotal", equalTo(3762.00f));
        // the same reference in another council is another child: nothing of Cambridgeshire's
        given().auth().oauth2(PBORO).get("/children/" + child + "/package").then().statusCode(404);
        given().auth().oauth2(CAMBS).get("/children/bad%20ref/package").then().statusCode(400)
                .body("errors[0].field", equalTo("childReference"));

        // once the home ends the package is the school alone
        post(CAMBS, home, "end", end("2019-01-31", "\"reasonEpisodeCeased\": \"E4A\"")).statusCode(200);
        given().auth().oauth2(CAMBS).get("/children/" + child + "/package").then().statusCode(200)
                .body("placements.placementId", equalTo(List.of(school))).body("weeklyTotal", equalTo(1231.00f));

        // officers see the reference; the invited provider never does, anywhere it reads the call-off
        given().auth().oauth2(CAMBS).get("/referrals/" + homeReferral).then().body("childReference", equalTo(child));
        String provider = Tokens.forProvider(homes.first().toString());
        for (String path : List.of("/referrals/" + homeReferral, "/referrals/" + homeReferral + "/invitations",
                "/referrals/" + homeReferral + "/offers", "/invitations?size=200")) {
            String body = given().auth().oauth2(provider).get(path).then().statusCode(200).extract().asString();
            assertThat(body).as(path).doesNotContain(child).doesNotContain("childReference");
        }
        given().auth().oauth2(provider).get("/children/" + child + "/package").then().statusCode(403);
        given().auth().oauth2(provider).get("/reports/ssda903-episodes?year=2018").then().statusCode(403);
        // nor does the event every partner council may read
        try (TopicReader topic = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.PLACEMENTS)) {
            topic.await(r -> home.equals(r.key()) && "dps.placement.ended.v1".equals(header(r, "ce_type")),
                    Duration.ofSeconds(30));
            assertThat(topic.seen()).noneMatch(r -> r.value().contains(child));
        }
    }

    @Test
    void theEpisodesReportListsTheCouncilsCarePlacementsOfTheYearAsJsonAndCsv() {
        CallOffFixtures.Market homes = CallOffFixtures.market("RESIDENTIAL");
        CallOffFixtures.Market fostering = CallOffFixtures.market("IFA");
        CallOffFixtures.Market schools = CallOffFixtures.market("SPECIAL_SCHOOL");
        try (RawEvents events = new RawEvents(SharedInfrastructure.kafkaBootstrapServers())) {
            events.sendEvent(EventCatalog.PROVIDER_REGISTERED, homes.first(), new ProviderRegistered(homes.first(),
                    "Alpha Homes", "SC484848", null, null, "PE1 1AA", Instant.now()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ProviderRegistration.findById(homes.first()) != null));
        String a = "PBO-A-" + UUID.randomUUID().toString().substring(0, 6);
        String b = "PBO-B-" + UUID.randomUUID().toString().substring(0, 6);

        // child A: a children's home (voluntary provider) from May, then fostering from October, still open
        String home = placed(homes, a, "\"plannedStart\": \"2026-05-01\", \"placementProvider\": \"PR5\"",
                "2026-05-01");
        post(PBORO, home, "end", end("2026-09-30", "\"reasonEpisodeCeased\": \"X1\", \"reasonPlaceChange\": \"CARPL\""))
                .statusCode(200);
        placed(fostering, a, "\"plannedStart\": \"2026-10-01\", \"placementType\": \"U4\"", "2026-10-01");
        // ...and a school place, which is not a care placement: not an episode
        placed(schools, a, "\"plannedStart\": \"2026-09-01\", \"parentalPreference\": {\"school\": \"Alpha Homes\", \"basis\": \"EHCP_NAMED_SCHOOL\"}", "2026-09-01");
        // child B: a home since June 2025, ended in April 2026 (the year's first days)
        String before = placed(homes, b, "\"plannedStart\": \"2025-06-01\"", "2025-06-01");
        post(PBORO, before, "end", end("2026-04-10", "\"reasonEpisodeCeased\": \"E4A\"")).statusCode(200);
        // no child reference: left out and counted
        placed(homes, null, "\"plannedStart\": \"2026-07-01\"", "2026-07-01");
        // outside the year: ended before it, starting after it
        String earlier = placed(homes, b, "\"plannedStart\": \"2025-04-01\"", "2025-04-01");
        post(PBORO, earlier, "end", end("2025-05-31", "\"reasonEpisodeCeased\": \"X1\", \"reasonPlaceChange\": "
                + "\"CHILD\"")).statusCode(200);
        placed(homes, b, "\"plannedStart\": \"2027-04-01\"", "2027-04-01");

        List<Map<String, Object>> expected = List.of(
                row(a, "2026-05-01", "K2", "PR5", "2026-09-30", "X1", "CARPL", "SC484848"),
                row(a, "2026-10-01", "U4", "PR4", null, null, null, null),
                row(b, "2025-06-01", "K2", "PR4", "2026-04-10", "E4A", null, "SC484848"));
        List<Map<String, Object>> rows = given().auth().oauth2(PBORO_FINANCE).queryParam("year", 2026)
                .get("/reports/ssda903-episodes").then().statusCode(200).contentType(ContentType.JSON)
                .body("collectionYear", equalTo("2026-27")).body("from", equalTo("2026-04-01"))
                .body("to", equalTo("2027-03-31")).body("excludedWithoutChildReference", equalTo(1))
                .extract().path("episodes.findAll { it.CHILD == '" + a + "' || it.CHILD == '" + b + "' }");
        assertThat(rows).isEqualTo(expected);

        String csv = given().auth().oauth2(PBORO_FINANCE).accept("text/csv").queryParam("year", 2026)
                .get("/reports/ssda903-episodes").then().statusCode(200).contentType(containsString("text/csv"))
                .header("Excluded-Without-Child-Reference", "1").extract().asString();
        assertThat(csv.lines().toList()).startsWith(
                "CHILD,DECOM,PLACE,PLACE_PROVIDER,HOME_POST_DISTRICT,DEC,REC,REASON_PLACE_CHANGE,URN");
        assertThat(csv.lines().filter(l -> l.startsWith(a + ",") || l.startsWith(b + ",")).toList()).containsExactly(
                a + ",2026-05-01,K2,PR5,PE13,2026-09-30,X1,CARPL,SC484848",
                a + ",2026-10-01,U4,PR4,PE13,,,,",
                b + ",2025-06-01,K2,PR4,PE13,2026-04-10,E4A,,SC484848");

        // Cambridgeshire's report has none of Peterborough's children
        String cambridgeshire = given().auth().oauth2(CAMBS).queryParam("year", 2026).get("/reports/ssda903-episodes")
                .then().statusCode(200).extract().asString();
        assertThat(cambridgeshire).doesNotContain(a).doesNotContain(b);
        given().auth().oauth2(PBORO).queryParam("year", "26").get("/reports/ssda903-episodes").then().statusCode(400)
                .body("errors[0].field", equalTo("year"));
        given().auth().oauth2(PBORO).get("/reports/ssda903-episodes").then().statusCode(400);
        given().auth().oauth2(PBORO).accept("application/xml").queryParam("year", 2026)
                .get("/reports/ssda903-episodes").then().statusCode(406);
    }

    private static Map<String, Object> row(String child, String decom, String place, String provider, String dec,
            String rec, String change, String urn) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("CHILD", child);
        row.put("DECOM", decom);
        row.put("PLACE", place);
        row.put("PLACE_PROVIDER", provider);
        row.put("HOME_POST_DISTRICT", "PE13");
        row.put("DEC", dec);
        row.put("REC", rec);
        row.put("REASON_PLACE_CHANGE", change);
        row.put("URN", urn);
        return row;
    }

    /** A Peterborough placement of {@code child} in the market's lot, awarded and started. */
    private static String placed(CallOffFixtures.Market market, String child, String awardFields, String start) {
        String referral = calledOff(PBORO, market.lot(), child, "SPECIAL_SCHOOL".equals(serviceType(market))
                ? "WEEKS_38" : "WEEKS_52");
        String offer = CallOffFixtures.offer(referral, market.first(), "2300.00");
        String placement = award(PBORO, referral, offer, awardFields).statusCode(201).extract().path("id");
        post(PBORO, placement, "start", "{\"startDate\": \"" + start + "\"}").statusCode(200);
        return placement;
    }

    private static String serviceType(CallOffFixtures.Market market) {
        return QuarkusTransaction.requiringNew().call(() -> uk.gov.dps.placement.domain.Projections.LotView
                .<uk.gov.dps.placement.domain.Projections.LotView>findById(market.lot()).serviceType);
    }

    /** Raised with the child's reference (or none), checked in-house and called off. */
    private static String calledOff(String officer, UUID lot, String childReference, String pattern) {
        String referral = given().auth().oauth2(officer).contentType(ContentType.JSON).body("""
                {"lotId": "%s", "ageBand": "11-15", "sex": "FEMALE", "needs": ["EMOTIONAL_BEHAVIOURAL"],
                 "postcodeDistrict": "PE13", "wantedStart": "2018-11-05", "placementPattern": "%s"%s}
                """.formatted(lot, pattern, childReference == null ? "" : ", \"childReference\": \"" + childReference
                + "\"")).post("/referrals").then().statusCode(201).extract().path("id");
        given().auth().oauth2(officer).contentType(ContentType.JSON).body("{\"outcome\":\"NOT_AVAILABLE\"}")
                .post("/referrals/" + referral + "/in-house-check").then().statusCode(200);
        given().auth().oauth2(officer).contentType(ContentType.JSON)
                .body("{\"respondBy\":\"" + Instant.parse("2018-10-23T17:00:00Z") + "\"}")
                .post("/referrals/" + referral + "/call-off").then().statusCode(200);
        return referral;
    }

    private static ValidatableResponse award(String officer, String referral, String offer, String fields) {
        String shares = fields.contains("fundingShares") ? ""
                : "\"fundingShares\": [{\"stream\": \"LAC_PLACEMENTS\", \"percent\": 100}]";
        String extra = fields.isBlank() ? "" : ", " + fields;
        String body = "{\"offerId\": \"" + offer + "\"" + (shares.isEmpty() ? "" : ", " + shares) + extra + "}";
        return given().auth().oauth2(officer).contentType(ContentType.JSON).body(body)
                .post("/referrals/" + referral + "/award").then();
    }

    private static String end(String endDate, String fields) {
        return "{\"endDate\": \"" + endDate + "\", \"endType\": \"PLANNED\", " + fields + "}";
    }

    private static ValidatableResponse post(String officer, String placement, String action, String body) {
        return given().auth().oauth2(officer).contentType(ContentType.JSON).body(body)
                .post("/placements/" + placement + "/" + action).then();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
