package uk.gov.dps.e2e;

import static uk.gov.dps.e2e.Scenario.as;
import static uk.gov.dps.e2e.Scenario.eventually;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What the portal's browser tests see on their pages, made through the services' public APIs like every scenario:
 * a lot with an admitted provider and one still applying, a referral called off to the admitted provider (its
 * invitation), and a referral of the same council still waiting for its in-house check.
 */
public record PortalData(String lotId, String invitedProvider, String pendingApplication, String calledOffReferral,
        String raisedReferral) {

    public static final String COUNCIL = "cambridgeshire";

    public static void requireStackUp() {
        RunningStack.requireUp();
    }

    public static PortalData create() {
        String commissioner = RunningStack.token("commissioner", COUNCIL);
        String officer = officerToken();
        OnboardedLot lot = OnboardedLot.withProviders(commissioner, "Portal", "Queue");
        String invited = lot.providers().get(0);
        lot.decide(commissioner, invited, "ADMIT");
        eventually("placement-service sees the admitted provider", () -> {
            var response = as("placement-service", officer).get("/lots/" + lot.lotId() + "/eligible-providers");
            return response.statusCode() == 200 && response.jsonPath().getList("items.providerId").contains(invited);
        });
        String calledOff = raise(officer, lot.lotId(), "11-15", true);
        as("placement-service", officer).body("{\"outcome\":\"NOT_AVAILABLE\",\"notes\":\"No in-house carers free\"}")
                .post("/referrals/" + calledOff + "/in-house-check").then().statusCode(200);
        as("placement-service", officer).body("{\"respondBy\":\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}")
                .post("/referrals/" + calledOff + "/call-off").then().statusCode(200);
        String raised = raise(officer, lot.lotId(), "5-10", false);
        return new PortalData(lot.lotId(), invited, lot.application(lot.providers().get(1)), calledOff, raised);
    }

    /** The referral as placement-service tells a Cambridgeshire officer, to check what the browser did. */
    public static String inHouseOutcome(String referral) {
        return as("placement-service", officerToken()).get("/referrals/" + referral).then().statusCode(200).extract()
                .path("inHouseOutcome");
    }

    /** Makes (or refreshes) the provider's demo user, whose user name the browser signs in with. */
    public static String providerUsername(String providerId) {
        RunningStack.TOKENS.userToken("provider", COUNCIL, providerId);
        return "demo-provider-" + COUNCIL + "-" + providerId;
    }

    private static String officerToken() {
        return RunningStack.token("placement-officer", COUNCIL);
    }

    private static String raise(String officer, String lotId, String ageBand, boolean emergency) {
        return as("placement-service", officer).body("""
                {"lotId": "%s", "category": "EMERGENCY", "ageBand": "%s", "sex": "FEMALE",
                 "needs": ["EMOTIONAL_BEHAVIOURAL", "EDUCATION_SUPPORT"], "postcodeDistrict": "CB4", "emergency": %s,
                 "wantedStart": "%s", "placementPattern": "WEEKS_52"}"""
                .formatted(lotId, ageBand, emergency, LocalDate.now().plusDays(3)))
                .post("/referrals").then().statusCode(201).extract().path("id");
    }
}
