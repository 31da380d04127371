package uk.gov.dps.provider;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static uk.gov.dps.provider.SettingFixtures.CAMBRIDGESHIRE_OFFICER;
import static uk.gov.dps.provider.SettingFixtures.home;
import static uk.gov.dps.provider.SettingFixtures.post;
import static uk.gov.dps.provider.SettingFixtures.urn;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.EventJson;
import uk.gov.dps.events.Topics;
import uk.gov.dps.testing.LiveFeed;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.Tokens;
import uk.gov.dps.testing.TopicReader;

/** Vacancies: the rules for declaring one, confirming and withdrawing, the officers' search, and the live feed. */
@QuarkusTest
class VacanciesTest {

    private static final String TODAY = "2018-12-20";

    @TestHTTPResource("/vacancies/feed")
    URI feed;

    @BeforeEach
    void vacancyFeedIsListening() {
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/q/health/ready").statusCode() == 200);
    }

    @Test
    void aVacancyMustFitItsSettingOtherwiseA422NamesTheRuleAndNothingIsDeclared() {
        String provider = OnboardingFixtures.provider("Rules Care");
        String token = Tokens.forProvider(provider);
        // 4 places, ages 8-12, EMOTIONAL_BEHAVIOURAL and AUTISM, no emergency admissions
        String setting = SettingFixtures.setting(provider,
                home("Rules House", urn(), "PE29 1AA", 8, 12, "\"EMOTIONAL_BEHAVIOURAL\", \"AUTISM\"", false));
        String vacancies = "/providers/" + provider + "/settings/" + setting + "/vacancies";

        record Bad(String rule, String body) {
        }
        for (Bad bad : List.of(
                new Bad("places", "{\"places\": 0, \"availableFrom\": \"" + TODAY + "\"}"),
                new Bad("places", "{\"places\": 5, \"availableFrom\": \"" + TODAY + "\"}"),
                new Bad("availableFrom", "{\"places\": 1, \"availableFrom\": \"2018-12-19\"}"),
                new Bad("minAge", "{\"places\": 1, \"availableFrom\": \"" + TODAY + "\", \"minAge\": 7}"),
                new Bad("maxAge", "{\"places\": 1, \"availableFrom\": \"" + TODAY + "\", \"maxAge\": 13}"),
                new Bad("minAge must not be above maxAge",
                        "{\"places\": 1, \"availableFrom\": \"" + TODAY + "\", \"minAge\": 11, \"maxAge\": 9}"),
                new Bad("needs", "{\"places\": 1, \"availableFrom\": \"" + TODAY + "\", \"needs\": [\"MEDICAL\"]}"),
                new Bad("emergency", "{\"places\": 1, \"availableFrom\": \"" + TODAY + "\", \"emergency\": true}"))) {
            post(token, vacancies, bad.body()).then().statusCode(422).contentType("application/problem+json")
                    .body("detail", containsString(bad.rule()));
        }
        post(token, vacancies, "{\"places\": 1, \"availableFrom\": \"" + TODAY + "\", \"needs\": [\"SWIMMING\"]}")
                .then().statusCode(400).body("errors[0].field", equalTo("needs[0]"));
        given().auth().oauth2(token).get("/vacancies").then().statusCode(200).body("items", empty());

        // another provider cannot declare, confirm or withdraw here
        String stranger = Tokens.forProvider(OnboardingFixtures.provider("Meddling Care"));
        String fine = "{\"places\": 2, \"availableFrom\": \"2018-12-27\", \"minAge\": 9, \"maxAge\": 11, "
                + "\"needs\": [\"AUTISM\"]}";
        post(stranger, vacancies, fine).then().statusCode(403).contentType("application/problem+json");
        String vacancy = post(token, vacancies, fine).then().statusCode(201).body("status", equalTo("OPEN"))
                .body("stale", equalTo(false)).body("needs", contains("AUTISM")).extract().path("id");
        post(stranger, "/providers/" + provider + "/vacancies/" + vacancy + "/confirm", "").then().statusCode(403);
        post(CAMBRIDGESHIRE_OFFICER, "/providers/" + provider + "/vacancies/" + vacancy + "/withdraw",
                "{\"reason\": \"FILLED\"}").then().statusCode(403);
        // under the wrong provider, or unknown: 404
        String elsewhere = OnboardingFixtures.provider("Elsewhere Rules Care");
        post(Tokens.forProvider(elsewhere), "/providers/" + elsewhere + "/vacancies/" + vacancy + "/confirm", "")
                .then().statusCode(404);
        post(token, "/providers/" + provider + "/settings/" + UUID.randomUUID() + "/vacancies", fine).then()
                .statusCode(404);
    }

