package uk.gov.dps.placement;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static uk.gov.dps.placement.CallOffFixtures.OFFICER;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.lot.LotSnapshot;
import uk.gov.dps.events.lot.PurchasingSystemEstablished;
import uk.gov.dps.events.provider.ProviderAdmittedToLot;
import uk.gov.dps.placement.domain.Projections;
import uk.gov.dps.placement.domain.RegimeTerms;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.SharedInfrastructure;

/**
 * A call-off respects its DPS as lot-service announces it: the regime (no cascade under PCR 2015), the DPS's
 * validity and the lot being open. The test clock stands at 22 October 2018.
 */
@QuarkusTest
class RegimeCallOffTest {

    private static final LocalDate FROM = LocalDate.of(2018, 10, 1);
    private static final LocalDate TO = LocalDate.of(2022, 9, 30);

    /** A tiered lot of a DPS under {@code regime}, with one member in each of two tiers. */
    private static UUID lot(String regime, LocalDate from, LocalDate to, boolean open) {
        UUID dps = UUID.randomUUID();
        UUID lot = UUID.randomUUID();
        try (RawEvents events = new RawEvents(SharedInfrastructure.kafkaBootstrapServers())) {
            events.sendEvent(EventCatalog.PURCHASING_SYSTEM_ESTABLISHED, dps, new PurchasingSystemEstablished(dps,
                    "R-" + dps, "Regime test", regime, List.of("cambridgeshire"), from, to));
            LotSnapshot snapshot = new LotSnapshot(lot, dps, "R-" + dps, "LOT2", "IFA", "IFA", List.of(),
                    List.of(new LotSnapshot.Category("EMERGENCY", "Emergency (same day)")), List.of(), true, true,
                    List.of("cambridgeshire"), from, to);
            events.sendEvent(EventCatalog.LOT_OPENED, lot, snapshot);
            if (!open) {
                events.sendEvent(EventCatalog.LOT_CLOSED, lot, new LotSnapshot(lot, dps, "R-" + dps, "LOT2", "IFA",
                        "IFA", List.of(), snapshot.categories(), List.of(), true, false, List.of("cambridgeshire"),
                        from, to));
            }
            for (String tier : List.of("TIER_1", "TIER_2")) {
                UUID provider = UUID.randomUUID();
                events.sendEvent(EventCatalog.PROVIDER_ADMITTED_TO_LOT, provider, new ProviderAdmittedToLot(provider,
                        "Agency " + tier, lot, UUID.randomUUID(), List.of("EMERGENCY"), tier, Instant.now()));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            RegimeTerms.LotTerms terms = RegimeTerms.LotTerms.findById(lot);
            return RegimeTerms.DpsRegime.findById(dps) != null && terms != null && terms.open == open
                    && Projections.LotMember.count("lotId", lot) == 2;
        }));
        return lot;
    }

    private static ValidatableResponse callOff(UUID lot, String body) {
        String referral = CallOffFixtures.raise(lot);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"outcome\":\"NOT_AVAILABLE\"}")
                .post("/referrals/" + referral + "/in-house-check").then().statusCode(200);
        return given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(body)
                .post("/referrals/" + referral + "/call-off").then();
    }

    private static final String CASCADE = "{\"cascadeWindow\":\"PT4H\"}";
    private static final String ALL_AT_ONCE = "{\"respondBy\":\"2018-10-23T17:00:00Z\"}";

    @Test
    void aPcr2015DpsInvitesEveryMemberAtOnceWhileALightTouchOneMayCascade() {
        UUID pcr = lot("PCR2015_DPS", FROM, TO, true);
        callOff(pcr, CASCADE).statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("PCR 2015 reg. 34"));
        callOff(pcr, ALL_AT_ONCE).statusCode(200).body("size()", equalTo(2));

        callOff(lot("LIGHT_TOUCH_PSEUDO_DPS", FROM, TO, true), CASCADE).statusCode(200).body("size()", equalTo(1))
                .body("[0].tier", equalTo("TIER_1"));
        callOff(lot("PA2023_DYNAMIC_MARKET", FROM, TO, true), CASCADE).statusCode(200).body("size()", equalTo(1));
    }

    @Test
    void aCallOffOutsideTheDpsValidityOrOnAClosedLotIsRefusedWithTheRule() {
        callOff(lot("LIGHT_TOUCH_PSEUDO_DPS", LocalDate.of(2019, 1, 1), TO, true), ALL_AT_ONCE).statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("only while its DPS is valid"));
        callOff(lot("LIGHT_TOUCH_PSEUDO_DPS", LocalDate.of(2014, 1, 1), LocalDate.of(2018, 10, 21), true),
                ALL_AT_ONCE).statusCode(422).body("detail", containsString("2018-10-21"));
        callOff(lot("PA2023_DYNAMIC_MARKET", FROM, TO, false), ALL_AT_ONCE).statusCode(422)
                .contentType("application/problem+json").body("detail", containsString("only on an open lot"));
    }

    @Test
    void aRefusedCallOffInvitesNobodyAndLeavesTheReferralAsItWas() {
        UUID pcr = lot("PCR2015_DPS", FROM, TO, true);
        String referral = CallOffFixtures.raise(pcr);
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body("{\"outcome\":\"NOT_AVAILABLE\"}")
                .post("/referrals/" + referral + "/in-house-check").then().statusCode(200);
        String before = given().auth().oauth2(OFFICER).get("/referrals/" + referral).then().statusCode(200)
                .extract().path("status");
        given().auth().oauth2(OFFICER).contentType(ContentType.JSON).body(CASCADE)
                .post("/referrals/" + referral + "/call-off").then().statusCode(422);
        given().auth().oauth2(OFFICER).get("/referrals/" + referral).then().body("status", equalTo(before));
        given().auth().oauth2(OFFICER).get("/referrals/" + referral + "/invitations").then().statusCode(200)
                .body("size()", equalTo(0));
    }
}
