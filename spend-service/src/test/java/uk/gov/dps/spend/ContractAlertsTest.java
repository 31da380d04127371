package uk.gov.dps.spend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static uk.gov.dps.spend.SpendFixtures.WAIT;
import static uk.gov.dps.spend.SpendFixtures.award;
import static uk.gov.dps.spend.SpendFixtures.fee;
import static uk.gov.dps.spend.SpendFixtures.finance;
import static uk.gov.dps.spend.SpendFixtures.shares;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.Topics;
import uk.gov.dps.events.placement.PlacementAwarded;
import uk.gov.dps.events.placement.PlacementEnded;
import uk.gov.dps.events.placement.PlacementFeeChanged;
import uk.gov.dps.events.placement.SpotPurchaseMade;
import uk.gov.dps.testing.MetricsScrape;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.Tokens;
import uk.gov.dps.testing.TopicReader;

/** Contract envelopes, and alerts on dps.spend exactly once per threshold crossing. */
@QuarkusTest
class ContractAlertsTest {

    private static final String COUNCIL = "cambridgeshire";
    private static final String FINANCE = finance(COUNCIL);

    private static String createContract(UUID lot, UUID provider, String value) {
        return given().auth().oauth2(FINANCE).contentType(ContentType.JSON).body("""
                {"name": "Out of School Tuition", "lotId": "%s", "providerIds": ["%s"],
                 "startDate": "2017-04-01", "endDate": "2019-03-31", "value": %s}""".formatted(lot, provider, value))
                .post("/contracts").then().statusCode(201).body("committed", equalTo(0.0f))
                .body("status", equalTo("WITHIN")).extract().path("id");
    }

    private static void awaitContractCommitted(String contract, String pounds) {
        await().atMost(WAIT).until(() -> given().auth().oauth2(FINANCE).get("/contracts/" + contract).then()
                .statusCode(200).extract().jsonPath().using(SpendFixtures.EXACT).getString("committed").equals(pounds));
    }

    private static List<Integer> crossingsOf(TopicReader spend, String contract) {
        return spend.seen().stream().filter(r -> contract.equals(r.key()))
                .map(r -> io.restassured.path.json.JsonPath.from(r.value()).getInt("thresholdPercent")).toList();
    }

