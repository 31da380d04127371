package uk.gov.dps.provider;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static uk.gov.dps.provider.OnboardingFixtures.COMMISSIONER;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.Topics;
import uk.gov.dps.events.lot.LotSnapshot;
import uk.gov.dps.events.lot.PurchasingSystemEstablished;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.Tokens;
import uk.gov.dps.testing.TopicReader;

/**
 * Procurement Act 2023 exclusions (as of 20 December 2018): recorded by a partner council's commissioner, they bar
 * admission to a PA2023 dynamic market's lots and suspend existing membership there; other regimes admit as before.
 */
@QuarkusTest
class ProviderExclusionTest {

    private static final String EXCLUDE_FRAUD = """
            {"ground": "MANDATORY", "reason": "Director convicted of fraud (Schedule 6 para 10)",
             "startsOn": "2018-12-01", "endsOn": "2023-11-30", "debarmentReference": "DEB-2018-0042"}""";

    @Test
    void anExcludedProviderIsRefusedAdmissionToADynamicMarketAndSuspendedFromItsLots() {
        UUID memberLot = lot("PA2023_DYNAMIC_MARKET");
        UUID pendingLot = lot("PA2023_DYNAMIC_MARKET");
        UUID newLot = lot("PA2023_DYNAMIC_MARKET");
        UUID pcrLot = lot("PCR2015_DPS");
        String provider = OnboardingFixtures.provider("Excluded Care Ltd");
        OnboardingFixtures.decide(OnboardingFixtures.apply(provider, memberLot), "ADMIT", null);
        String pending = OnboardingFixtures.apply(provider, pendingLot);

        String exclusion = given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body(EXCLUDE_FRAUD)
                .post("/providers/" + provider + "/exclusions").then().statusCode(201)
                .body("section", equalTo("PA2023 s.57")).body("appliesToday", equalTo(true))
                .body("council", equalTo("cambridgeshire")).body("debarmentReference", equalTo("DEB-2018-0042"))
                .extract().path("id");

        // a dynamic market removes excluded suppliers: no new call-offs in the PA2023 lot it is in
        given().auth().oauth2(COMMISSIONER).get("/providers/" + provider).then()
                .body("memberships.find { it.lotId == '" + memberLot + "' }.status", equalTo("SUSPENDED"))
                .body("memberships.find { it.lotId == '" + memberLot + "' }.suspendedReason",
                        containsString("PA2023 s.57"));
        // the application made before the exclusion is not admitted, and nothing changes
        given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body("{\"outcome\":\"ADMIT\"}")
                .post("/applications/" + pending + "/decision").then().statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("PA2023 s.57"))
                .body("detail", containsString("excluded supplier"));
        given().auth().oauth2(COMMISSIONER).get("/applications/" + pending).then().body("status", equalTo("PENDING"));
        // a new application to a PA2023 lot is refused before it is made
        apply(provider, newLot).then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("PA2023 s.57"));
        given().auth().oauth2(COMMISSIONER).get("/providers/" + provider + "/applications").then()
                .body("items.lotId", contains(pendingLot.toString(), memberLot.toString()));
        // under PCR 2015 the exclusion is on record but the commissioner applies that regime's own rules
        String pcr = apply(provider, pcrLot).then().statusCode(201).extract().path("id");
        OnboardingFixtures.decide(pcr, "ADMIT", null);
        given().auth().oauth2(COMMISSIONER).get("/providers/" + provider).then()
                .body("memberships.find { it.lotId == '" + pcrLot + "' }.status", equalTo("ACTIVE"))
                .body("memberships.size()", equalTo(2));

        try (TopicReader topic = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.PROVIDERS)) {
            ConsumerRecord<String, String> excluded = topic.await(r -> provider.equals(r.key())
                    && "dps.provider.excluded.v1".equals(header(r, "ce_type")), Duration.ofSeconds(30));
            assertThat(excluded.value()).contains(exclusion).contains("\"ground\":\"MANDATORY\"")
                    .contains("\"suspendedLotIds\":[\"" + memberLot + "\"]");
            ConsumerRecord<String, String> suspended = topic.await(r -> provider.equals(r.key())
                    && "dps.provider.suspended.v1".equals(header(r, "ce_type")), Duration.ofSeconds(30));
            assertThat(suspended.value()).contains(memberLot.toString()).contains("PA2023 s.57");
        }
    }

    @Test
    void anExclusionEndedEarlyNoLongerBarsAdmissionAndEveryStepIsAudited() {
        UUID lot = lot("PA2023_DYNAMIC_MARKET");
        String provider = OnboardingFixtures.provider("Self Cleaned Homes");
        String exclusion = given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body("""
                {"ground": "DISCRETIONARY", "reason": "Persistent poor performance (Schedule 7 para 12)",
                 "startsOn": "2018-12-10", "endsOn": "2021-12-09"}""")
                .post("/providers/" + provider + "/exclusions").then().statusCode(201)
                .body("section", equalTo("PA2023 s.58")).body("debarmentReference", nullValue())
                .extract().path("id");
        apply(provider, lot).then().statusCode(422).body("detail", containsString("PA2023 s.58"));

        given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON)
                .body("{\"reason\":\"Improvement plan completed and verified (s.59)\"}")
                .post("/providers/" + provider + "/exclusions/" + exclusion + "/end").then().statusCode(200)
                .body("endedOn", equalTo("2018-12-20")).body("appliesToday", equalTo(false));
        given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body("{\"reason\":\"again\"}")
                .post("/providers/" + provider + "/exclusions/" + exclusion + "/end").then().statusCode(409)
                .contentType("application/problem+json");
        apply(provider, lot).then().statusCode(201);

        given().auth().oauth2(Tokens.forProvider(provider)).get("/providers/" + provider + "/exclusions").then()
                .statusCode(200).body("size()", equalTo(1)).body("[0].endReason", containsString("Improvement plan"));
        given().auth().oauth2(COMMISSIONER).get("/providers/" + provider + "/audit").then()
                .body("items.action", contains("REGISTERED", "EXCLUDED", "EXCLUSION_ENDED", "APPLIED"))
                .body("items[1].reason", containsString("Persistent poor performance"))
                .body("items[1].actor", equalTo("commissioner@cambridgeshire"));
        try (TopicReader topic = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.PROVIDERS)) {
            ConsumerRecord<String, String> ended = topic.await(r -> provider.equals(r.key())
                    && "dps.provider.exclusion-ended.v1".equals(header(r, "ce_type")), Duration.ofSeconds(30));
            assertThat(ended.value()).contains(exclusion).contains("\"endedOn\":\"2018-12-20\"");
        }
    }

    @Test
    void badExclusionsAreRefusedAndChangeNothing() {
        String provider = OnboardingFixtures.provider("Untouched Fostering");
        exclude(COMMISSIONER, provider, """
                {"ground": "MANDATORY", "reason": "Too long", "startsOn": "2018-12-01", "endsOn": "2023-12-02"}""")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("endsOn")).body("errors.message", hasItem(containsString("5 years")));
        exclude(COMMISSIONER, provider, """
                {"ground": "MANDATORY", "reason": "Backwards", "startsOn": "2018-12-01", "endsOn": "2018-11-30"}""")
                .then().statusCode(400).body("errors.field", hasItem("endsOn"));
        exclude(COMMISSIONER, provider, """
                {"ground": "SOMETIMES", "reason": "No such ground", "startsOn": "2018-12-01", "endsOn": "2019-12-01"}""")
                .then().statusCode(400).contentType("application/problem+json");
        exclude(COMMISSIONER, provider, """
                {"ground": "MANDATORY", "startsOn": "2018-12-01", "endsOn": "2019-12-01"}""")
                .then().statusCode(400).body("errors.field", hasItem("reason"));
        exclude(COMMISSIONER, UUID.randomUUID().toString(), EXCLUDE_FRAUD).then().statusCode(404);
        // wrong role, or a commissioner's token without a partner council
        exclude(Tokens.forCouncil("placement-officer", "cambridgeshire"), provider, EXCLUDE_FRAUD).then()
                .statusCode(403);
        exclude(Tokens.forProvider(provider), provider, EXCLUDE_FRAUD).then().statusCode(403);
        exclude(Tokens.token("outsider", Set.of("commissioner"), Map.of("council", "kent")), provider, EXCLUDE_FRAUD)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forProvider(OnboardingFixtures.provider("Nosy Ltd")))
                .get("/providers/" + provider + "/exclusions").then().statusCode(403);

        given().auth().oauth2(COMMISSIONER).get("/providers/" + provider + "/exclusions").then().statusCode(200)
                .body("size()", equalTo(0));
        String exclusion = exclude(COMMISSIONER, provider, EXCLUDE_FRAUD).then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.forCouncil("placement-officer", "cambridgeshire")).contentType(ContentType.JSON)
                .body("{\"reason\":\"not mine to end\"}")
                .post("/providers/" + provider + "/exclusions/" + exclusion + "/end").then().statusCode(403);
        given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body("{\"reason\":\" \"}")
                .post("/providers/" + provider + "/exclusions/" + exclusion + "/end").then().statusCode(400);
        given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body("{\"reason\":\"wrong id\"}")
                .post("/providers/" + provider + "/exclusions/" + UUID.randomUUID() + "/end").then().statusCode(404);
        given().auth().oauth2(COMMISSIONER).get("/providers/" + provider + "/exclusions").then()
                .body("size()", equalTo(1)).body("[0].endedOn", nullValue());
    }

    /**
     * A lot of a DPS under {@code regime}, announced as lot-service would: the DPS's establishment first, then the
     * lot; for a PA2023 lot, waits until an excluded probe's application to it is refused (the regime is known).
     */
    private static UUID lot(String regime) {
        UUID dpsId = UUID.randomUUID();
        UUID lotId = UUID.randomUUID();
        List<String> councils = List.of("cambridgeshire", "peterborough");
        try (RawEvents events = new RawEvents(SharedInfrastructure.kafkaBootstrapServers())) {
            events.sendEvent(EventCatalog.PURCHASING_SYSTEM_ESTABLISHED, dpsId, new PurchasingSystemEstablished(dpsId,
                    "CCC-DM-" + regime, "Children's placements", regime, councils, LocalDate.of(2018, 11, 1),
                    LocalDate.of(2022, 10, 31)));
            events.sendEvent(EventCatalog.LOT_OPENED, lotId, new LotSnapshot(lotId, dpsId, "CCC-DM-" + regime, "LOT1",
                    "Residential Children's Homes", "RESIDENTIAL", List.of(),
                    List.of(new LotSnapshot.Category("EMERGENCY", "Emergency (same day)")), List.of(), true, true,
                    councils, LocalDate.of(2018, 11, 1), LocalDate.of(2022, 10, 31)));
        }
        String probe = OnboardingFixtures.provider("Probe " + lotId);
        if ("PA2023_DYNAMIC_MARKET".equals(regime)) {
            exclude(COMMISSIONER, probe, EXCLUDE_FRAUD).then().statusCode(201);
            await().atMost(Duration.ofSeconds(30)).until(() -> apply(probe, lotId).statusCode() == 422
                    && apply(probe, lotId).asString().contains("PA2023 s.57"));
        } else {
            await().atMost(Duration.ofSeconds(30)).until(() -> !apply(probe, lotId).asString().contains("is not a lot"));
        }
        return lotId;
    }

    private static io.restassured.response.Response apply(String provider, UUID lot) {
        return given().auth().oauth2(Tokens.forProvider(provider)).contentType(ContentType.JSON)
                .body("{\"lotId\":\"" + lot + "\",\"categories\":[\"EMERGENCY\"],\"requestedTier\":\"TIER_1\"}")
                .post("/providers/" + provider + "/applications");
    }

    private static io.restassured.response.Response exclude(String token, String provider, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .post("/providers/" + provider + "/exclusions");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
