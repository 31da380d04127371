package uk.gov.dps.provider;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static uk.gov.dps.provider.OnboardingFixtures.COMMISSIONER;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import uk.gov.dps.events.EventJson;
import uk.gov.dps.events.Topics;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.Tokens;
import uk.gov.dps.testing.TopicReader;

/** Whom notification-service emails at a provider, and about what: recorded here, published as a whole list. */
@QuarkusTest
class ProviderContactsTest {

    private static final String CONTACTS_CHANGED = "dps.provider.contacts-changed.v1";

    @Test
    void contactsAreRecordedReplacedAndPublishedWhole() throws Exception {
        String provider = OnboardingFixtures.provider("Contactable Care");
        String token = Tokens.forProvider(provider);

        // registered with one contact and no roles: that contact receives everything
        given().auth().oauth2(token).get("/providers/" + provider + "/contacts").then().statusCode(200)
                .body("contacts.email", contains("manager@example.org"))
                .body("contacts[0].roles", contains("REFERRALS", "CONTRACTS", "COMPLIANCE"));

        // the provider replaces the list; roles come back in the fixed order whatever order they were given in
        put(token, provider, """
                [{"name": "Referrals desk", "email": "referrals@contactable.example.org", "roles": ["REFERRALS"]},
                 {"name": "Jo Fisher", "email": "jo.fisher@contactable.example.org",
                  "roles": ["COMPLIANCE", "CONTRACTS"], "jobTitle": "Finance manager", "phone": "01632 960001"}]""")
                .then().statusCode(200).body("providerId", equalTo(provider))
                .body("contacts.name", contains("Referrals desk", "Jo Fisher"))
                .body("contacts[1].roles", contains("CONTRACTS", "COMPLIANCE"))
                .body("contacts[1].jobTitle", equalTo("Finance manager"));
        given().auth().oauth2(COMMISSIONER).get("/providers/" + provider + "/contacts").then().statusCode(200)
                .body("contacts.email", contains("referrals@contactable.example.org",
                        "jo.fisher@contactable.example.org"));
        given().auth().oauth2(Tokens.forCouncil("placement-officer", "peterborough"))
                .get("/providers/" + provider).then().statusCode(200)
                .body("contacts.name", contains("Referrals desk", "Jo Fisher"));

        // a commissioner may replace it too; repeating the same list changes nothing and publishes nothing
        String commissionerList = """
                [{"name": "Duty manager", "email": "duty@contactable.example.org"}]""";
        put(COMMISSIONER, provider, commissionerList).then().statusCode(200);
        put(COMMISSIONER, provider, commissionerList).then().statusCode(200)
                .body("contacts.email", contains("duty@contactable.example.org"));
        put(token, provider, """
                [{"name": "Final", "email": "final@contactable.example.org", "roles": ["REFERRALS"]}]""")
                .then().statusCode(200);

        try (TopicReader topic = reader()) {
            topic.await(r -> provider.equals(r.key()) && r.value().contains("final@"), Duration.ofSeconds(30));
            List<JsonNode> changes = changes(topic, provider);
            // registration, the provider's list, the commissioner's list (once), the final list
            assertThat(changes).hasSize(4);
            assertThat(changes.get(0).path("providerName").asText()).isEqualTo("Contactable Care");
            JsonNode second = changes.get(1).path("contacts");
            assertThat(second).hasSize(2);
            assertThat(second.get(0).path("email").asText()).isEqualTo("referrals@contactable.example.org");
            assertThat(second.get(0).path("roles").toString()).isEqualTo("[\"REFERRALS\"]");
            assertThat(second.get(1).path("roles").toString()).isEqualTo("[\"CONTRACTS\",\"COMPLIANCE\"]");
            assertThat(changes.get(2).path("contacts").get(0).path("roles").toString())
                    .isEqualTo("[\"REFERRALS\",\"CONTRACTS\",\"COMPLIANCE\"]");
            assertThat(changes.get(3).path("contacts")).hasSize(1);
            assertThat(changes.get(3).path("changedAt").asText()).startsWith("2018-12-20T");
        }
        given().auth().oauth2(COMMISSIONER).get("/providers/" + provider + "/audit?size=50").then()
                .body("items.action", hasItem("CONTACTS_CHANGED"));
    }

