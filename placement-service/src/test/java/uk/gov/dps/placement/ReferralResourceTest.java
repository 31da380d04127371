package uk.gov.dps.placement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.Set;

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
class ReferralResourceTest {

    @Test
    void listingReferralsNeedsAPlacementRole() {
        ServiceChecks.assertGetNeedsRole("/referrals", Tokens.forCouncil("placement-officer", "cambridgeshire"),
                Tokens.forCouncil("monitoring-officer", "cambridgeshire"));
    }

    @Test
    void referralsAreScopedToACouncilSoATokenWithoutOneIsRefused() {
        String noCouncil = Tokens.token("officer", Set.of("placement-officer"), Map.of());
        given().auth().oauth2(noCouncil).get("/referrals").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void anUnknownStatusIsABadRequest() {
        given().auth().oauth2(Tokens.forCouncil("placement-officer", "cambridgeshire"))
                .queryParam("status", "LOST").get("/referrals").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("status"));
    }

    @Test
    void operationalEndpointsAreOpen() {
        ServiceChecks.assertOperationalEndpointsOpen();
    }
}
