package uk.gov.dps.lot;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
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
    void operationalEndpointsAreOpen() {
        ServiceChecks.assertOperationalEndpointsOpen();
    }
}
