package uk.gov.dps.provider;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static uk.gov.dps.provider.OnboardingFixtures.COMMISSIONER;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import uk.gov.dps.events.Topics;
import uk.gov.dps.provider.service.DocumentService;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.Tokens;
import uk.gov.dps.testing.TopicReader;

/** A provider's insurance, registration and policies, and their expiry announcements (as of 20 December 2018). */
@QuarkusTest
class ProviderDocumentsTest {

    @Inject
    DocumentService documents;

    @Test
    void aProviderRecordsItsOwnDocumentsAndCommissionersSeeThem() {
        String provider = OnboardingFixtures.provider("Documented Care");
        String token = Tokens.forProvider(provider);

        record(token, provider, "PUBLIC_LIABILITY_INSURANCE", "PL-1", "2018-06-01", "2019-05-31", null)
                .then().statusCode(201).body("type", equalTo("PUBLIC_LIABILITY_INSURANCE"))
                .body("mandatory", equalTo(true)).body("expired", equalTo(false));
        // a policy may carry a review date instead of an expiry
        record(token, provider, "DBS_POLICY", "DBS-2018", "2018-04-01", null, "2019-04-01").then().statusCode(201)
                .body("mandatory", equalTo(false)).body("reviewOn", equalTo("2019-04-01"));

        given().auth().oauth2(COMMISSIONER).get("/providers/" + provider + "/documents").then().statusCode(200)
                .body("type", contains("PUBLIC_LIABILITY_INSURANCE", "DBS_POLICY"))
                .body("find { it.type == 'PUBLIC_LIABILITY_INSURANCE' }.expiresOn", equalTo("2019-05-31"));
        given().auth().oauth2(COMMISSIONER).get("/providers/" + provider + "/audit").then().statusCode(200)
                .body("items.action", hasItem("DOCUMENT_RECORDED"));

        // another provider may neither record nor read this organisation's documents; commissioners do not record
        String other = Tokens.forProvider(OnboardingFixtures.provider("Other Care"));
        record(other, provider, "DBS_POLICY", "X", "2018-04-01", null, null).then().statusCode(403);
        given().auth().oauth2(other).get("/providers/" + provider + "/documents").then().statusCode(403);
        record(COMMISSIONER, provider, "DBS_POLICY", "X", "2018-04-01", null, null).then().statusCode(403);
        given().auth().oauth2(COMMISSIONER).get("/providers/" + provider + "/documents").then()
                .body("find { it.type == 'DBS_POLICY' }.reference", equalTo("DBS-2018"));
    }

