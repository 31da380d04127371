package uk.gov.dps.e2e;

import static uk.gov.dps.e2e.Scenario.as;
import static uk.gov.dps.e2e.Scenario.eventually;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What the placement officer's and the panel's browser journeys start from, made over the services' public APIs:
 * a lot with two admitted providers (who make offers over REST once the officer has called a referral off in the
 * browser), and an award above the panel threshold waiting in the County Resourcing Panel's queue.
 */
public record OfficerData(String lotId, String willow, String oak, String panelRequest, String panelReferral) {

    public static final String COUNCIL = "cambridgeshire";

    public static OfficerData create() {
        RunningStack.requireUp();
        String commissioner = RunningStack.token("commissioner", COUNCIL);
        String officer = officerToken();
        OnboardedLot lot = OnboardedLot.withProviders(commissioner, "Willow", "Oak");
        String willow = lot.providers().get(0);
        String oak = lot.providers().get(1);
        lot.decide(commissioner, willow, "ADMIT");
        lot.decide(commissioner, oak, "ADMIT");
        eventually("placement-service sees both admitted providers", () -> {
            var response = as("placement-service", officer).get("/lots/" + lot.lotId() + "/eligible-providers");
            return response.statusCode() == 200
                    && response.jsonPath().getList("items.providerId").containsAll(java.util.List.of(willow, oak));
        });

        // an award the panel must decide: a weekly cost above the threshold (£4,000)
        String referral = as("placement-service", officer).body("""
                {"lotId": "%s", "category": "EMERGENCY", "ageBand": "16-17", "sex": "MALE",
                 "needs": ["COMPLEX_MENTAL_HEALTH"], "postcodeDistrict": "PE13", "emergency": false,
                 "wantedStart": "%s", "placementPattern": "WEEKS_52"}""".formatted(lot.lotId(),
                LocalDate.now().plusDays(7))).post("/referrals").then().statusCode(201).extract().path("id");
        as("placement-service", officer).body("{\"outcome\":\"NOT_AVAILABLE\"}")
                .post("/referrals/" + referral + "/in-house-check").then().statusCode(200);
        as("placement-service", officer).body("{\"respondBy\":\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}")
                .post("/referrals/" + referral + "/call-off").then().statusCode(200);
        String offer = offer(referral, oak, "5200.00");
        String panelRequest = as("placement-service", officer).body("""
                {"offerId": "%s", "fundingShares": [{"stream": "LAC_PLACEMENTS", "percent": 70},
                 {"stream": "HEALTH", "percent": 30}], "noticeReference": "E2E-CONTRACT-AWARD-NOTICE"}""".formatted(offer))
                .post("/referrals/" + referral + "/award").then().statusCode(202).extract().path("id");
        return new OfficerData(lot.lotId(), willow, oak, panelRequest, referral);
    }

    /** A provider's offer on a referral it was invited to, over REST as its own system would. */
    public static String offer(String referral, String provider, String core) {
        return as("placement-service", Scenario.provider(provider)).body("""
                {"weeklyFee": {"core": %s, "additionalStaffing": 0, "education": 0, "therapy": 0},
                 "proposedStart": "%s", "homeReference": "Home-7", "needsMet": ["EMOTIONAL_BEHAVIOURAL"]}"""
                .formatted(core, LocalDate.now().plusDays(3)))
                .post("/referrals/" + referral + "/offers").then().statusCode(201).extract().path("id");
    }

    /** The referral as placement-service tells a Cambridgeshire officer: to check what the browser did. */
    public static String status(String referral) {
        return as("placement-service", officerToken()).get("/referrals/" + referral).then().statusCode(200)
                .extract().path("status");
    }

    private static String officerToken() {
        return RunningStack.token("placement-officer", COUNCIL);
    }
}
