package uk.gov.dps.monitoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import uk.gov.dps.events.Topics;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.Tokens;
import uk.gov.dps.testing.TopicReader;

/** Quarterly KPI returns: providers submit and see their own only; partner councils see all. */
@QuarkusTest
class KpiReturnTest {

    private static String kpi(UUID provider, String quarter, String occupancy, String turnover, int incidents,
            int missing, String attendance, int complaints) {
        return """
                {"providerId":"%s","quarter":"%s","occupancyPercent":%s,"staffTurnoverPercent":%s,"incidents":%d,
                 "missingEpisodes":%d,"educationAttendancePercent":%s,"complaints":%d}"""
                .formatted(provider, quarter, occupancy, turnover, incidents, missing, attendance, complaints);
    }

    private static String goodReturn(UUID provider, String quarter) {
        return kpi(provider, quarter, "92.5", "8.25", 4, 1, "96", 0);
    }

    private static Response submit(String token, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/kpi-returns");
    }

    @Test
    void aProviderSubmitsItsOwnReturnWhichIsPublishedWithExactFigures() {
        UUID provider = Monitoring.registeredProvider("Ipswich Fostering Ltd");
        String id = submit(Tokens.forProvider(provider.toString()), goodReturn(provider, "2018-Q3")).then()
                .statusCode(201).body("quarter", equalTo("2018-Q3")).body("occupancyPercent", equalTo(92.50f))
                .body("submittedBy", equalTo("provider-" + provider)).body("submittingCouncil", nullValue())
                .extract().path("id");

        try (TopicReader topic = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.QUALITY)) {
            ConsumerRecord<String, String> event = topic.await(r -> provider.toString().equals(r.key())
                    && "dps.quality.kpi-return-received.v1".equals(header(r, "ce_type")), Duration.ofSeconds(30));
            JsonPath payload = JsonPath.from(event.value());
            assertThat(payload.getString("returnId")).isEqualTo(id);
            assertThat(new BigDecimal(payload.getString("occupancyPercent"))).isEqualByComparingTo("92.50");
            assertThat(new BigDecimal(payload.getString("staffTurnoverPercent"))).isEqualByComparingTo("8.25");
            assertThat(payload.getInt("missingEpisodes")).isEqualTo(1);
        }
        // every partner council reads it
        given().auth().oauth2(Monitoring.THURROCK_COMMISSIONER).get("/kpi-returns/" + id).then().statusCode(200)
                .body("educationAttendancePercent", equalTo(96.00f));
        assertThat(Monitoring.rating(provider)).isEqualTo("GREEN");
    }

    @Test
    void aProviderCanNeitherSubmitNorSeeAnotherProvidersReturns() {
        UUID own = Monitoring.registeredProvider("Own Returns Ltd");
        UUID rival = Monitoring.registeredProvider("Rival Returns Ltd");
        String rivalsReturn = submit(Tokens.forProvider(rival.toString()), goodReturn(rival, "2018-Q2")).then()
                .statusCode(201).extract().path("id");
        String ownReturn = submit(Tokens.forProvider(own.toString()), goodReturn(own, "2018-Q2")).then()
                .statusCode(201).extract().path("id");
        String ownToken = Tokens.forProvider(own.toString());

        submit(ownToken, goodReturn(rival, "2018-Q3")).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(ownToken).get("/kpi-returns/" + rivalsReturn).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(ownToken).queryParam("provider", rival.toString()).get("/kpi-returns").then()
                .statusCode(403);
        // without a filter a provider gets its own returns, never anyone else's
        given().auth().oauth2(ownToken).queryParam("size", 200).get("/kpi-returns").then().statusCode(200)
                .body("items.id", contains(ownReturn));
        given().auth().oauth2(ownToken).get("/kpi-returns/" + ownReturn).then().statusCode(200);
        // a provider user without its organisation in the token gets nothing
        given().auth().oauth2(Tokens.token("someone", java.util.Set.of("provider"), java.util.Map.of()))
                .get("/kpi-returns").then().statusCode(403);
        // the refused submission left the rival with its one return
        given().auth().oauth2(Monitoring.CAMBRIDGESHIRE_OFFICER).queryParam("provider", rival.toString())
                .get("/kpi-returns").then().body("items.id", contains(rivalsReturn));
        // and other provider-facing monitoring data is not for providers at all
        given().auth().oauth2(ownToken).get("/providers/" + own + "/quality").then().statusCode(403);
        given().auth().oauth2(Monitoring.FINANCE_OFFICER).get("/kpi-returns").then().statusCode(403);
    }

    @Test
    void aReturnOutsideTheThresholdsMakesTheProviderAmberUntilABetterQuarter() {
        UUID provider = Monitoring.registeredProvider("Lowestoft Homes Ltd");
        // a monitoring officer may record a return for the provider
        submit(Monitoring.SUFFOLK_OFFICER, kpi(provider, "2018-Q2", "45", "20", 3, 4, "80", 0)).then()
                .statusCode(201).body("submittingCouncil", equalTo("suffolk"));
        JsonPath quality = Monitoring.quality(provider);
        assertThat(quality.getString("risk.rating")).isEqualTo("AMBER");
        assertThat(quality.getList("risk.reasons", String.class)).containsExactly(
                "KPI return 2018-Q2: occupancy 45% is below 50%",
                "KPI return 2018-Q2: staff turnover 20% is above 15%",
                "KPI return 2018-Q2: 4 missing episodes, more than 2",
                "KPI return 2018-Q2: education attendance 80% is below 85%");
        assertThat(quality.getString("history[0].cause")).isEqualTo("KPI return received");
        assertThat(quality.getString("latestKpiReturn.quarter")).isEqualTo("2018-Q2");

        submit(Tokens.forProvider(provider.toString()), goodReturn(provider, "2018-Q3")).then().statusCode(201);
        assertThat(Monitoring.rating(provider)).isEqualTo("GREEN");
        given().auth().oauth2(Monitoring.ESSEX_OFFICER).queryParam("provider", provider.toString())
                .get("/kpi-returns").then().body("items.quarter", contains("2018-Q3", "2018-Q2"));
        given().auth().oauth2(Monitoring.ESSEX_OFFICER).queryParam("quarter", "2018-Q2").queryParam("size", 200)
                .get("/kpi-returns").then().body("items.providerId", hasItem(provider.toString()));
    }

    @Test
    void badReturnsAreRefusedAndChangeNothing() {
        UUID provider = Monitoring.registeredProvider("Bad Returns Ltd");
        String token = Tokens.forProvider(provider.toString());
        submit(token, kpi(provider, "2018-Q5", "101", "-1", -2, 0, "95.125", 0)).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("quarter")).body("errors.field", hasItem("occupancyPercent"))
                .body("errors.field", hasItem("staffTurnoverPercent")).body("errors.field", hasItem("incidents"))
                .body("errors.field", hasItem("educationAttendancePercent"));
        submit(token, "{\"providerId\":\"" + provider + "\",\"quarter\":\"2018-Q3\"}").then().statusCode(400)
                .body("errors.field", hasItem("complaints"));
        // the quarter has not begun on 20 December 2018
        submit(token, goodReturn(provider, "2018-Q4")).then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("2019-01-01"));
        given().auth().oauth2(Monitoring.ESSEX_OFFICER).queryParam("provider", provider.toString())
                .get("/kpi-returns").then().body("items", empty());
        given().auth().oauth2(Monitoring.ESSEX_OFFICER).queryParam("quarter", "Q3").get("/kpi-returns").then()
                .statusCode(400).body("errors[0].field", equalTo("quarter"));

        // one return per quarter; a retry with its key gets the first answer
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(goodReturn(provider, "2018-Q3")).post("/kpi-returns").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(goodReturn(provider, "2018-Q3")).post("/kpi-returns").then().statusCode(201)
                .header("Idempotency-Replayed", "true").body("id", equalTo(first));
        submit(token, kpi(provider, "2018-Q3", "10", "50", 1, 1, "50", 1)).then().statusCode(409)
                .body("detail", containsString("2018-Q3"));
        assertThat(Monitoring.rating(provider)).isEqualTo("GREEN");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