    @Test
    void badDocumentsAreRefusedAndChangeNothing() {
        String provider = OnboardingFixtures.provider("Careless Care");
        String token = Tokens.forProvider(provider);

        record(token, provider, "PET_INSURANCE", "P-1", "2018-06-01", "2019-05-31", null).then().statusCode(400)
                .contentType("application/problem+json");
        record(token, provider, "EMPLOYERS_LIABILITY_INSURANCE", "EL-1", "2018-06-01", "2018-05-31", null).then()
                .statusCode(422).contentType("application/problem+json").body("detail", containsString("before"));
        record(token, provider, "REGISTRATION_CERTIFICATE", "R-1", "2018-06-01", null, null).then()
                .statusCode(422).contentType("application/problem+json").body("detail", containsString("expiry"));
        record(token, provider, "SAFEGUARDING_POLICY", " ", "2018-06-01", null, null).then().statusCode(400)
                .contentType("application/problem+json");

        given().auth().oauth2(COMMISSIONER).get("/providers/" + provider + "/documents").then().statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void anExpiryIsAnnouncedOnceAndAgainAfterAReplacement() {
        String provider = OnboardingFixtures.provider("Lapsing Fostering");
        String token = Tokens.forProvider(provider);
        // today is 2018-12-20: an expiry on 2019-01-10 is within the 30-day warning at once
        record(token, provider, "EMPLOYERS_LIABILITY_INSURANCE", "EL-SOON", "2018-01-11", "2019-01-10", null).then()
                .statusCode(201).body("expiringSoon", equalTo(true));
        // an expiry on 2019-03-01 is not, until the check runs on 2019-02-01
        record(token, provider, "PUBLIC_LIABILITY_INSURANCE", "PL-2018", "2018-03-02", "2019-03-01", null).then()
                .statusCode(201).body("expiringSoon", equalTo(false));
        documents.checkExpiriesAsOf(LocalDate.of(2019, 1, 5));
        marker(token, provider, "marker-1");
        try (TopicReader topic = reader()) {
            topic.await(r -> isMarker(r, provider, "marker-1"), Duration.ofSeconds(30));
            assertThat(values(topic, provider, "dps.provider.document-expiring.v1")).singleElement()
                    .satisfies(v -> assertThat(v).contains("EL-SOON").contains("\"daysLeft\":21"));
        }

        documents.checkExpiriesAsOf(LocalDate.of(2019, 2, 1));
        documents.checkExpiriesAsOf(LocalDate.of(2019, 2, 2));
        documents.checkExpiriesAsOf(LocalDate.of(2019, 3, 2));
        documents.checkExpiriesAsOf(LocalDate.of(2019, 3, 3));
        marker(token, provider, "marker-2");
        try (TopicReader topic = reader()) {
            topic.await(r -> isMarker(r, provider, "marker-2"), Duration.ofSeconds(30));
            List<String> expiring = values(topic, provider, "dps.provider.document-expiring.v1");
            assertThat(expiring).hasSize(2);
            assertThat(expiring.get(1)).contains("PL-2018").contains("\"daysLeft\":28");
            // both insurances are mandatory: each expired once, however often the check ran
            List<String> expired = values(topic, provider, "dps.provider.document-expired.v1");
            assertThat(expired).hasSize(2);
            assertThat(expired.get(0)).contains("EL-SOON");
            assertThat(expired.get(1)).contains("PL-2018").contains("\"expiresOn\":\"2019-03-01\"");
        }
        given().auth().oauth2(COMMISSIONER).get("/providers/" + provider + "/audit?size=50").then()
                .body("items.action", hasItem("DOCUMENT_EXPIRED"));

        // the replacement's own expiry is announced again
        record(token, provider, "PUBLIC_LIABILITY_INSURANCE", "PL-2019", "2019-03-01", "2020-02-29", null).then()
                .statusCode(201);
        documents.checkExpiriesAsOf(LocalDate.of(2020, 2, 10));
        documents.checkExpiriesAsOf(LocalDate.of(2020, 2, 11));
        marker(token, provider, "marker-3");
        try (TopicReader topic = reader()) {
            topic.await(r -> isMarker(r, provider, "marker-3"), Duration.ofSeconds(30));
            assertThat(values(topic, provider, "dps.provider.document-recorded.v1"))
                    .anySatisfy(v -> assertThat(v).contains("PL-2019").contains("\"mandatory\":true"));
            List<String> expiring = values(topic, provider, "dps.provider.document-expiring.v1");
            assertThat(expiring).hasSize(3);
            assertThat(expiring.get(2)).contains("PL-2019").contains("\"daysLeft\":19");
        }
        given().auth().oauth2(COMMISSIONER).get("/providers/" + provider + "/audit?size=50").then()
                .body("items.action", hasItem("DOCUMENT_REPLACED"));
    }

    private static Response record(String token, String provider, String type, String reference, String issuedOn,
            String expiresOn, String reviewOn) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString()).body("""
                        {"type": "%s", "reference": "%s", "issuedOn": "%s", "expiresOn": %s, "reviewOn": %s}"""
                        .formatted(type, reference, issuedOn, quoted(expiresOn), quoted(reviewOn)))
                .post("/providers/" + provider + "/documents");
    }

    /** A policy without expiry: its recorded event, published after everything before it, marks a point in time. */
    private static void marker(String token, String provider, String reference) {
        record(token, provider, "DBS_POLICY", reference, "2018-04-01", null, null).then().statusCode(201);
    }

    private static boolean isMarker(ConsumerRecord<String, String> r, String provider, String reference) {
        return provider.equals(r.key()) && r.value().contains("\"reference\":\"" + reference + "\"");
    }

    private static List<String> values(TopicReader topic, String provider, String type) {
        return topic.seen().stream().filter(r -> provider.equals(r.key()) && type.equals(header(r, "ce_type")))
                .map(ConsumerRecord::value).toList();
    }

    private static TopicReader reader() {
        return new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.PROVIDERS);
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
