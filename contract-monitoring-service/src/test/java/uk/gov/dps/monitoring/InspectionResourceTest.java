package uk.gov.dps.monitoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

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
class InspectionResourceTest {

    @Test
    void inspectionsAreForMonitoringOfficersOfAnyPartnerCouncil() {
        ServiceChecks.assertGetNeedsRole("/inspections", Tokens.forCouncil("monitoring-officer", "essex"),
                Tokens.forCouncil("finance-officer", "essex"));
        given().auth().oauth2(Tokens.forCouncil("monitoring-officer", "thurrock")).get("/inspections")
                .then().statusCode(200);
    }

    @Test
    void aMalformedProviderIdIsABadRequest() {
        given().auth().oauth2(Tokens.forCouncil("monitoring-officer", "suffolk")).queryParam("provider", "acme")
                .get("/inspections").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("provider"));
    }

    @Test
    void operationalEndpointsAreOpen() {
        ServiceChecks.assertOperationalEndpointsOpen();
    }
}
