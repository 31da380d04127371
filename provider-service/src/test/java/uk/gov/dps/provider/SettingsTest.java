package uk.gov.dps.provider;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static uk.gov.dps.provider.SettingFixtures.CAMBRIDGESHIRE_OFFICER;
import static uk.gov.dps.provider.SettingFixtures.PETERBOROUGH_MONITORING;
import static uk.gov.dps.provider.SettingFixtures.home;
import static uk.gov.dps.provider.SettingFixtures.post;
import static uk.gov.dps.provider.SettingFixtures.urn;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.EventJson;
import uk.gov.dps.events.Topics;
import uk.gov.dps.events.quality.InspectionRecorded;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.Tokens;
import uk.gov.dps.testing.TopicReader;

/** Settings with their Statement of Purpose profiles: who manages them, what is refused, what is published. */
@QuarkusTest
class SettingsTest {

    @Test
    void aProviderRegistersAndChangesItsSettingAndEachChangeIsPublishedWhole() throws Exception {
        String provider = OnboardingFixtures.provider("Meadow Care");
        String token = Tokens.forProvider(provider);
        String urn = urn();
        String settings = "/providers/" + provider + "/settings";

        String setting = post(token, settings, home("Meadow View", urn, "pe29 3tn")).then().statusCode(201)
                .contentType(ContentType.JSON)
                .body("postcode", equalTo("PE29 3TN")).body("postcodeDistrict", equalTo("PE29"))
                .body("country", equalTo("England")).body("profile.minAge", equalTo(8))
                .body("profile.needs", contains("EMOTIONAL_BEHAVIOURAL", "AUTISM"))
                .body("ownerGroup.companiesHouseNumber", equalTo("09876543"))
                .body("active", equalTo(true)).body("latestJudgement", nullValue())
                .extract().path("id");

        // partner councils' officers read every setting; the provider its own
        given().auth().oauth2(CAMBRIDGESHIRE_OFFICER).get(settings).then().statusCode(200)
                .body("items.name", contains("Meadow View"));
        given().auth().oauth2(PETERBOROUGH_MONITORING).get(settings + "/" + setting).then().statusCode(200)
                .body("ofstedUrn", equalTo(urn));
        given().auth().oauth2(Tokens.forCouncil("commissioner", "essex")).get(settings).then().statusCode(200);
        given().auth().oauth2(token).get(settings + "/" + setting).then().statusCode(200);

        // a Welsh school run for profit by nobody's group; the PUT replaces everything and may close it
        String changed = """
                {"name": "Meadow View School", "kind": "RESIDENTIAL_SCHOOL", "dfeNumber": "873/6001",
                 "postcode": "CF10 1AA", "registeredPlaces": 12,
                 "profile": {"minAge": 11, "maxAge": 18, "sexes": ["MALE"], "needs": ["EDUCATION_SUPPORT"],
                             "emergencyAdmissions": false, "soloPlacement": true},
                 "forProfit": false, "active": false}""";
        given().auth().oauth2(token).contentType(ContentType.JSON).body(changed).put(settings + "/" + setting).then()
                .statusCode(200).body("kind", equalTo("RESIDENTIAL_SCHOOL")).body("postcodeDistrict", equalTo("CF10"))
                .body("country", equalTo("Wales")).body("ownerGroup", nullValue()).body("active", equalTo(false))
                .body("ofstedUrn", nullValue());
        // the same again changes nothing and publishes nothing
        given().auth().oauth2(token).contentType(ContentType.JSON).body(changed).put(settings + "/" + setting).then()
                .statusCode(200);

        try (TopicReader topic = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.PROVIDERS)) {
            topic.await(r -> provider.equals(r.key()) && type(r).equals(EventCatalog.SETTING_CHANGED.type()),
                    Duration.ofSeconds(30));
            List<ConsumerRecord<String, String>> events = topic.seen().stream()
                    .filter(r -> provider.equals(r.key()) && type(r).startsWith("dps.provider.setting-")).toList();
            assertThat(events).extracting(SettingsTest::type).containsExactly(EventCatalog.SETTING_REGISTERED.type(),
                    EventCatalog.SETTING_CHANGED.type());
            JsonNode registered = EventJson.mapper().readTree(events.get(0).value());
            assertThat(registered.path("settingId").asText()).isEqualTo(setting);
            assertThat(registered.path("providerId").asText()).isEqualTo(provider);
            assertThat(registered.path("kind").asText()).isEqualTo("CHILDRENS_HOME");
            assertThat(registered.path("ofstedUrn").asText()).isEqualTo(urn);
            assertThat(registered.path("postcodeDistrict").asText()).isEqualTo("PE29");
            assertThat(registered.has("postcode")).as("the full postcode is not published").isFalse();
            assertThat(registered.path("registeredPlaces").asInt()).isEqualTo(4);
            assertThat(registered.path("profile").path("maxAge").asInt()).isEqualTo(12);
            assertThat(registered.path("profile").path("sexes").toString()).isEqualTo("[\"FEMALE\",\"MALE\"]");
            assertThat(registered.path("profile").path("emergencyAdmissions").asBoolean()).isTrue();
            assertThat(registered.path("profile").path("statementOfPurposeDate").asText()).isEqualTo("2018-04-01");
            assertThat(registered.path("ownerGroup").path("name").asText()).isEqualTo("Horizon Care Group Ltd");
            assertThat(registered.path("forProfit").asBoolean()).isTrue();
            assertThat(registered.path("active").asBoolean()).isTrue();
            JsonNode closed = EventJson.mapper().readTree(events.get(1).value());
            assertThat(closed.path("dfeNumber").asText()).isEqualTo("873/6001");
            assertThat(closed.path("country").asText()).isEqualTo("Wales");
            assertThat(closed.path("active").asBoolean()).isFalse();
            assertThat(closed.path("profile").path("soloPlacement").asBoolean()).isTrue();
        }
        given().auth().oauth2(Tokens.forCouncil("commissioner", "cambridgeshire"))
                .get("/providers/" + provider + "/audit?size=50").then().statusCode(200);
    }

    @Test
    void badInputIsA400NamingTheFieldAndStoresNothing() {
        String provider = OnboardingFixtures.provider("Careful Care");
        String token = Tokens.forProvider(provider);
        String settings = "/providers/" + provider + "/settings";
        String urn = urn();
        String good = home("Careful House", urn, "PE1 1AA");

        record Bad(String field, String body) {
        }
        List<Bad> bad = List.of(
                new Bad("kind", good.replace("\"CHILDRENS_HOME\"", "\"CASTLE\"")),
                new Bad("ofstedUrn", good.replace(urn, "URN-1")),
                new Bad("ofstedUrn", good.replace("\"ofstedUrn\": \"" + urn + "\",", "")),
                new Bad("dfeNumber", good.replace("\"CHILDRENS_HOME\"", "\"SPECIAL_SCHOOL\"")),
                new Bad("dfeNumber", good.replace("\"kind\"", "\"dfeNumber\": \"8736001\", \"kind\"")),
                new Bad("postcode", good.replace("PE1 1AA", "not a postcode")),
                new Bad("postcode", good.replace("PE1 1AA", "ZZ99 9ZZ")),
                new Bad("registeredPlaces", good.replace("\"registeredPlaces\": 4", "\"registeredPlaces\": 0")),
                new Bad("registeredPlaces", good.replace("\"registeredPlaces\": 4", "\"registeredPlaces\": 101")),
                new Bad("profile.minAge", good.replace("\"minAge\": 8", "\"minAge\": -1")),
                new Bad("profile.maxAge", good.replace("\"maxAge\": 12", "\"maxAge\": 26")),
                new Bad("profile.maxAge", good.replace("\"maxAge\": 12", "\"maxAge\": 7")),
                new Bad("profile.sexes", good.replace("[\"FEMALE\", \"MALE\"]", "[]")),
                new Bad("profile.sexes[1]", good.replace("[\"FEMALE\", \"MALE\"]", "[\"FEMALE\", \"X\"]")),
                new Bad("profile.needs[1]", good.replace("\"AUTISM\"", "\"KNITTING\"")),
                new Bad("profile.emergencyAdmissions", good.replace("\"emergencyAdmissions\": true,", "")),
                new Bad("profile.statementOfPurposeDate", good.replace("2018-04-01", "2019-04-01")),
                new Bad("ownerGroup.companiesHouseNumber", good.replace("09876543", "9876543")),
                new Bad("ownerGroup.name", good.replace("Horizon Care Group Ltd", "")),
                new Bad("forProfit", good.replace(",\n \"forProfit\": true", "")));
        for (Bad b : bad) {
            post(token, settings, b.body()).then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem(startsWith(b.field())));
        }
        given().auth().oauth2(token).get(settings).then().statusCode(200).body("items", org.hamcrest.Matchers.empty());

        // the URN refused above is free; a second setting with it is a conflict
        String setting = post(token, settings, good).then().statusCode(201).extract().path("id");
        String other = OnboardingFixtures.provider("Copycat Care");
        post(Tokens.forProvider(other), "/providers/" + other + "/settings", home("Copy House", urn, "PE1 1AA"))
                .then().statusCode(409).contentType("application/problem+json");
        // a PUT with bad input changes nothing either
        given().auth().oauth2(token).contentType(ContentType.JSON).body(good.replace("\"maxAge\": 12", "\"maxAge\": 3"))
                .put(settings + "/" + setting).then().statusCode(400).body("errors.field", hasItem("profile.maxAge"));
        given().auth().oauth2(token).get(settings + "/" + setting).then().body("profile.maxAge", equalTo(12));
    }

    @Test
    void onlyTheProvidersOwnUsersManageItsSettingsAndPartnerCouncilsRead() {
        String provider = OnboardingFixtures.provider("Owned Care");
        String settings = "/providers/" + provider + "/settings";
        String setting = SettingFixtures.setting(provider, home("Owned House", urn(), "CB1 1AA"));
        String stranger = Tokens.forProvider(OnboardingFixtures.provider("Stranger Care"));
        String body = home("Taken House", urn(), "CB1 1AA");

        post(stranger, settings, body).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(stranger).contentType(ContentType.JSON).body(body).put(settings + "/" + setting).then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(stranger).get(settings).then().statusCode(403);
        given().auth().oauth2(stranger).get(settings + "/" + setting).then().statusCode(403);
        post(CAMBRIDGESHIRE_OFFICER, settings, body).then().statusCode(403);
        given().auth().oauth2(Tokens.forCouncil("placement-officer", "kent")).get(settings).then().statusCode(403);
        given().auth().oauth2(Tokens.forProvider(provider)).get(settings + "/" + setting).then()
                .body("name", equalTo("Owned House"));

        // unknown provider or setting, or another provider's setting under this provider: 404
        given().auth().oauth2(CAMBRIDGESHIRE_OFFICER).get("/providers/" + UUID.randomUUID() + "/settings").then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(CAMBRIDGESHIRE_OFFICER).get(settings + "/" + UUID.randomUUID()).then().statusCode(404);
        String elsewhere = OnboardingFixtures.provider("Elsewhere Care");
        String theirs = SettingFixtures.setting(elsewhere, home("Their House", urn(), "CB1 1AA"));
        given().auth().oauth2(CAMBRIDGESHIRE_OFFICER).get(settings + "/" + theirs).then().statusCode(404);
        given().auth().oauth2(Tokens.forProvider(provider)).contentType(ContentType.JSON).body(body)
                .put(settings + "/" + theirs).then().statusCode(404);
    }

    @Test
    void eachSettingShowsItsOwnLatestJudgementAndAnOrganisationsGoodJudgementElsewhereDoesNotHideAnInadequateOne() {
        String provider = OnboardingFixtures.provider("Judged Care");
        UUID providerId = UUID.fromString(provider);
        String poorUrn = urn();
        String goodUrn = urn();
        String poor = SettingFixtures.setting(provider, home("Poor House", poorUrn, "PE29 1AA"));
        String good = SettingFixtures.setting(provider, home("Good House", goodUrn, "PE29 1AA"));

        try (RawEvents events = new RawEvents(SharedInfrastructure.kafkaBootstrapServers())) {
            inspection(events, providerId, poorUrn, "GOOD", LocalDate.of(2018, 3, 1));
            inspection(events, providerId, poorUrn, "INADEQUATE", LocalDate.of(2018, 11, 1));
            // the organisation's newest judgement is Good, at another home
            inspection(events, providerId, goodUrn, "GOOD", LocalDate.of(2018, 12, 10));
            // an older inspection recorded late does not replace the newer judgement
            inspection(events, providerId, poorUrn, "OUTSTANDING", LocalDate.of(2017, 6, 1));
        }
        String settings = "/providers/" + provider + "/settings/";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(CAMBRIDGESHIRE_OFFICER)
                .get(settings + good).then().body("latestJudgement.judgement", equalTo("GOOD")));
        given().auth().oauth2(CAMBRIDGESHIRE_OFFICER).get(settings + poor).then().statusCode(200)
                .body("latestJudgement.judgement", equalTo("INADEQUATE"))
                .body("latestJudgement.inspectedOn", equalTo("2018-11-01")).body("inadequate", equalTo(true));
        given().auth().oauth2(CAMBRIDGESHIRE_OFFICER).get("/providers/" + provider + "/settings").then()
                .body("items.find { it.name == 'Poor House' }.inadequate", equalTo(true))
                .body("items.find { it.name == 'Good House' }.inadequate", equalTo(false));
    }

    static void inspection(RawEvents events, UUID provider, String urn, String judgement, LocalDate on) {
        events.sendEvent(EventCatalog.INSPECTION_RECORDED, provider, new InspectionRecorded(UUID.randomUUID(), provider,
                urn, "OFSTED", judgement, on, "R-" + urn, "cambridgeshire", Instant.parse("2018-12-20T09:00:00Z")));
    }

    static String type(ConsumerRecord<String, String> record) {
        var header = record.headers().lastHeader("ce_type");
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