    @Test
    void aContractWhoseCommitmentPassesItsValueRaisesExactlyOneAlert() {
        UUID lot = UUID.randomUUID();
        UUID tutor = UUID.randomUUID();
        String contract = createContract(lot, tutor, "10000.00");
        String lacOnContract = SpendFixtures.createBudget(COUNCIL, 2018, "LAC_PLACEMENTS", "20000.00", null,
                UUID.fromString(contract));
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        double raisedBefore = contractAlertsRaised();
        try (RawEvents events = SpendFixtures.events();
                TopicReader spend = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.SPEND)) {
            // £450 a week from 5 Nov 2018: 21 weeks = £9,450.00 = 94.5% of £10,000: over 90%, one alert
            events.sendEvent(EventCatalog.PLACEMENT_AWARDED, first, award(first, COUNCIL, lot, tutor,
                    "OUT_OF_SCHOOL_TUITION", fee("450.00"), "WEEKS_52", "2018-11-05", shares("LAC_PLACEMENTS", 100)));
            // not against the contract: the same tutor bought off contract (£300 x 21 = £6,300), another tutor
            UUID spot = UUID.randomUUID();
            events.sendEvent(EventCatalog.SPOT_PURCHASE_MADE, spot, new SpotPurchaseMade(spot, COUNCIL,
                    UUID.randomUUID(), lot, "OUT_OF_SCHOOL_TUITION", tutor, "Tuition Ltd", fee("300.00"), "WEEKS_52",
                    LocalDate.parse("2018-11-05"), shares("LAC_PLACEMENTS", 100), Instant.now()));
            UUID other = UUID.randomUUID();
            events.sendEvent(EventCatalog.PLACEMENT_AWARDED, other, award(other, COUNCIL, lot, UUID.randomUUID(),
                    "OUT_OF_SCHOOL_TUITION", fee("500.00"), "WEEKS_52", "2018-11-05", shares("LAC_PLACEMENTS", 100)));
            await().atMost(WAIT).until(() -> given().auth().oauth2(FINANCE).get("/contracts/" + contract).then()
                    .extract().jsonPath().using(SpendFixtures.EXACT).getString("offContractCommitted")
                    .equals("6300.00"));
            awaitContractCommitted(contract, "9450.00");
            spend.await(r -> contract.equals(r.key()), WAIT);
            assertThat(crossingsOf(spend, contract)).containsExactly(90);
            // the contract-scoped budget line sees the same on-contract placement
            assertThat(SpendFixtures.position(COUNCIL, lacOnContract).getString("committed")).isEqualTo("9450.00");

            // £200 a week from Monday 4 Mar 2019: 28 days = 4 weeks = £800: £10,250.00 = 102.5%, over its value
            PlacementAwarded secondAward = award(second, COUNCIL, lot, tutor, "OUT_OF_SCHOOL_TUITION", fee("200.00"),
                    "WEEKS_52", "2019-03-04", shares("LAC_PLACEMENTS", 100));
            String secondId = events.sendEvent(EventCatalog.PLACEMENT_AWARDED, second, secondAward);
            awaitContractCommitted(contract, "10250.00");
            given().auth().oauth2(FINANCE).get("/contracts/" + contract).then()
                    .body("committedPercentOfValue", equalTo(102.50f)).body("status", equalTo("OVERSPENT"));
            ConsumerRecord<String, String> crossed = spend.await(r -> contract.equals(r.key())
                    && r.value().contains("\"thresholdPercent\":100"), WAIT);
            assertThat(crossed.value()).contains("\"subjectType\":\"CONTRACT\"").contains("\"amount\":10250.00")
                    .contains("\"limit\":10000.00").contains("\"financialYear\":2018")
                    .contains("\"name\":\"Out of School Tuition\"");

            // redelivered, and republished under a new id: no second alert
            long duplicates = SpendFixtures.inboxCount("duplicate");
            long applied = SpendFixtures.inboxCount("applied");
            events.sendEvent(secondId, EventCatalog.PLACEMENT_AWARDED, second, secondAward);
            events.sendEvent(EventCatalog.PLACEMENT_AWARDED, second, secondAward);
            SpendFixtures.awaitInboxCount("duplicate", duplicates + 1);
            SpendFixtures.awaitInboxCount("applied", applied + 1);
            // the relay publishes right after commit: two seconds is ample for a wrong second alert to show
            await().pollDelay(java.time.Duration.ofSeconds(2)).until(() -> true);
            assertThat(crossingsOf(spend, contract)).containsExactly(90, 100);
            // and counted for ops' business dashboard, once each
            assertThat(contractAlertsRaised()).isEqualTo(raisedBefore + 2);
        }
        given().auth().oauth2(FINANCE).queryParam("active", "true").queryParam("size", 200).get("/alerts").then()
                .statusCode(200).body("items.findAll { it.subjectId == '" + contract + "' }.thresholdPercent",
                        contains(100, 90));
    }

    private static double contractAlertsRaised() {
        return MetricsScrape.parse(given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString())
                .value("dps_spend_threshold_alerts_raised_total", Map.of("service", "spend-service", "subject", "contract"));
    }

    @Test
    void aFallBelowClearsTheAlertAndARecrossingRaisesANewOne() {
        UUID lot = UUID.randomUUID();
        UUID tutor = UUID.randomUUID();
        String contract = createContract(lot, tutor, "1000.00");
        UUID placement = UUID.randomUUID();
        try (RawEvents events = SpendFixtures.events();
                TopicReader spend = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.SPEND)) {
            // £100 a week from 5 Nov 2018: 21 weeks = £2,100: over 90% and 100% at once, one alert for each
            events.sendEvent(EventCatalog.PLACEMENT_AWARDED, placement, award(placement, COUNCIL, lot, tutor,
                    "OUT_OF_SCHOOL_TUITION", fee("100.00"), "WEEKS_52", "2018-11-05", shares("LAC_PLACEMENTS", 100)));
            awaitContractCommitted(contract, "2100.00");
            spend.await(r -> contract.equals(r.key()) && r.value().contains("\"thresholdPercent\":100"), WAIT);

            // ends Sunday 2 Dec 2018: 4 weeks = £400 (40%): both alerts are cleared
            events.sendEvent(EventCatalog.PLACEMENT_ENDED, placement, new PlacementEnded(placement, COUNCIL, tutor,
                    LocalDate.parse("2018-12-02"), "DISRUPTION", "PROVIDER_GAVE_NOTICE"));
            awaitContractCommitted(contract, "400.00");
            given().auth().oauth2(FINANCE).queryParam("active", "true").queryParam("size", 200).get("/alerts").then()
                    .body("items.subjectId", org.hamcrest.Matchers.not(hasItem(contract)));
            given().auth().oauth2(FINANCE).queryParam("active", "false").queryParam("size", 200).get("/alerts").then()
                    .body("items.findAll { it.subjectId == '" + contract + "' }.size()", equalTo(2));

            // £300 a week from 5 Nov: 4 weeks = £1,200: over both again, a new crossing of each
            events.sendEvent(EventCatalog.PLACEMENT_FEE_CHANGED, placement, new PlacementFeeChanged(placement, COUNCIL,
                    LocalDate.parse("2018-11-05"), fee("300.00"), "Second tutor"));
            awaitContractCommitted(contract, "1200.00");
            await().atMost(WAIT).until(() -> crossingsOf(spend, contract).size() == 4);
            assertThat(crossingsOf(spend, contract)).containsExactlyInAnyOrder(90, 100, 90, 100);
        }
    }

    @Test
    void contractsAreTheCouncilsOwnAndBadInputIsRefused() {
        String contract = createContract(UUID.randomUUID(), UUID.randomUUID(), "1000000.00");
        given().auth().oauth2(finance("essex")).get("/contracts/" + contract).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.forCouncil("commissioner", COUNCIL)).get("/contracts/" + contract).then()
                .statusCode(200).body("value", equalTo(1000000.00f));
        given().auth().oauth2(Tokens.forCouncil("placement-officer", COUNCIL)).get("/contracts").then()
                .statusCode(403);
        given().auth().oauth2(finance("essex")).get("/contracts").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(contract)));
        given().auth().oauth2(FINANCE).get("/contracts/" + contract + "/audit").then().statusCode(200)
                .body("items.action", contains("CREATED"));

        given().auth().oauth2(FINANCE).contentType(ContentType.JSON).body("""
                {"name": "Backwards", "lotId": "%s", "providerIds": ["%s"], "startDate": "2019-04-01",
                 "endDate": "2019-03-31", "value": 10}""".formatted(UUID.randomUUID(), UUID.randomUUID()))
                .post("/contracts").then().statusCode(400).body("errors.field", hasItem("endDate"));
        // its commitment is worked out day by day: a century-long contract would slow every read
        given().auth().oauth2(FINANCE).contentType(ContentType.JSON).body("""
                {"name": "Forever", "lotId": "%s", "providerIds": ["%s"], "startDate": "2019-04-01",
                 "endDate": "2119-03-31", "value": 10}""".formatted(UUID.randomUUID(), UUID.randomUUID()))
                .post("/contracts").then().statusCode(400).body("errors.field", hasItem("endDate"));
        given().auth().oauth2(FINANCE).contentType(ContentType.JSON).body("""
                {"name": "", "providerIds": [], "startDate": "2019-04-01", "endDate": "2020-03-31",
                 "value": -1}""").post("/contracts").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("name", "lotId", "providerIds", "value"));
        given().auth().oauth2(FINANCE).contentType(ContentType.JSON).body("""
                {"council": "essex", "name": "Theirs", "lotId": "%s", "providerIds": ["%s"],
                 "startDate": "2019-04-01", "endDate": "2020-03-31", "value": 10}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID())).post("/contracts").then().statusCode(403);
        given().auth().oauth2(finance("essex")).queryParam("active", "maybe").get("/alerts").then().statusCode(400)
                .body("errors.field", hasItem("active"));
        given().auth().oauth2(finance("suffolk")).get("/contracts").then().statusCode(200)
                .body("items.size()", equalTo(0));
    }
}
