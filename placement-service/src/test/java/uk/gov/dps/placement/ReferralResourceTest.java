package uk.gov.dps.placement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
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
    void oneReferralIsDocumentedAsEitherTheOfficersOrTheInvitedProvidersView() {
        var openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .jsonPath();
        assertEquals("#/components/schemas/ReferralAnswer", openApi.getString(
                "paths.'/referrals/{id}'.get.responses.'200'.content.'application/json'.schema.'$ref'"));
        assertEquals(List.of("#/components/schemas/ReferralView", "#/components/schemas/InvitedReferralView"),
                openApi.getList("components.schemas.ReferralAnswer.oneOf.'$ref'"));
    }

    @Test
    void operationalEndpointsAreOpen() {
        ServiceChecks.assertOperationalEndpointsOpen();
    }

    @Test
    void aBodyThatCouldMeanTwoThingsOrThatTheDatabaseCannotHoldIsABadRequest() {
        String officer = Tokens.forCouncil("placement-officer", "cambridgeshire");
        String lot = java.util.UUID.randomUUID().toString();
        String fields = "\"ageBand\":\"5-10\",\"needs\":[],\"placementPattern\":\"WEEKS_52\"";
        for (String body : new String[] {
                "{\"lotId\":\"" + lot + "\",\"lotId\":\"" + lot + "\"," + fields + ",\"wantedStart\":\"2018-11-01\"}",
                "{\"lotId\":\"" + lot + "\"," + fields + ",\"wantedStart\":\"2018-11-01\"} and more",
                "{\"lotId\":\"" + lot + "\"," + fields + ",\"wantedStart\":\"2018-11-01\",\"postcodeDistrict\":\"PE\\u0000\"}",
                "{\"lotId\":\"" + lot + "\"," + fields + ",\"wantedStart\":\"+999999999-12-31\"}",
                "{\"lotId\":\"" + lot + "\"," + fields + ",\"wantedStart\":20181101}",
                "{\"lotId\":\"" + lot + "\"," + fields + ",\"wantedStart\":\"2018-02-30\"}"}) {
            var response = given().auth().oauth2(officer).contentType("application/json").body(body).post("/referrals");
            org.junit.jupiter.api.Assertions.assertEquals(400, response.statusCode(), body + " -> " + response.asString());
            org.junit.jupiter.api.Assertions.assertEquals("application/problem+json", response.contentType(), body);
        }
        // answers are JSON only
        given().auth().oauth2(officer).accept("application/xml").get("/referrals").then().statusCode(406)
                .contentType("application/problem+json");
        // page x size beyond an int
        given().auth().oauth2(officer).queryParam("page", 21474836).queryParam("size", 200).get("/referrals").then()
                .statusCode(400).body("errors[0].field", equalTo("page"));
    }
}
