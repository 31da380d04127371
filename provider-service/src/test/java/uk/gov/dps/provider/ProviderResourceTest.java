package uk.gov.dps.provider;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import uk.gov.dps.events.Topics;
import uk.gov.dps.testing.RealInfrastructure;
import uk.gov.dps.testing.ServiceChecks;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.Tokens;
import uk.gov.dps.testing.TopicReader;

@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ProviderResourceTest {

    private static final String COMMISSIONER = Tokens.forCouncil("commissioner", "cambridgeshire");

    @Test
    void listingProvidersNeedsATokenAndACouncilRole() {
        ServiceChecks.assertGetNeedsRole("/providers", COMMISSIONER,
                Tokens.forCouncil("finance-officer", "cambridgeshire"));
    }

    @Test
    void registeringAProviderPublishesAnEventThroughTheOutbox() {
        String urn = urn();
        String id = given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON)
                .body(registration("Fenland Fostering Ltd", urn))
                .post("/providers")
                .then().statusCode(201).header("Location", notNullValue())
                .body("name", equalTo("Fenland Fostering Ltd")).body("ofstedUrn", equalTo(urn))
                .extract().path("id");

        given().auth().oauth2(COMMISSIONER).get("/providers/" + id).then().statusCode(200)
                .body("postcode", equalTo("PE13 1AA"));
        given().auth().oauth2(COMMISSIONER).queryParam("size", 200).get("/providers").then().statusCode(200)
                .body("items.id", hasItem(id));

        try (TopicReader topic = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.PROVIDERS)) {
            ConsumerRecord<String, String> event = topic.await(r -> id.equals(r.key()), Duration.ofSeconds(30));
            assertThat(header(event, "ce_type")).isEqualTo("dps.provider.registered.v1");
            assertThat(header(event, "ce_source")).isEqualTo("provider-service");
            assertThat(event.value()).contains(urn);
        }
    }

    @Test
    void badInputIsRefusedWithProblemDetailsAndCreatesNothing() {
        String urn = urn();
        given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON)
                .body("{\"name\":\"\",\"ofstedUrn\":\"" + urn + "\",\"postcode\":\"not a postcode\"}")
                .post("/providers")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("name")).body("errors.field", hasItem("postcode"));
        given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body("{\"name\": [1,2")
                .post("/providers").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON)
                .body("{\"name\":\"Unregulated Ltd\",\"postcode\":\"CB1 1AA\"}")
                .post("/providers").then().statusCode(422).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("Ofsted"));

        // the URN of the refused request is still free
        given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body(registration("Valid Ltd", urn))
                .post("/providers").then().statusCode(201);
        given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body(registration("Copy Ltd", urn))
                .post("/providers").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswerInsteadOfASecondProvider() {
        String key = UUID.randomUUID().toString();
        String body = registration("Retry Ltd", urn());
        String first = given().auth().oauth2(COMMISSIONER).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/providers").then().statusCode(201).extract().path("id");
        given().auth().oauth2(COMMISSIONER).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body).post("/providers")
                .then().statusCode(201).header("Idempotency-Replayed", "true")
                .header("Location", org.hamcrest.Matchers.endsWith("/providers/" + first)).body("id", equalTo(first));
        given().auth().oauth2(COMMISSIONER).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(registration("Other Ltd", urn())).post("/providers")
                .then().statusCode(422).contentType("application/problem+json");
        // another caller may use the same key for its own request
        given().auth().oauth2(Tokens.forCouncil("commissioner", "peterborough")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(registration("Peterborough Ltd", urn())).post("/providers")
                .then().statusCode(201).header("Idempotency-Replayed", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aProviderUserSeesOnlyItsOwnOrganisation() {
        String id = given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON)
                .body(registration("Own Ltd", urn())).post("/providers").then().statusCode(201).extract().path("id");

        given().auth().oauth2(Tokens.forProvider(id)).get("/providers/" + id).then().statusCode(200);
        given().auth().oauth2(Tokens.forProvider(UUID.randomUUID().toString())).get("/providers/" + id)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(COMMISSIONER).get("/providers/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(COMMISSIONER).get("/providers/not-a-uuid").then().statusCode(404);
        given().auth().oauth2(COMMISSIONER).get("/providers/" + UUID.randomUUID() + "/applications").then()
                .statusCode(404).contentType("application/problem+json");
    }

    @Test
    void healthOpenApiAndMetricsNeedNoToken() {
        ServiceChecks.assertOperationalEndpointsOpen();
    }

    private static String registration(String name, String urn) {
        return "{\"name\":\"" + name + "\",\"ofstedUrn\":\"" + urn
                + "\",\"companiesHouseNumber\":\"01234567\",\"postcode\":\"pe13 1aa\"}";
    }

    private static String urn() {
        return "SC" + (100000 + (int) (Math.random() * 899999));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
