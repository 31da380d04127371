package uk.gov.dps.monitoring;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static uk.gov.dps.monitoring.Monitoring.ESSEX_OFFICER;

import java.time.LocalDate;
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
class InspectionResourceTest {

    private static final LocalDate LAST_WEEK = LocalDate.of(2018, 12, 13);

    @Test
    void inspectionsAreForMonitoringOfficersOfAnyPartnerCouncil() {
        ServiceChecks.assertGetNeedsRole("/inspections", Tokens.forCouncil("monitoring-officer", "essex"),
                Tokens.forCouncil("finance-officer", "essex"));
        given().auth().oauth2(Tokens.forCouncil("monitoring-officer", "thurrock")).get("/inspections")
                .then().statusCode(200);
        given().auth().oauth2(Monitoring.THURROCK_COMMISSIONER).get("/inspections").then().statusCode(200);
        // a council outside the partnership does not share in the monitoring
        given().auth().oauth2(Monitoring.KENT_OFFICER).get("/inspections").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.forProvider(UUID.randomUUID().toString())).get("/inspections").then()
                .statusCode(403);
    }

    @Test
    void onlyMonitoringOfficersOfPartnerCouncilsRecordInspections() {
        UUID provider = Monitoring.registeredProvider("Access Test Homes Ltd");
        String body = Monitoring.inspection(provider, "SC710001", "GOOD", LAST_WEEK);
        given().contentType(ContentType.JSON).body(body).post("/inspections").then().statusCode(401);
        for (String token : new String[] {Monitoring.THURROCK_COMMISSIONER, Monitoring.FINANCE_OFFICER,
                Tokens.forProvider(provider.toString()), Monitoring.KENT_OFFICER}) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/inspections").then()
                    .statusCode(403).contentType("application/problem+json");
        }
        given().auth().oauth2(ESSEX_OFFICER).queryParam("provider", provider.toString()).get("/inspections").then()
                .body("items", empty());
    }

    @Test
    void badInputIsRefusedWithProblemDetailsAndRecordsNothing() {
        UUID provider = Monitoring.registeredProvider("Bad Input Homes Ltd");
        given().auth().oauth2(ESSEX_OFFICER).contentType(ContentType.JSON)
                .body("{\"providerId\":\"" + provider + "\",\"settingUrn\":\"not a urn!\",\"regulator\":\"OFSTED\"}")
                .post("/inspections").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("settingUrn")).body("errors.field", hasItem("judgement"))
                .body("errors.field", hasItem("inspectedOn"));
        given().auth().oauth2(ESSEX_OFFICER).contentType(ContentType.JSON)
                .body(Monitoring.inspection(provider, "SC710002", "SATISFACTORY", LAST_WEEK))
                .post("/inspections").then().statusCode(400).body("errors[0].field", equalTo("judgement"));
        given().auth().oauth2(ESSEX_OFFICER).contentType(ContentType.JSON)
                .body(Monitoring.inspection(provider, "SC710002", "GOOD", LocalDate.of(2018, 12, 21)))
                .post("/inspections").then().statusCode(400).body("errors[0].field", equalTo("inspectedOn"))
                .body("errors[0].message", containsString("future"));
        given().auth().oauth2(ESSEX_OFFICER).contentType(ContentType.JSON).body("{\"providerId\": [1,")
                .post("/inspections").then().statusCode(400).contentType("application/problem+json");
        // a provider monitoring has never heard of
        given().auth().oauth2(ESSEX_OFFICER).contentType(ContentType.JSON)
                .body(Monitoring.inspection(UUID.randomUUID(), "SC710002", "INADEQUATE", LAST_WEEK))
                .post("/inspections").then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("not known"));

        given().auth().oauth2(ESSEX_OFFICER).queryParam("provider", provider.toString()).get("/inspections").then()
                .body("items", empty());
        given().auth().oauth2(ESSEX_OFFICER).get("/providers/" + provider + "/quality").then()
                .body("risk.rating", equalTo("GREEN")).body("history", empty());
    }

    @Test
    void theSameInspectionCannotBeRecordedTwiceButARetryWithItsKeyGetsTheFirstAnswer() {
        UUID provider = Monitoring.registeredProvider("Retry Homes Ltd");
        String body = Monitoring.inspection(provider, "SC710003", "INADEQUATE", LAST_WEEK);
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(ESSEX_OFFICER).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/inspections").then().statusCode(201).extract().path("id");
        given().auth().oauth2(ESSEX_OFFICER).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .post("/inspections").then().statusCode(201).header("Idempotency-Replayed", "true")
                .header("Location", org.hamcrest.Matchers.endsWith("/inspections/" + first)).body("id", equalTo(first));
        // without the key, a second copy is a conflict, not a second record
        given().auth().oauth2(ESSEX_OFFICER).contentType(ContentType.JSON).body(body).post("/inspections").then()
                .statusCode(409).contentType("application/problem+json").body("detail", containsString("SC710003"));

        given().auth().oauth2(ESSEX_OFFICER).queryParam("provider", provider.toString()).get("/inspections").then()
                .body("items", hasSize(1));
        given().auth().oauth2(ESSEX_OFFICER).get("/providers/" + provider + "/quality").then()
                .body("history", hasSize(1));
        given().auth().oauth2(Monitoring.THURROCK_COMMISSIONER).get("/inspections/" + first).then().statusCode(200)
                .body("settingUrn", equalTo("SC710003"));
        given().auth().oauth2(ESSEX_OFFICER).get("/inspections/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void listsAreFilteredAndPagedAndBadParametersAreBadRequests() {
        UUID provider = Monitoring.registeredProvider("Paged Homes Ltd");
        Monitoring.recordInspection(ESSEX_OFFICER, provider, "SC710004", "GOOD", LocalDate.of(2018, 1, 10));
        Monitoring.recordInspection(ESSEX_OFFICER, provider, "SC710005", "OUTSTANDING", LocalDate.of(2018, 3, 10));
        Monitoring.recordInspection(ESSEX_OFFICER, provider, "SC710004", "GOOD", LocalDate.of(2018, 11, 10));
        given().auth().oauth2(ESSEX_OFFICER).queryParam("provider", provider.toString()).queryParam("size", 2)
                .get("/inspections").then().statusCode(200).body("items.inspectedOn",
                        org.hamcrest.Matchers.contains("2018-11-10", "2018-03-10"))
                .body("hasNext", equalTo(true));
        given().auth().oauth2(ESSEX_OFFICER).queryParam("provider", provider.toString()).queryParam("size", 2)
                .queryParam("page", 1).get("/inspections").then().body("items.inspectedOn",
                        org.hamcrest.Matchers.contains("2018-01-10"))
                .body("hasNext", equalTo(false));
        given().auth().oauth2(ESSEX_OFFICER).queryParam("provider", provider.toString())
                .queryParam("judgement", "outstanding").get("/inspections").then()
                .body("items.settingUrn", org.hamcrest.Matchers.contains("SC710005"));
        given().auth().oauth2(ESSEX_OFFICER).queryParam("judgement", "poor").get("/inspections").then()
                .statusCode(400).body("errors[0].field", equalTo("judgement"));
        given().auth().oauth2(ESSEX_OFFICER).queryParam("size", 500).get("/inspections").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        // the two settings' current judgements, one each
        given().auth().oauth2(ESSEX_OFFICER).get("/providers/" + provider + "/quality").then()
                .body("currentJudgements.settingUrn", org.hamcrest.Matchers.contains("SC710004", "SC710005"))
                .body("currentJudgements[0].inspectedOn", equalTo("2018-11-10"));
    }

    @Test
    void aMalformedProviderIdIsABadRequest() {
        given().auth().oauth2(Tokens.forCouncil("monitoring-officer", "suffolk")).queryParam("provider", "acme")
                .get("/inspections").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("provider"));
    }

    @Test
    void operationalEndpointsAreOpen() {
        // readiness includes the live feed, which is ready once it reads dps.quality (seconds after start-up)
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> given().get("/q/health/ready").statusCode() == 200);
        ServiceChecks.assertOperationalEndpointsOpen();
        given().get("/q/health/ready").then().body("checks.name", hasItem("quality-feed"));
    }
}
