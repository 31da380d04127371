package uk.gov.dps.spend;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static uk.gov.dps.spend.SpendFixtures.finance;

import java.util.UUID;

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
class BudgetResourceTest {

    private static final String FINANCE = finance("cambridgeshire");

    @Test
    void budgetsAreForFinanceOfficers() {
        ServiceChecks.assertGetNeedsRole("/budgets", FINANCE, Tokens.forCouncil("placement-officer", "cambridgeshire"));
        given().auth().oauth2(Tokens.forCouncil("commissioner", "cambridgeshire")).contentType(ContentType.JSON)
                .body("""
                        {"financialYear": 2018, "fundingStream": "HEALTH", "name": "CCG", "amount": 1000}""")
                .post("/budgets").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aFinanceOfficerSetsABudgetLineAndTheAuditSaysWhoAndWhen() {
        UUID lot = UUID.randomUUID();
        String id = given().auth().oauth2(FINANCE).contentType(ContentType.JSON).body("""
                {"financialYear": 2018, "fundingStream": "HIGH_NEEDS_BLOCK", "name": "ISEP placements (HNB)",
                 "amount": 9000000.00, "lotId": "%s"}""".formatted(lot))
                .post("/budgets").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/budgets/"))
                .body("council", equalTo("cambridgeshire")).body("financialYearLabel", equalTo("2018/19"))
                .body("amount", equalTo(9000000.00f)).body("lotId", equalTo(lot.toString()))
                .body("contractId", nullValue()).body("createdBy", equalTo("finance-officer@cambridgeshire"))
                .extract().path("id");

        given().auth().oauth2(FINANCE).queryParam("year", 2018).queryParam("stream", "high_needs_block")
                .queryParam("size", 200).get("/budgets").then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(FINANCE).contentType(ContentType.JSON)
                .body("{\"amount\": 9500000, \"reason\": \"Schools Forum agreed a transfer\"}")
                .put("/budgets/" + id + "/amount").then().statusCode(200).body("amount", equalTo(9500000.00f));

        given().auth().oauth2(FINANCE).get("/budgets/" + id + "/audit").then().statusCode(200)
                .body("items.action", contains("SET", "REVISED"))
                .body("items.actor", contains("finance-officer@cambridgeshire", "finance-officer@cambridgeshire"))
                .body("items[1].reason", equalTo("Schools Forum agreed a transfer"))
                .body("items[1].details.from", equalTo(9000000.00f)).body("items[1].details.to", equalTo(9500000.00f));
        // with nothing committed yet, the position is the budget as headroom
        given().auth().oauth2(FINANCE).get("/budgets/" + id + "/position").then().statusCode(200)
                .body("budget", equalTo(9500000.00f)).body("committed", equalTo(0.0f)).body("variance",
                        equalTo(9500000.00f)).body("status", equalTo("WITHIN")).body("asOf", equalTo("2018-10-09"));
    }

    @Test
    void financeOfficersSeeOnlyTheirOwnCouncilsBudgets() {
        String id = SpendFixtures.createBudget("cambridgeshire", 2019, "LAC_PLACEMENTS", "100000", UUID.randomUUID(),
                null);
        String essex = finance("essex");
        given().auth().oauth2(FINANCE).queryParam("council", "cambridgeshire").queryParam("year", 2018)
                .get("/budgets").then().statusCode(200);
        given().auth().oauth2(FINANCE).queryParam("council", "peterborough").get("/budgets")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(essex).get("/budgets/" + id).then().statusCode(403);
        given().auth().oauth2(essex).get("/budgets/" + id + "/position").then().statusCode(403);
        given().auth().oauth2(essex).get("/budgets/" + id + "/audit").then().statusCode(403);
        given().auth().oauth2(essex).contentType(ContentType.JSON).body("{\"amount\": 1, \"reason\": \"mine now\"}")
                .put("/budgets/" + id + "/amount").then().statusCode(403);
        given().auth().oauth2(essex).contentType(ContentType.JSON).body("""
                {"council": "cambridgeshire", "financialYear": 2019, "fundingStream": "HEALTH", "name": "x",
                 "amount": 1}""").post("/budgets").then().statusCode(403);
        given().auth().oauth2(FINANCE).get("/budgets/" + id).then().statusCode(200)
                .body("amount", equalTo(100000.00f));
        given().auth().oauth2(FINANCE).get("/budgets/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void badInputIsRefusedAndChangesNothing() {
        String peterborough = finance("peterborough");
        given().auth().oauth2(peterborough).contentType(ContentType.JSON).body("""
                {"financialYear": 1066, "fundingStream": "HEALTH", "name": "", "amount": 10.005}""")
                .post("/budgets").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("financialYear", "name", "amount"));
        given().auth().oauth2(peterborough).contentType(ContentType.JSON).body("""
                {"financialYear": 2018, "fundingStream": "CCG", "name": "Health", "amount": 10}""")
                .post("/budgets").then().statusCode(400).body("errors.field", hasItem("fundingStream"));
        given().auth().oauth2(peterborough).contentType(ContentType.JSON).body("""
                {"financialYear": 2018, "fundingStream": "HEALTH", "name": "Health", "amount": -1}""")
                .post("/budgets").then().statusCode(400).body("errors.field", hasItem("amount"));
        given().auth().oauth2(peterborough).contentType(ContentType.JSON).body("""
                {"financialYear": 2018, "fundingStream": "HEALTH", "name": "Both", "amount": 1,
                 "lotId": "%s", "contractId": "%s"}""".formatted(UUID.randomUUID(), UUID.randomUUID()))
                .post("/budgets").then().statusCode(400).body("errors.field", hasItem("contractId"));
        given().auth().oauth2(peterborough).contentType(ContentType.JSON).body("""
                {"financialYear": 2018, "fundingStream": "HEALTH", "name": "Unknown contract", "amount": 1,
                 "contractId": "%s"}""".formatted(UUID.randomUUID()))
                .post("/budgets").then().statusCode(422).contentType("application/problem+json");
        given().auth().oauth2(peterborough).queryParam("stream", "CCG").get("/budgets").then().statusCode(400)
                .body("errors.field", hasItem("stream"));
        // none of it made a line
        given().auth().oauth2(peterborough).queryParam("year", 2018).get("/budgets").then().statusCode(200)
                .body("items.size()", equalTo(0));

        String id = SpendFixtures.createBudget("peterborough", 2018, "HEALTH", "5000", null, null);
        given().auth().oauth2(peterborough).contentType(ContentType.JSON).body("""
                {"financialYear": 2018, "fundingStream": "HEALTH", "name": "Again", "amount": 7000}""")
                .post("/budgets").then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(peterborough).contentType(ContentType.JSON).body("{\"amount\": 6000}")
                .put("/budgets/" + id + "/amount").then().statusCode(400).body("errors.field", hasItem("reason"));
        given().auth().oauth2(peterborough).get("/budgets/" + id).then().body("amount", equalTo(5000.00f));
        given().auth().oauth2(peterborough).queryParam("year", 2018).get("/budgets").then()
                .body("items.id", contains(id));
    }

    @Test
    void anImplausibleYearIsABadRequest() {
        given().auth().oauth2(FINANCE).queryParam("year", 1066).get("/budgets").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("year"));
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyReturnsTheFirstLine() {
        String body = """
                {"financialYear": 2020, "fundingStream": "LAC_PLACEMENTS", "name": "LAC 2020/21", "amount": 1,
                 "lotId": "%s"}""".formatted(UUID.randomUUID());
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(FINANCE).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).post("/budgets").then().statusCode(201).extract().path("id");
        given().auth().oauth2(FINANCE).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .post("/budgets").then().statusCode(201).header("Idempotency-Replayed", "true")
                .body("id", equalTo(first));
    }

    @Test
    void operationalEndpointsAreOpen() {
        ServiceChecks.assertOperationalEndpointsOpen();
    }

    @Test
    void thePositionsOfAYearsLinesComeInOneCallOnlyForTheCallersCouncil() {
        String own = SpendFixtures.createBudget("cambridgeshire", 2031, "HEALTH", "250000.50", UUID.randomUUID(),
                null);
        SpendFixtures.createBudget("essex", 2031, "HEALTH", "1000", UUID.randomUUID(), null);
        given().auth().oauth2(FINANCE).queryParam("year", 2031).queryParam("size", 200).get("/budgets/positions")
                .then().statusCode(200).body("items.budgetLineId", contains(own))
                .body("items[0].budget", equalTo(250000.50f)).body("items[0].committed", equalTo(0.0f))
                .body("items[0].status", equalTo("WITHIN")).body("items[0].financialYearLabel", equalTo("2031/32"));
        given().auth().oauth2(FINANCE).queryParam("stream", "NOT_A_STREAM").get("/budgets/positions").then()
                .statusCode(400).contentType("application/problem+json");
        ServiceChecks.assertGetNeedsRole("/budgets/positions", FINANCE,
                Tokens.forCouncil("placement-officer", "cambridgeshire"));
    }
}
