package uk.gov.dps.lot;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static uk.gov.dps.lot.LotFixtures.COMMISSIONER;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.gov.dps.events.Topics;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.Tokens;
import uk.gov.dps.testing.TopicReader;

@QuarkusTest
class DpsAndLotsTest {

    @Test
    void establishingADpsAndItsLotsPublishesEventsConsumersCanLiveOn() {
        String dpsId = LotFixtures.establishDps();
        String lotId = LotFixtures.createIfaLot(dpsId);

        given().auth().oauth2(Tokens.forCouncil("placement-officer", "peterborough")).get("/lots/" + lotId)
                .then().statusCode(200).body("code", equalTo("LOT2")).body("open", equalTo(true))
                .body("categories.code", contains("EMERGENCY", "PARENT_AND_CHILD"));
        given().auth().oauth2(COMMISSIONER).get("/dps/" + dpsId + "/lots").then().statusCode(200)
                .body("items.id", contains(lotId));

        try (TopicReader topic = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.LOTS)) {
            ConsumerRecord<String, String> established = topic.await(r -> dpsId.equals(r.key()), Duration.ofSeconds(30));
            assertThat(header(established, "ce_type")).isEqualTo("dps.purchasing-system.established.v1");
            ConsumerRecord<String, String> opened = topic.await(r -> lotId.equals(r.key()), Duration.ofSeconds(30));
            assertThat(header(opened, "ce_type")).isEqualTo("dps.lot.opened.v1");
            // the lot event carries what a consumer needs of the DPS: no need to join the two
            assertThat(opened.value()).contains("\"dpsValidTo\":\"2022-10-31\"").contains("peterborough")
                    .contains("\"open\":true");
        }
    }

    @Test
    void closingReopeningAndChangingALotAreEventsAndAudited() {
        String lotId = LotFixtures.createIfaLot(LotFixtures.establishDps());

        given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body("{\"reason\":\"Annual review\"}")
                .post("/lots/" + lotId + "/close").then().statusCode(200).body("open", equalTo(false));
        given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body("{\"reason\":\"again\"}")
                .post("/lots/" + lotId + "/close").then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body("""
                {"name": "IFA (2019)", "categories": [{"code": "SOLO", "name": "Solo placements"}],
                 "selectionCriteria": ["Registered with Ofsted"]}""")
                .put("/lots/" + lotId).then().statusCode(200).body("categories.code", contains("SOLO"));
        given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body("{\"reason\":\"Window reopens\"}")
                .post("/lots/" + lotId + "/open").then().statusCode(200).body("open", equalTo(true));

        given().auth().oauth2(COMMISSIONER).get("/lots/" + lotId + "/audit").then().statusCode(200)
                .body("items.action", contains("CREATED", "CLOSED", "CHANGED", "OPENED"))
                .body("items[1].reason", equalTo("Annual review"))
                .body("items[1].actor", equalTo("commissioner@cambridgeshire"))
                .body("items[1].actorCouncil", equalTo("cambridgeshire"));

        try (TopicReader topic = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.LOTS)) {
            topic.await(r -> lotId.equals(r.key()) && "dps.lot.changed.v1".equals(header(r, "ce_type")),
                    Duration.ofSeconds(30));
            assertThat(topic.seen().stream().filter(r -> lotId.equals(r.key())).map(r -> header(r, "ce_type")))
                    .startsWith("dps.lot.opened.v1", "dps.lot.closed.v1", "dps.lot.changed.v1");
        }
    }

    @Test
    void theDpsRulesAndTheCouncilsScopeAreEnforced() {
        // a PCR 2015 DPS cannot outlive 23 February 2029
        given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body("""
                {"reference": "LATE-1", "title": "Too long", "regime": "PCR2015_DPS",
                 "councils": ["cambridgeshire"], "validFrom": "2025-01-01", "validTo": "2029-02-24"}""")
                .post("/dps").then().statusCode(422).body("detail", containsString("23 February 2029"));
        // ... but a Procurement Act dynamic market can
        given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body("""
                {"reference": "DM-%s", "title": "Dynamic market", "regime": "PA2023_DYNAMIC_MARKET",
                 "councils": ["cambridgeshire"], "validFrom": "2025-03-01", "validTo": "2031-02-28"}"""
                .formatted(System.nanoTime())).post("/dps").then().statusCode(201);
        given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body("""
                {"reference": "X-1", "title": "Not ours", "regime": "PCR2015_DPS",
                 "councils": ["essex"], "validFrom": "2018-11-01", "validTo": "2022-10-31"}""")
                .post("/dps").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body("""
                {"reference": "X-2", "title": "Unknown council", "regime": "PCR2015_DPS",
                 "councils": ["cambridgeshire", "narnia"], "validFrom": "2018-11-01", "validTo": "2022-10-31"}""")
                .post("/dps").then().statusCode(400).body("errors.field", hasItem("councils"));
        given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body("""
                {"reference": "X-3", "title": "Bad date", "regime": "PCR2015_DPS",
                 "councils": ["cambridgeshire"], "validFrom": "first of November", "validTo": "2022-10-31"}""")
                .post("/dps").then().statusCode(400).body("errors.field", hasItem("validFrom"));
        given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body("""
                {"reference": "X-4", "title": "Bad regime", "regime": "FRAMEWORK",
                 "councils": ["cambridgeshire"], "validFrom": "2018-11-01", "validTo": "2022-10-31"}""")
                .post("/dps").then().statusCode(400).body("errors.field", hasItem("regime"));

        String dpsId = LotFixtures.establishDps();
        LotFixtures.createIfaLot(dpsId);
        given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body("""
                {"code": "lot2", "name": "Copy", "serviceType": "IFA", "categories": [], "selectionCriteria": []}""")
                .post("/dps/" + dpsId + "/lots").then().statusCode(409);
        given().auth().oauth2(Tokens.forCouncil("commissioner", "essex")).contentType(ContentType.JSON).body("""
                {"code": "LOT9", "name": "Essex lot", "serviceType": "IFA", "categories": [], "selectionCriteria": []}""")
                .post("/dps/" + dpsId + "/lots").then().statusCode(403);
        given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body("""
                {"code": "LOT5", "name": "Homes", "serviceType": "RESIDENTIAL", "placementPatterns": ["WEEKS_38"],
                 "categories": [], "selectionCriteria": []}""")
                .post("/dps/" + dpsId + "/lots").then().statusCode(400).body("errors.field", hasItem("placementPatterns"));
        given().auth().oauth2(COMMISSIONER).get("/dps/" + dpsId + "/lots").then().body("items.size()", equalTo(1));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