    @Test
    void onlyTheProviderItselfOrACommissionerChangesContacts() {
        String provider = OnboardingFixtures.provider("Guarded Care");
        String other = Tokens.forProvider(OnboardingFixtures.provider("Nosy Care"));
        String list = """
                [{"name": "Intruder", "email": "intruder@example.org"}]""";

        put(other, provider, list).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(other).get("/providers/" + provider + "/contacts").then().statusCode(403);
        put(Tokens.forCouncil("placement-officer", "cambridgeshire"), provider, list).then().statusCode(403);
        given().auth().oauth2(COMMISSIONER).get("/providers/" + provider + "/contacts").then().statusCode(200)
                .body("contacts.email", contains("manager@example.org"));
    }

    @Test
    void badContactsAreRefusedNamingTheFieldAndChangeNothing() {
        String provider = OnboardingFixtures.provider("Careless Contacts");
        String token = Tokens.forProvider(provider);

        put(token, provider, """
                [{"name": "Desk", "email": "desk@example.org", "roles": ["REFERRALS"]},
                 {"name": "Typo", "email": "typo.example.org"}]""")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("contacts[1].email"));
        put(token, provider, """
                [{"name": "No address", "roles": ["REFERRALS"]}]""")
                .then().statusCode(400).body("errors.field", contains("contacts[0].email"));
        // nobody would receive call-off invitations
        put(token, provider, """
                [{"name": "Finance", "email": "finance@example.org", "roles": ["CONTRACTS", "COMPLIANCE"]}]""")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("contacts")).body("errors[0].message", containsString("REFERRALS"));
        put(token, provider, "[]").then().statusCode(400).body("errors.field", contains("contacts"));
        put(token, provider, """
                [{"name": "Desk", "email": "desk@example.org", "roles": ["PIGEONS"]}]""")
                .then().statusCode(400).body("errors[0].field", containsString("contacts[0].roles"));
        put(token, provider, """
                [{"name": "Desk", "email": "desk@example.org", "roles": []}]""")
                .then().statusCode(400).body("errors.field", contains("contacts[0].roles"));
        put(token, provider, """
                [{"name": "Desk", "email": "desk@example.org"}, {"name": "Same", "email": "DESK@example.org"}]""")
                .then().statusCode(400).body("errors.field", contains("contacts[1].email"));

        given().auth().oauth2(token).get("/providers/" + provider + "/contacts").then().statusCode(200)
                .body("contacts.email", contains("manager@example.org"));

        // registration checks an initial list the same way, and registers nothing when it is wrong: the same
        // Ofsted URN registers afterwards
        String urn = "SC%06d".formatted((int) (Math.random() * 999999));
        register(urn, """
                [{"name": "Manager", "email": "not-an-address"}]""").then().statusCode(400)
                .body("errors.field", contains("contacts[0].email"));
        register(urn, """
                [{"name": "Manager", "email": "manager@example.org", "roles": ["CONTRACTS"]}]""").then()
                .statusCode(400).body("errors.field", contains("contacts"));
        register(urn, """
                [{"name": "Manager", "email": "manager@example.org"}]""").then().statusCode(201);

        put(token, provider, """
                [{"name": "Marker", "email": "marker@example.org"}]""").then().statusCode(200);
        try (TopicReader topic = reader()) {
            topic.await(r -> provider.equals(r.key()) && r.value().contains("marker@"), Duration.ofSeconds(30));
            // the registration's list and the marker: no refused list was published
            assertThat(changes(topic, provider)).hasSize(2);
        }
    }

    private static Response register(String ofstedUrn, String contacts) {
        return given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body("""
                {"name": "Unreachable Care", "ofstedUrn": "%s", "postcode": "CB1 1AA", "contacts": %s}"""
                .formatted(ofstedUrn, contacts)).post("/providers");
    }

    private static Response put(String token, String provider, String contacts) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"contacts\": " + contacts + "}")
                .put("/providers/" + provider + "/contacts");
    }

    private static List<JsonNode> changes(TopicReader topic, String provider) {
        return topic.seen().stream()
                .filter(r -> provider.equals(r.key()) && CONTACTS_CHANGED.equals(header(r, "ce_type")))
                .map(r -> {
                    try {
                        return EventJson.mapper().readTree(r.value());
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    private static TopicReader reader() {
        return new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.PROVIDERS);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
