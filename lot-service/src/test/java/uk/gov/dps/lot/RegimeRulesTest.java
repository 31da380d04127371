package uk.gov.dps.lot;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static uk.gov.dps.lot.LotFixtures.COMMISSIONER;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** What each legal regime allows a commissioner to do with a DPS and its lots, and the rule named when not. */
@QuarkusTest
class RegimeRulesTest {

    private static String establish(String regime, String from, String to) {
        return given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body("""
                {"reference": "R-%s", "title": "Regime test", "regime": "%s",
                 "councils": ["cambridgeshire"], "validFrom": "%s", "validTo": "%s"}
                """.formatted(UUID.randomUUID(), regime, from, to)).post("/dps").then().statusCode(201)
                .extract().path("id");
    }

    private static io.restassured.response.ValidatableResponse close(String lotId) {
        return given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body("{\"reason\":\"Review\"}")
                .post("/lots/" + lotId + "/close").then();
    }

    @Test
    void aValidPcr2015DpsStaysOpenButALightTouchOneOrAnExpiredOneMayClose() {
        String pcrLot = LotFixtures.createIfaLot(establish("PCR2015_DPS", "2024-04-01", "2029-02-23"));
        close(pcrLot).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("PCR 2015 reg. 34"));
        given().auth().oauth2(COMMISSIONER).get("/lots/" + pcrLot).then().body("open", equalTo(true));

        String lightTouchLot = LotFixtures.createIfaLot(establish("LIGHT_TOUCH_PSEUDO_DPS", "2024-04-01", "2030-03-31"));
        close(lightTouchLot).statusCode(200).body("open", equalTo(false));

        // a PCR 2015 DPS past its validity may close (the fixture's ran 2018 to 2022)
        close(LotFixtures.createIfaLot(LotFixtures.establishDps())).statusCode(200).body("open", equalTo(false));
    }

    @Test
    void noPcr2015DpsStartsOnceTheProcurementActIsInForce() {
        given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body("""
                {"reference": "LATE-%s", "title": "Too late", "regime": "PCR2015_DPS",
                 "councils": ["cambridgeshire"], "validFrom": "2025-02-24", "validTo": "2028-02-23"}"""
                .formatted(UUID.randomUUID())).post("/dps").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("24 February 2025"));
        establish("PCR2015_DPS", "2025-02-23", "2028-02-23");
        establish("PA2023_DYNAMIC_MARKET", "2025-02-24", "2028-02-23");
    }

    @Test
    void aDynamicMarketsMembershipConditionsChangeOnlyWithANotice() {
        String marketLot = LotFixtures.createIfaLot(establish("PA2023_DYNAMIC_MARKET", "2025-03-01", "2031-02-28"));
        String change = """
                {"name": "IFA", "categories": [{"code": "EMERGENCY", "name": "Emergency (same day)"}],
                 "selectionCriteria": ["Registered with Ofsted", "Rated Good or better"]%s}""";
        given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body(change.formatted(""))
                .put("/lots/" + marketLot).then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("Procurement Act 2023"));
        given().auth().oauth2(COMMISSIONER).get("/lots/" + marketLot).then()
                .body("selectionCriteria", contains("Registered with Ofsted", "Not rated Inadequate"));
        // renaming without touching the conditions needs no notice
        given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body("""
                {"name": "IFA renamed", "categories": [{"code": "EMERGENCY", "name": "Emergency (same day)"}],
                 "selectionCriteria": ["Registered with Ofsted", "Not rated Inadequate"]}""")
                .put("/lots/" + marketLot).then().statusCode(200);
        given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON)
                .body(change.formatted(", \"noticeReference\": \"UK12-2026-000123\""))
                .put("/lots/" + marketLot).then().statusCode(200)
                .body("selectionCriteria", contains("Registered with Ofsted", "Rated Good or better"));
        given().auth().oauth2(COMMISSIONER).get("/lots/" + marketLot + "/audit").then().statusCode(200)
                .body("items.action", contains("CREATED", "CHANGED", "CHANGED"))
                .body("items[2].reason", equalTo("UK12-2026-000123"))
                .body("items[2].details.noticeReference", equalTo("UK12-2026-000123"));

        // a light-touch DPS may change its criteria without one
        String lightTouchLot = LotFixtures.createIfaLot(establish("LIGHT_TOUCH_PSEUDO_DPS", "2024-04-01", "2030-03-31"));
        given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body(change.formatted(""))
                .put("/lots/" + lightTouchLot).then().statusCode(200);
    }
}
