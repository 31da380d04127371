package uk.gov.dps.e2e;

import static uk.gov.dps.e2e.Scenario.as;
import static uk.gov.dps.e2e.Scenario.eventually;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What the portal's commissioner and provider journeys start from, made through the services' public APIs: a lot
 * with a member the commissioner suspends and reinstates, a provider still applying (the decision is taken in the
 * browser), and an admitted provider with an invitation still to answer and a placement already awarded to it.
 */
public record MarketData(String dpsId, String lotId, String applicant, String application, String member,
        String memberName, String invitedProvider, String openReferral, String placement) {

    public static final String COUNCIL = "cambridgeshire";

    public static MarketData create() {
        String commissioner = RunningStack.token("commissioner", COUNCIL);
        String officer = RunningStack.token("placement-officer", COUNCIL);
        OnboardedLot lot = OnboardedLot.withProviders(commissioner, "Offering", "Applying", "Member");
        String invited = lot.providers().get(0);
        String applicant = lot.providers().get(1);
        String member = lot.providers().get(2);
        lot.decide(commissioner, invited, "ADMIT");
        lot.decide(commissioner, member, "ADMIT");
        eventually("lot-service lists the admitted members", () -> {
            var response = as("lot-service", commissioner).get("/lots/" + lot.lotId() + "/members?status=ALL");
            return response.statusCode() == 200
                    && response.jsonPath().getList("items.providerId").containsAll(java.util.List.of(invited, member));
        });
        eventually("placement-service sees the admitted providers", () -> {
            var response = as("placement-service", officer).get("/lots/" + lot.lotId() + "/eligible-providers");
            return response.statusCode() == 200
                    && response.jsonPath().getList("items.providerId").containsAll(java.util.List.of(invited, member));
        });
        String memberName = as("provider-service", commissioner).get("/providers/" + member).then().statusCode(200)
                .extract().path("name");

        // one call-off the provider answers in the browser
        String open = calledOff(officer, lot.lotId(), "11-15");
        // and one it already won: its placement
        String won = calledOff(officer, lot.lotId(), "5-10");
        String offer = as("placement-service", Scenario.provider(invited)).body("""
                {"weeklyFee": {"core": 1180.00, "additionalStaffing": 120.00, "education": 0, "therapy": 75.50},
                 "proposedStart": "%s", "homeReference": "Willow House", "needsMet": ["EMOTIONAL_BEHAVIOURAL"]}"""
                .formatted(LocalDate.now().plusDays(3))).post("/referrals/" + won + "/offers").then().statusCode(201)
                .extract().path("id");
        String placement = as("placement-service", officer).body("""
                {"offerId": "%s", "fundingShares": [{"stream": "LAC_PLACEMENTS", "percent": 100}],
                 "noticeReference": "E2E-CONTRACT-AWARD-NOTICE"}"""
                .formatted(offer)).post("/referrals/" + won + "/award").then().statusCode(201).extract()
                .path("id");
        return new MarketData(lot.dpsId(), lot.lotId(), applicant, lot.application(applicant), member, memberName,
                invited, open, placement);
    }

    /** The application as provider-service tells the commissioner, to check what the browser did. */
    public String applicationStatus() {
        return as("provider-service", RunningStack.token("commissioner", COUNCIL)).get("/applications/" + application)
                .then().statusCode(200).extract().path("status");
    }

    /** The member's status in the lot as provider-service holds it. */
    public String membershipStatus() {
        return as("provider-service", RunningStack.token("commissioner", COUNCIL)).get("/providers/" + member)
                .then().statusCode(200).extract().path("memberships.find { it.lotId == '" + lotId + "' }.status");
    }

    /** The invited provider's own answers to the open call-off. */
    public String ownOfferTotal() {
        Object total = as("placement-service", Scenario.provider(invitedProvider))
                .get("/referrals/" + openReferral + "/offers").then().statusCode(200).extract()
                .path("find { it.kind == 'OFFER' }.weeklyFee.total");
        return total == null ? null : total.toString();
    }

    private static String calledOff(String officer, String lotId, String ageBand) {
        String referral = as("placement-service", officer).body("""
                {"lotId": "%s", "category": "EMERGENCY", "ageBand": "%s", "sex": "MALE",
                 "needs": ["EMOTIONAL_BEHAVIOURAL", "AUTISM"], "postcodeDistrict": "PE1", "emergency": false,
                 "wantedStart": "%s", "placementPattern": "WEEKS_52"}"""
                .formatted(lotId, ageBand, LocalDate.now().plusDays(3)))
                .post("/referrals").then().statusCode(201).extract().path("id");
        as("placement-service", officer).body("{\"outcome\":\"NOT_AVAILABLE\",\"notes\":\"No in-house carers\"}")
                .post("/referrals/" + referral + "/in-house-check").then().statusCode(200);
        as("placement-service", officer).body("{\"respondBy\":\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}")
                .post("/referrals/" + referral + "/call-off").then().statusCode(200);
        return referral;
    }
}
