package uk.gov.dps.e2e;

import static uk.gov.dps.e2e.Scenario.as;
import static uk.gov.dps.e2e.Scenario.eventually;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * What the portal's vacancy, settings, invoice and sufficiency journeys start from, made over the services' public
 * APIs: a provider admitted to a lot, running a children's home near Huntingdon (PE29) that belongs to an owner group
 * and takes emergencies, with one open vacancy; on request, a placement with it started two weeks or more ago at
 * £700 a week (so a week's invoice of £700 matches the agreement and one of £760 is flagged).
 */
public record MatchingData(String lotId, String provider, String setting, String settingName, String ownerGroup,
        String ownerGroupNumber, String vacancy) {

    public static final String COUNCIL = "cambridgeshire";
    private static final String PROVIDERS = "provider-service";

    public static void requireStackUp() {
        RunningStack.requireUp();
    }

    public static MatchingData create() {
        String commissioner = RunningStack.token("commissioner", COUNCIL);
        OnboardedLot lot = OnboardedLot.withProviders(commissioner, "Harbour");
        String provider = lot.providers().get(0);
        lot.decide(commissioner, provider, "ADMIT");
        String run = Scenario.unique();
        String name = "Harbour House " + run;
        String group = "Harbour Care Group " + run;
        // 8 characters, 2 letters then 6 digits, as Companies House numbers some groups have
        String number = "HC" + run.substring(1);
        String setting = as(PROVIDERS, Scenario.provider(provider)).body("""
                {"name": "%s", "kind": "CHILDRENS_HOME", "ofstedUrn": "SC%s", "postcode": "PE29 3TN",
                 "registeredPlaces": 4,
                 "profile": {"minAge": 8, "maxAge": 15, "sexes": ["FEMALE", "MALE"],
                   "needs": ["EMOTIONAL_BEHAVIOURAL", "AUTISM"], "emergencyAdmissions": true, "soloPlacement": false},
                 "ownerGroup": {"name": "%s", "companiesHouseNumber": "%s"}, "forProfit": true}"""
                .formatted(name, run.substring(1), group, number))
                .post("/providers/" + provider + "/settings").then().statusCode(201).extract().path("id");
        MatchingData data = new MatchingData(lot.lotId(), provider, setting, name, group, number, null);
        return new MatchingData(lot.lotId(), provider, setting, name, group, number, data.declareVacancy(1, false));
    }

    /** A vacancy at the setting, declared over REST as the provider's own system would. */
    public String declareVacancy(int places, boolean emergency) {
        return as(PROVIDERS, Scenario.provider(provider)).body("""
                {"places": %d, "availableFrom": "%s", "emergency": %s}""".formatted(places,
                LocalDate.now().plusDays(2), emergency))
                .post("/providers/" + provider + "/settings/" + setting + "/vacancies").then().statusCode(201)
                .extract().path("id");
    }

    public void withdrawVacancy(String vacancyId, String reason) {
        as(PROVIDERS, Scenario.provider(provider)).body("{\"reason\": \"" + reason + "\"}")
                .post("/providers/" + provider + "/vacancies/" + vacancyId + "/withdraw").then().statusCode(200);
    }

    /** The vacancy as provider-service tells its provider: OPEN or WITHDRAWN, to check what the browser did. */
    public String vacancyStatus(String vacancyId) {
        var rows = as(PROVIDERS, Scenario.provider(provider)).get("/vacancies?includeStale=true&size=100").then()
                .statusCode(200).extract().jsonPath();
        return rows.getList("items.vacancy.id").contains(vacancyId) ? "OPEN" : "WITHDRAWN";
    }

    /**
     * A placement with the provider, awarded and started on a Monday two weeks or more ago at £700 a week, known to
     * spend-service; answers its first day (a week from it is £700 by the agreement).
     */
    public Placed placement() {
        String officer = RunningStack.token("placement-officer", COUNCIL);
        eventually("placement-service sees the member", () -> {
            var response = as("placement-service", officer).get("/lots/" + lotId + "/eligible-providers");
            return response.statusCode() == 200 && response.jsonPath().getList("items.providerId").contains(provider);
        });
        LocalDate monday = LocalDate.now().minusDays(14).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        // the invoiced week must lie in one financial year
        LocalDate start = monday.getMonthValue() == 3 && monday.plusDays(6).getMonthValue() == 4
                ? monday.minusDays(7) : monday;
        String referral = as("placement-service", officer).body("""
                {"lotId": "%s", "category": "EMERGENCY", "ageBand": "11-15", "sex": "MALE",
                 "needs": ["EMOTIONAL_BEHAVIOURAL"], "postcodeDistrict": "PE13", "wantedStart": "%s",
                 "placementPattern": "WEEKS_52"}""".formatted(lotId, start)).post("/referrals").then().statusCode(201)
                .extract().path("id");
        as("placement-service", officer).body("{\"outcome\":\"NOT_AVAILABLE\"}")
                .post("/referrals/" + referral + "/in-house-check").then().statusCode(200);
        as("placement-service", officer).body("{\"respondBy\":\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"}")
                .post("/referrals/" + referral + "/call-off").then().statusCode(200);
        String offer = as("placement-service", Scenario.provider(provider)).body("""
                {"weeklyFee": {"core": 700.00, "additionalStaffing": 0, "education": 0, "therapy": 0},
                 "proposedStart": "%s", "homeReference": "Harbour-1", "needsMet": ["EMOTIONAL_BEHAVIOURAL"],
                 "settingId": "%s"}""".formatted(start, setting)).post("/referrals/" + referral + "/offers").then()
                .statusCode(201).extract().path("id");
        String placement = as("placement-service", officer).body("""
                {"offerId": "%s", "plannedStart": "%s", "fundingShares": [{"stream": "LAC_PLACEMENTS", "percent": 100}],
                 "noticeReference": "E2E-CONTRACT-AWARD-NOTICE"}""".formatted(offer, start))
                .post("/referrals/" + referral + "/award").then().statusCode(201).extract().path("id");
        // spend-service learns of the placement from dps.placements: until then an invoice for it is 404; then a
        // period years before it is refused as outside it (422), and nothing is recorded
        eventually("spend-service tracks the placement", () -> as("spend-service", Scenario.provider(provider))
                .body("""
                        {"invoiceNumber": "PROBE-%s", "placementId": "%s", "periodFrom": "%s", "periodTo": "%s",
                         "amount": 0}""".formatted(Scenario.unique(), placement, start.minusYears(5),
                        start.minusYears(5))).post("/invoices").statusCode() == 422);
        return new Placed(placement, start);
    }

    /** A placement made for the journeys, and the day it started. */
    public record Placed(String id, LocalDate start) {
    }
}
