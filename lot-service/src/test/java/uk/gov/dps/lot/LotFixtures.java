package uk.gov.dps.lot;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import io.restassured.http.ContentType;
import uk.gov.dps.testing.Tokens;

/** Requests the lot-service tests repeat: a DPS for Cambridgeshire and Peterborough, and lots in it. */
final class LotFixtures {

    static final String COMMISSIONER = Tokens.forCouncil("commissioner", "cambridgeshire");

    private LotFixtures() {
    }

    static String establishDps() {
        return given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body("""
                {"reference": "DPS-%s", "title": "Children's placements DPS", "regime": "PCR2015_DPS",
                 "councils": ["cambridgeshire", "peterborough"], "validFrom": "2018-11-01", "validTo": "2022-10-31"}
                """.formatted(UUID.randomUUID())).post("/dps").then().statusCode(201).extract().path("id");
    }

    static String createIfaLot(String dpsId) {
        return given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body("""
                {"code": "LOT2", "name": "Independent Fostering Agencies", "serviceType": "IFA",
                 "categories": [{"code": "emergency", "name": "Emergency (same day)"},
                                {"code": "PARENT_AND_CHILD", "name": "Parent and child"}],
                 "selectionCriteria": ["Registered with Ofsted", "Not rated Inadequate"], "tiered": true}
                """).post("/dps/" + dpsId + "/lots").then().statusCode(201).extract().path("id");
    }
}
