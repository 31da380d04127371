package uk.gov.dps.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.dps.e2e.Scenario.as;
import static uk.gov.dps.e2e.Scenario.eventually;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.gov.dps.cli.DpsStack;
import uk.gov.dps.testing.OcdsSchemas;

/**
 * An award on a dynamic market, made through placement-service, is published by transparency-service without sign-in:
 * the DPS's OCDS release package (from the running service) validates against the official OCDS 1.1 schemas with the
 * lots, techniques and UK extensions the repository ships, and holds the call-off's award; the council's
 * Transparency Code contracts file lists it; the market's notices are owed.
 */
class TransparencyIT {

    private static final String COUNCIL = "cambridgeshire";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final OcdsSchemas OCDS = OcdsSchemas.fromFolder(
            Path.of(System.getProperty("dps.root", ".."), "transparency-service/src/main/resources/ocds"), "lots",
            "techniques", "uk");

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
    void anAwardIsPublishedAsValidOcdsAndInTheCouncilsContractsFile() {
        OnboardedLot lot = OnboardedLot.withProviders(commissioner, "Alder");
        String provider = lot.providers().get(0);
        String providerName = as("provider-service", commissioner).get("/providers/" + provider).then()
                .statusCode(200).extract().path("name");
        lot.admitFirstProvider(commissioner, officer);
        // the stack's own date (it may run as of another day than this JVM)
        LocalDate today = LocalDate.parse(as("spend-service", finance).get("/reports/spend").then().statusCode(200)
                .extract().path("asOf"));
        award(lot.lotId(), provider, today.plusDays(7));

        String transparency = DpsStack.service("transparency-service").baseUrl();
        String releasesPath = "/ocds/dps/" + lot.dpsId() + "/releases";
        eventually("transparency-service publishes the award", () -> {
            var response = given().baseUri(transparency).get(releasesPath);
            return response.statusCode() == 200 && response.asString().contains(providerName);
        });

        // no token: open data
        JsonNode releases = read(given().baseUri(transparency).get(releasesPath).then().statusCode(200).extract()
                .asString());
        assertEquals(List.of(), OCDS.releasePackageErrors(releases));
        JsonNode dps = releases.get("releases").get(0);
        assertTrue(dps.at("/tender/techniques/hasDynamicPurchasingSystem").asBoolean());
        assertEquals("Independent Fostering Agencies", dps.at("/tender/lots/0/title").asText());
        JsonNode callOff = releases.get("releases").get(1);
        assertEquals(providerName, callOff.at("/awards/0/suppliers/0/name").asText());
        // £700 a week, no planned end: valued for one year
        assertEquals(0, new BigDecimal("36400.00").compareTo(callOff.at("/awards/0/value/amount").decimalValue()));
        assertEquals(dps.get("ocid").asText(), callOff.at("/relatedProcesses/0/identifier").asText());
        JsonNode records = read(given().baseUri(transparency).get("/ocds/dps/" + lot.dpsId() + "/records").then()
                .statusCode(200).extract().asString());
        assertEquals(List.of(), OCDS.recordPackageErrors(records));

        String quarter = today.getYear() + "-Q" + ((today.getMonthValue() - 1) / 3 + 1);
        String contracts = given().baseUri(transparency).queryParam("quarter", quarter)
                .get("/transparency-code/" + COUNCIL + "/contracts").then().statusCode(200).extract().asString();
        String row = contracts.lines().filter(l -> l.contains(providerName)).findFirst()
                .orElseThrow(() -> new AssertionError("no contract of " + providerName + " in\n" + contracts));
        assertTrue(row.startsWith(callOff.get("ocid").asText() + ","), row);
        assertTrue(row.contains(",36400.00,"), row);

        // a dynamic market owes its notices: the call-off's tender notice and contract details notice among them
        List<String> kinds = given().baseUri(transparency).queryParam("dps", lot.dpsId()).get("/notices").then()
                .statusCode(200).extract().jsonPath().getList("kind");
        assertTrue(kinds.containsAll(List.of("DYNAMIC_MARKET_ESTABLISHMENT", "TENDER", "CONTRACT_DETAILS")),
                kinds.toString());
    }

    private static void award(String lotId, String provider, LocalDate start) {
        String referral = as("placement-service", officer).body("""
                {"lotId": "%s", "category": "EMERGENCY", "ageBand": "11-15", "sex": "FEMALE",
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
        as("placement-service", officer).body("""
                {"offerId": "%s", "plannedStart": "%s", "fundingShares": [{"stream": "LAC_PLACEMENTS", "percent": 100}],
                 "noticeReference": "E2E-CONTRACT-DETAILS-NOTICE"}""".formatted(offer, start))
                .post("/referrals/" + referral + "/award").then().statusCode(201);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
