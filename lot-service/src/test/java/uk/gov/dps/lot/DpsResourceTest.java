package uk.gov.dps.lot;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import uk.gov.dps.testing.RealInfrastructure;
import uk.gov.dps.testing.ServiceChecks;
import uk.gov.dps.testing.Tokens;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class DpsResourceTest {

    @Test
    void listingDpsNeedsATokenAndARoleThatBuysOrSupplies() {
        ServiceChecks.assertGetNeedsRole("/dps", Tokens.forCouncil("commissioner", "peterborough"),
                Tokens.forCouncil("finance-officer", "peterborough"));
    }

    @Test
    void pagingOutOfRangeIsABadRequest() {
        given().auth().oauth2(Tokens.forCouncil("commissioner", "peterborough")).queryParam("size", 1000)
                .get("/dps").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("size"));
    }

    @Test
    void aCouncilAddedByConfigurationIsAPartnerAndAnyOtherIsRefused() {
        // Norfolk is in no code: src/test/resources/application.properties adds it
        String body = """
                {"reference": "NORFOLK-%s", "title": "Joint DPS", "regime": "PCR2015_DPS",
                 "councils": ["norfolk", "cambridgeshire"], "validFrom": "2018-11-01", "validTo": "2022-10-31"}"""
                .formatted(System.nanoTime());
        given().auth().oauth2(Tokens.forCouncil("commissioner", "norfolk")).contentType(ContentType.JSON).body(body)
                .post("/dps").then().statusCode(201).body("councils", contains("cambridgeshire", "norfolk"));

        given().auth().oauth2(Tokens.forCouncil("commissioner", "rutland")).contentType(ContentType.JSON)
                .body(body.replace("norfolk", "rutland")).post("/dps").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void operationalEndpointsAreOpen() {
        ServiceChecks.assertOperationalEndpointsOpen();
    }
}