    @Test
    void aVacancyIsConfirmedAndWithdrawnOnceAndEachStepIsPublishedWhole() throws Exception {
        String provider = OnboardingFixtures.provider("Stepping Care");
        String token = Tokens.forProvider(provider);
        String setting = SettingFixtures.setting(provider, home("Stepping House", urn(), "PE1 1AA"));
        String vacancy = SettingFixtures.vacancy(provider, setting,
                "{\"places\": 1, \"availableFrom\": \"2018-12-21\", \"emergency\": true}");
        String path = "/providers/" + provider + "/vacancies/" + vacancy;

        post(token, path + "/confirm", "").then().statusCode(200).body("status", equalTo("OPEN"));
        post(token, path + "/withdraw", "{\"reason\": \"SOLD\"}").then().statusCode(400);
        post(token, path + "/withdraw", "{}").then().statusCode(400).body("errors[0].field", equalTo("reason"));
        post(token, path + "/withdraw", "{\"reason\": \"FILLED\"}").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("withdrawnReason", equalTo("FILLED"));
        post(token, path + "/withdraw", "{\"reason\": \"OTHER\"}").then().statusCode(409)
                .contentType("application/problem+json");
        post(token, path + "/confirm", "").then().statusCode(409);

        try (TopicReader topic = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.PROVIDERS)) {
            topic.await(r -> provider.equals(r.key()) && SettingsTest.type(r).equals(EventCatalog.VACANCY_WITHDRAWN.type()),
                    Duration.ofSeconds(30));
            List<JsonNode> steps = topic.seen().stream().filter(r -> provider.equals(r.key())
                    && SettingsTest.type(r).startsWith("dps.provider.vacancy-")).map(r -> {
                        try {
                            JsonNode payload = EventJson.mapper().readTree(r.value());
                            ((com.fasterxml.jackson.databind.node.ObjectNode) payload).put("type", SettingsTest.type(r));
                            return payload;
                        } catch (Exception e) {
                            throw new AssertionError(e);
                        }
                    }).toList();
            assertThat(steps).extracting(s -> s.path("type").asText()).containsExactly(
                    EventCatalog.VACANCY_DECLARED.type(), EventCatalog.VACANCY_CONFIRMED.type(),
                    EventCatalog.VACANCY_WITHDRAWN.type());
            JsonNode declared = steps.get(0);
            assertThat(declared.path("vacancyId").asText()).isEqualTo(vacancy);
            assertThat(declared.path("settingId").asText()).isEqualTo(setting);
            assertThat(declared.path("providerId").asText()).isEqualTo(provider);
            assertThat(declared.path("places").asInt()).isEqualTo(1);
            assertThat(declared.path("availableFrom").asText()).isEqualTo("2018-12-21");
            assertThat(declared.path("emergency").asBoolean()).isTrue();
            assertThat(declared.path("status").asText()).isEqualTo("OPEN");
            assertThat(declared.hasNonNull("needs")).as("null: as the setting's profile").isFalse();
            assertThat(declared.path("confirmedAt").asText()).startsWith("2018-12-20T");
            assertThat(steps.get(2).path("status").asText()).isEqualTo("WITHDRAWN");
            assertThat(steps.get(2).path("withdrawnReason").asText()).isEqualTo("FILLED");
        }
    }

    @Test
    void officersFindVacanciesByLotNeedAgeSexAndEmergencyNearestFirstWithDistances() {
        UUID lot = OnboardingFixtures.openTieredLot();
        String huntingdon = member(lot, "Huntingdon Homes");
        String peterborough = member(lot, "Peterborough Homes");
        String norwich = member(lot, "Norwich Homes");
        String cardiff = member(lot, "Cardiff Homes");
        String notMember = OnboardingFixtures.provider("Outsider Homes");

        String teen = "\"EMOTIONAL_BEHAVIOURAL\", \"CHILD_SEXUAL_EXPLOITATION\"";
        String pe29 = SettingFixtures.setting(huntingdon, home("Hinchingbrooke House", urn(), "PE29 6NT", 8, 12,
                "\"EMOTIONAL_BEHAVIOURAL\", \"AUTISM\"", true));
        String pe1 = SettingFixtures.setting(peterborough, home("Cathedral View", urn(), "PE1 1XX", 13, 17, teen, true));
        String nr1 = SettingFixtures.setting(norwich, home("Riverside", urn(), "NR1 3AA", 13, 17, teen, false));
        String cf10 = SettingFixtures.setting(cardiff, home("Bay House", urn(), "CF10 4BB", 10, 17, teen, true));
        String outside = SettingFixtures.setting(notMember, home("Not In Lot", urn(), "PE29 1AA"));
        String v29 = SettingFixtures.vacancy(huntingdon, pe29, "{\"places\": 1, \"availableFrom\": \"" + TODAY
                + "\", \"emergency\": true}");
        String v1 = SettingFixtures.vacancy(peterborough, pe1, "{\"places\": 2, \"availableFrom\": \"" + TODAY
                + "\", \"emergency\": true}");
        String vNr = SettingFixtures.vacancy(norwich, nr1, "{\"places\": 1, \"availableFrom\": \"2019-01-02\"}");
        String vCf = SettingFixtures.vacancy(cardiff, cf10, "{\"places\": 1, \"availableFrom\": \"" + TODAY
                + "\", \"minAge\": 14, \"needs\": [\"CHILD_SEXUAL_EXPLOITATION\"]}");
        SettingFixtures.vacancy(notMember, outside, "{\"places\": 1, \"availableFrom\": \"" + TODAY + "\"}");

        // nearest first from Huntingdon, with the distance between district centroids
        JsonPath all = search("lotId=" + lot + "&near=PE29 3TN");
        assertThat(all.getList("items.vacancy.id")).containsExactly(v29, v1, vNr, vCf);
        assertThat(all.getList("items.distanceMiles", Float.class).get(0)).isEqualTo(0.0f);
        assertThat(all.getFloat("items[1].distanceMiles")).isBetween(17.5f, 18.5f); // PE29 to PE1
        assertThat(all.getFloat("items[2].distanceMiles")).isBetween(65f, 67f); // to NR1
        assertThat(all.getFloat("items[3].distanceMiles")).isBetween(139f, 143f); // to CF10
        assertThat(all.getString("items[3].country")).isEqualTo("Wales");
        assertThat(all.getString("items[1].providerName")).isEqualTo("Peterborough Homes");
        assertThat(all.getString("items[1].settingName")).isEqualTo("Cathedral View");
        assertThat(all.getString("items[1].settingKind")).isEqualTo("CHILDRENS_HOME");
        assertThat(all.getString("items[1].postcodeDistrict")).isEqualTo("PE1");
        assertThat(all.getList("items.stale", Boolean.class)).containsOnly(false);

        assertThat(search("lotId=" + lot + "&near=PE29&withinMiles=20").getList("items.vacancy.id"))
                .containsExactly(v29, v1);
        // a 15-year-old: not the 8-12 home; the Cardiff vacancy is for 14 and over
        assertThat(search("lotId=" + lot + "&age=15&near=PE29").getList("items.vacancy.id"))
                .containsExactly(v1, vNr, vCf);
        assertThat(search("lotId=" + lot + "&age=13&near=PE29").getList("items.vacancy.id"))
                .containsExactly(v1, vNr);
        // the Cardiff vacancy is narrowed to one need of its setting's profile
        assertThat(search("lotId=" + lot + "&need=EMOTIONAL_BEHAVIOURAL&near=PE29").getList("items.vacancy.id"))
                .containsExactly(v29, v1, vNr);
        assertThat(search("lotId=" + lot + "&need=AUTISM").getList("items.vacancy.id")).containsExactly(v29);
        assertThat(search("lotId=" + lot + "&emergency=true&near=PE29").getList("items.vacancy.id"))
                .containsExactly(v29, v1);
        assertThat(search("lotId=" + lot + "&sex=FEMALE&need=CHILD_SEXUAL_EXPLOITATION&near=cf10 1aa")
                .getList("items.vacancy.id")).containsExactly(vCf, v1, vNr);
        // paged like the other lists
        JsonPath first = search("lotId=" + lot + "&near=PE29&size=2");
        assertThat(first.getList("items.vacancy.id")).containsExactly(v29, v1);
        assertThat(first.getBoolean("hasNext")).isTrue();
        assertThat(search("lotId=" + lot + "&near=PE29&size=2&page=1").getList("items.vacancy.id"))
                .containsExactly(vNr, vCf);

        // a suspended member's vacancies are not offered for the lot
        post(OnboardingFixtures.COMMISSIONER, "/providers/" + norwich + "/suspensions",
                "{\"lotId\":\"" + lot + "\",\"reason\":\"Serious concern\"}").then().statusCode(200);
        assertThat(search("lotId=" + lot + "&near=PE29").getList("items.vacancy.id")).containsExactly(v29, v1, vCf);

        // a provider sees only its own vacancies
        given().auth().oauth2(Tokens.forProvider(cardiff)).get("/vacancies").then().statusCode(200)
                .body("items.vacancy.id", contains(vCf)).body("items[0].distanceMiles", nullValue());

        // bad filters are 400s naming the parameter; other callers 403
        for (String[] bad : new String[][] {{"near=XX99", "near"}, {"withinMiles=20", "withinMiles"},
                {"age=26", "age"}, {"age=old", "age"}, {"sex=X", "sex"}, {"need=KNITTING", "need"},
                {"lotId=lot-2", "lotId"}, {"emergency=yes", "emergency"}, {"includeStale=maybe", "includeStale"}}) {
            given().auth().oauth2(CAMBRIDGESHIRE_OFFICER).get("/vacancies?" + bad[0]).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo(bad[1]));
        }
        given().auth().oauth2(Tokens.forCouncil("placement-officer", "kent")).get("/vacancies").then().statusCode(403);
        given().auth().oauth2(Tokens.forCouncil("finance-officer", "cambridgeshire")).get("/vacancies").then()
                .statusCode(403);
    }

    @Test
    void aSettingJudgedInadequateIsNotOfferedAndAClosedSettingsVacanciesAreWithdrawn() {
        UUID lot = OnboardingFixtures.openTieredLot();
        String provider = member(lot, "Mixed Homes");
        String poorUrn = urn();
        String goodUrn = urn();
        String poor = SettingFixtures.setting(provider, home("Poor Home", poorUrn, "PE29 1AA"));
        String good = SettingFixtures.setting(provider, home("Fine Home", goodUrn, "PE29 1AA"));
        String closing = SettingFixtures.setting(provider, home("Closing Home", urn(), "PE29 1AA"));
        String vPoor = SettingFixtures.vacancy(provider, poor, "{\"places\": 1, \"availableFrom\": \"" + TODAY + "\"}");
        String vGood = SettingFixtures.vacancy(provider, good, "{\"places\": 1, \"availableFrom\": \"" + TODAY + "\"}");
        String vClosing = SettingFixtures.vacancy(provider, closing,
                "{\"places\": 1, \"availableFrom\": \"" + TODAY + "\"}");
        assertThat(search("lotId=" + lot).getList("items.vacancy.id")).containsExactlyInAnyOrder(vPoor, vGood, vClosing);

        UUID providerId = UUID.fromString(provider);
        try (RawEvents events = new RawEvents(SharedInfrastructure.kafkaBootstrapServers())) {
            SettingsTest.inspection(events, providerId, poorUrn, "INADEQUATE", LocalDate.of(2018, 11, 1));
            SettingsTest.inspection(events, providerId, goodUrn, "GOOD", LocalDate.of(2018, 12, 10));
        }
        // (the organisation-level rule also suspends the provider from its lots: search without the lot)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                search("near=PE29&withinMiles=0.5").getList("items.vacancy.id")).contains(vGood).doesNotContain(vPoor));
        JsonPath found = search("near=PE29&withinMiles=0.5");
        int fine = found.getList("items.vacancy.id").indexOf(vGood);
        assertThat(found.getString("items[" + fine + "].latestJudgement.judgement")).isEqualTo("GOOD");
        // the provider still sees its own, with the judgement
        given().auth().oauth2(Tokens.forProvider(provider)).get("/vacancies").then()
                .body("items.find { it.vacancy.id == '" + vPoor + "' }.latestJudgement.judgement",
                        equalTo("INADEQUATE"));

        String settingPath = "/providers/" + provider + "/settings/" + closing;
        String closed = home("Closing Home", given().auth().oauth2(CAMBRIDGESHIRE_OFFICER).get(settingPath).then()
                .extract().path("ofstedUrn"), "PE29 1AA").replace("\"forProfit\": true", "\"forProfit\": true, \"active\": false");
        given().auth().oauth2(Tokens.forProvider(provider)).contentType(ContentType.JSON).body(closed).put(settingPath)
                .then().statusCode(200).body("active", equalTo(false));
        assertThat(search("near=PE29&withinMiles=0.5").getList("items.vacancy.id")).doesNotContain(vClosing);
        post(Tokens.forProvider(provider), settingPath + "/vacancies",
                "{\"places\": 1, \"availableFrom\": \"" + TODAY + "\"}").then().statusCode(422);
        post(Tokens.forProvider(provider), "/providers/" + provider + "/vacancies/" + vClosing + "/withdraw",
                "{\"reason\": \"OTHER\"}").then().statusCode(409);
    }

    @Test
    void officersWatchVacanciesLiveAndResumeFromTheLastEventTheyGot() {
        String provider = OnboardingFixtures.provider("Live Homes");
        String setting = SettingFixtures.setting(provider, home("Live House", urn(), "PE29 1AA"));
        String token = Tokens.forProvider(provider);

        given().get("/vacancies/feed").then().statusCode(401);
        given().auth().oauth2(token).accept("text/event-stream").get("/vacancies/feed").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(CAMBRIDGESHIRE_OFFICER).header("Last-Event-ID", "yesterday").accept("text/event-stream")
                .get("/vacancies/feed").then().statusCode(400).body("errors[0].field", equalTo("Last-Event-ID"));

        String first;
        String lastEventId;
        try (LiveFeed live = LiveFeed.open(feed, CAMBRIDGESHIRE_OFFICER, Duration.ofSeconds(30))) {
            live.awaitListening();
            first = SettingFixtures.vacancy(provider, setting, "{\"places\": 1, \"availableFrom\": \"" + TODAY + "\"}");
            LiveFeed.Event declared = live.await(e -> EventCatalog.VACANCY_DECLARED.type().equals(e.name())
                    && e.data().contains(first), "the declared vacancy");
            JsonPath data = JsonPath.from(declared.data());
            assertThat(data.getString("payload.vacancyId")).isEqualTo(first);
            assertThat(data.getString("payload.settingId")).isEqualTo(setting);
            assertThat(data.getString("providerId")).isEqualTo(provider);
            assertThat(data.getString("type")).isEqualTo(EventCatalog.VACANCY_DECLARED.type());
            lastEventId = declared.id();
        }
        // while nobody listens: confirmed, and a second vacancy declared
        post(token, "/providers/" + provider + "/vacancies/" + first + "/confirm", "").then().statusCode(200);
        String second = SettingFixtures.vacancy(provider, setting,
                "{\"places\": 1, \"availableFrom\": \"" + TODAY + "\"}");
        try (LiveFeed resumed = LiveFeed.resume(feed, Tokens.forCouncil("monitoring-officer", "peterborough"),
                lastEventId, Duration.ofSeconds(30))) {
            LiveFeed.Event confirmed = resumed.await(e -> EventCatalog.VACANCY_CONFIRMED.type().equals(e.name())
                    && e.data().contains(first), "the missed confirmation");
            LiveFeed.Event secondDeclared = resumed.await(e -> EventCatalog.VACANCY_DECLARED.type().equals(e.name())
                    && e.data().contains(second), "the missed declaration");
            assertThat(resumed.received(first)).as("the event it had is not sent again").isEqualTo(1);
            assertThat(resumed.eventsUpTo(secondDeclared)).contains(confirmed);
            resumed.awaitListening();
            // then live again
            post(token, "/providers/" + provider + "/vacancies/" + second + "/withdraw", "{\"reason\": \"FILLED\"}")
                    .then().statusCode(200);
            resumed.await(e -> EventCatalog.VACANCY_WITHDRAWN.type().equals(e.name()) && e.data().contains(second),
                    "the live withdrawal");
        }
    }

    /** A provider admitted to the lot (ACTIVE membership). */
    private static String member(UUID lot, String name) {
        String provider = OnboardingFixtures.provider(name);
        OnboardingFixtures.decide(OnboardingFixtures.apply(provider, lot), "ADMIT", null);
        return provider;
    }

    private static JsonPath search(String query) {
        return given().auth().oauth2(CAMBRIDGESHIRE_OFFICER).get("/vacancies?" + query).then().statusCode(200)
                .extract().jsonPath();
    }
}
