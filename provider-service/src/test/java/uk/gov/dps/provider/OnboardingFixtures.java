package uk.gov.dps.provider;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.restassured.http.ContentType;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.lot.LotSnapshot;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.Tokens;

/** Lots as lot-service would announce them, and providers registered through the API. */
final class OnboardingFixtures {

    static final String COMMISSIONER = Tokens.forCouncil("commissioner", "cambridgeshire");

    private OnboardingFixtures() {
    }

    /** Announces a lot on dps.lots and waits until provider-service accepts applications to it. */
    static UUID lot(boolean open, boolean tiered, LocalDate dpsValidTo) {
        UUID lotId = UUID.randomUUID();
        LotSnapshot snapshot = new LotSnapshot(lotId, UUID.randomUUID(), "CCC-PCC-DPS-2018", "LOT2",
                "Independent Fostering Agencies", "IFA", List.of(),
                List.of(new LotSnapshot.Category("EMERGENCY", "Emergency (same day)"),
                        new LotSnapshot.Category("PARENT_AND_CHILD", "Parent and child")),
                List.of("Registered with Ofsted"), tiered, open, List.of("cambridgeshire", "peterborough"),
                LocalDate.of(2018, 11, 1), dpsValidTo);
        try (RawEvents events = new RawEvents(SharedInfrastructure.kafkaBootstrapServers())) {
            events.sendEvent(open ? EventCatalog.LOT_OPENED : EventCatalog.LOT_CLOSED, lotId, snapshot);
        }
        String probe = provider("Probe " + lotId);
        // the lot is known once an application to it is no longer refused as unknown
        await().atMost(Duration.ofSeconds(30)).until(() -> !given().auth().oauth2(COMMISSIONER)
                .contentType(ContentType.JSON).body("{\"lotId\":\"" + lotId + "\",\"categories\":[\"HORSES\"]}")
                .post("/providers/" + probe + "/applications").asString().contains("is not a lot"));
        return lotId;
    }

    static UUID openTieredLot() {
        return lot(true, true, LocalDate.of(2022, 10, 31));
    }

    static String provider(String name) {
        return given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON).body("""
                {"name": "%s", "ofstedUrn": "SC%06d", "postcode": "CB1 1AA",
                 "contacts": [{"name": "Registered manager", "email": "manager@example.org"}]}"""
                .formatted(name, (int) (Math.random() * 999999))).post("/providers")
                .then().statusCode(201).extract().path("id");
    }

    static String apply(String providerId, UUID lotId) {
        return given().auth().oauth2(Tokens.forProvider(providerId)).contentType(ContentType.JSON).body("""
                {"lotId": "%s", "categories": ["emergency"], "requestedTier": "tier_2",
                 "answers": [{"question": "Are you registered with Ofsted?", "answer": "Yes"}],
                 "evidence": [{"type": "EMPLOYERS_LIABILITY_INSURANCE", "reference": "POL-1", "expiresOn": "2019-09-30"}]}
                """.formatted(lotId)).post("/providers/" + providerId + "/applications")
                .then().statusCode(201).extract().path("id");
    }

    static void decide(String applicationId, String outcome, String reasons) {
        given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON)
                .body("{\"outcome\":\"" + outcome + "\",\"reasons\":" + (reasons == null ? "null" : "\"" + reasons + "\"")
                        + "}")
                .post("/applications/" + applicationId + "/decision").then().statusCode(200);
    }
}
