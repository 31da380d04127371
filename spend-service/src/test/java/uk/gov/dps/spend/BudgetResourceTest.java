package uk.gov.dps.spend;

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
class BudgetResourceTest {

    private static final String FINANCE = Tokens.forCouncil("finance-officer", "cambridgeshire");

    @Test
    void budgetsAreForFinanceOfficers() {
        ServiceChecks.assertGetNeedsRole("/budgets", FINANCE, Tokens.forCouncil("placement-officer", "cambridgeshire"));
    }

    @Test
    void financeOfficersSeeOnlyTheirOwnCouncilsBudgets() {
        given().auth().oauth2(FINANCE).queryParam("council", "cambridgeshire").queryParam("year", 2018)
                .get("/budgets").then().statusCode(200);
        given().auth().oauth2(FINANCE).queryParam("council", "peterborough").get("/budgets")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anImplausibleYearIsABadRequest() {
        given().auth().oauth2(FINANCE).queryParam("year", 1066).get("/budgets").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("year"));
    }

    @Test
    void operationalEndpointsAreOpen() {
        ServiceChecks.assertOperationalEndpointsOpen();
    }
}
