package uk.gov.dps.placement;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.lot.LotSnapshot;
import uk.gov.dps.events.provider.ProviderAdmittedToLot;
import uk.gov.dps.events.provider.ProviderSuspended;
import uk.gov.dps.events.provider.SettingSnapshot;
import uk.gov.dps.events.quality.InspectionRecorded;
import uk.gov.dps.placement.domain.Projections;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.Tokens;

/** A lot and its members as lot-service and provider-service announce them, and referrals raised through the API. */
final class CallOffFixtures {

    static final String OFFICER = Tokens.forCouncil("placement-officer", "cambridgeshire");

    record Market(UUID lot, UUID first, UUID second, UUID suspended) {
    }

    private CallOffFixtures() {
    }

    /** A lot with three members serving EMERGENCY, the third suspended; waits until placement-service knows them all. */
    static Market market(String serviceType) {
        return market(serviceType, false, null, null);
    }

    /** A tiered IFA lot: the first member in TIER_1, the second in TIER_2, the third suspended. */
    static Market tieredMarket() {
        return market("IFA", true, "TIER_1", "TIER_2");
    }

    private static Market market(String serviceType, boolean tiered, String firstTier, String secondTier) {
        UUID lot = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID suspended = UUID.randomUUID();
        try (RawEvents events = new RawEvents(SharedInfrastructure.kafkaBootstrapServers())) {
            events.sendEvent(EventCatalog.LOT_OPENED, lot, new LotSnapshot(lot, UUID.randomUUID(), "CCC-PCC-DPS-2018",
                    "LOT1", "Residential children's homes", serviceType, List.of(),
                    List.of(new LotSnapshot.Category("EMERGENCY", "Emergency (same day)")), List.of(), tiered, true,
                    List.of("cambridgeshire", "peterborough"), java.time.LocalDate.of(2018, 10, 1),
                    java.time.LocalDate.of(2022, 9, 30)));
            admit(events, lot, first, "Alpha Homes", firstTier);
            admit(events, lot, second, "Beta Care", secondTier);
            admit(events, lot, suspended, "Gamma Homes", firstTier);
            events.sendEvent(EventCatalog.PROVIDER_SUSPENDED, suspended,
                    new ProviderSuspended(suspended, List.of(lot), "Inadequate", true, Instant.now()));
            events.sendEvent(EventCatalog.INSPECTION_RECORDED, first, new InspectionRecorded(UUID.randomUUID(), first,
                    "SC100001", "OFSTED", "GOOD", java.time.LocalDate.of(2018, 6, 1), null, "essex", Instant.now()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                Projections.LotView.findById(lot) != null
                        && Projections.LotMember.count("lotId = ?1 and suspended = true", lot) == 1
                        && Projections.LotMember.count("lotId", lot) == 3
                        && Projections.ProviderQuality.findById(first) != null));
        return new Market(lot, first, second, suspended);
    }

    private static void admit(RawEvents events, UUID lot, UUID provider, String name, String tier) {
        events.sendEvent(EventCatalog.PROVIDER_ADMITTED_TO_LOT, provider, new ProviderAdmittedToLot(provider, name,
                lot, UUID.randomUUID(), List.of("EMERGENCY"), tier, Instant.now()));
    }

    /**
     * A setting of the provider as provider-service announces it (a home in {@code district}, ages {@code minAge} to
     * {@code maxAge}, both sexes, the given needs); waits until placement-service knows it.
     */
    static UUID setting(UUID provider, String name, String district, int minAge, int maxAge, List<String> needs,
            boolean emergencyAdmissions, String ownerGroup, String ownerGroupNumber, boolean forProfit,
            String country, boolean active) {
        UUID setting = UUID.randomUUID();
        try (RawEvents events = new RawEvents(SharedInfrastructure.kafkaBootstrapServers())) {
            events.sendEvent(EventCatalog.SETTING_REGISTERED, provider, new SettingSnapshot(setting, provider, name,
                    "CHILDRENS_HOME", "SC" + (100000 + Math.abs(setting.hashCode() % 900000)), null, district,
                    country, 4, new SettingSnapshot.Profile(minAge, maxAge, List.of("FEMALE", "MALE"), needs,
                            emergencyAdmissions, false, java.time.LocalDate.of(2018, 4, 1)),
                    ownerGroup == null ? null : new SettingSnapshot.OwnerGroup(ownerGroup, ownerGroupNumber),
                    forProfit, active, Instant.now()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                Projections.SettingView.findById(setting) != null));
        return setting;
    }

    static String raise(UUID lot) {
        return given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("""
                {"lotId": "%s", "category": "emergency", "ageBand": "11-15", "sex": "FEMALE",
                 "needs": ["EMOTIONAL_BEHAVIOURAL", "MISSING_EPISODES"], "postcodeDistrict": "PE13",
                 "wantedStart": "2018-11-05", "placementPattern": "WEEKS_52", "expectedDurationWeeks": 52}
                """.formatted(lot)).post("/referrals").then().statusCode(201).extract().path("id");
    }

    /** Raised, checked in-house (none available) and called off with a day to respond. */
    static String calledOff(UUID lot) {
        String referral = raise(lot);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"outcome\":\"NOT_AVAILABLE\"}")
                .post("/referrals/" + referral + "/in-house-check").then().statusCode(200);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON)
                .body("{\"respondBy\":\"" + Instant.parse("2018-10-23T17:00:00Z") + "\"}")
                .post("/referrals/" + referral + "/call-off").then().statusCode(200);
        return referral;
    }

    static String offer(String referral, UUID provider, String core) {
        return given().auth().oauth2(Tokens.forProvider(provider.toString())).contentType(ContentType.JSON).body("""
                {"weeklyFee": {"core": %s, "additionalStaffing": 150.00, "education": 0, "therapy": 81.00},
                 "proposedStart": "2018-11-05", "homeReference": "Home-7", "needsMet": ["EMOTIONAL_BEHAVIOURAL"]}
                """.formatted(core)).post("/referrals/" + referral + "/offers").then().statusCode(201).extract()
                .path("id");
    }
}
