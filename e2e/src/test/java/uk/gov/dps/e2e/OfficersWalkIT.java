package uk.gov.dps.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.dps.e2e.Scenario.as;
import static uk.gov.dps.e2e.Scenario.eventually;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import uk.gov.dps.cli.KeycloakTokens;

/**
 * Issue 13's walk, as the council's officers and panel do it over REST with real Keycloak tokens, on light-touch
 * pseudo-DPSs: a special-school award the County Resourcing Panel refuses and then approves on re-submission (spend
 * commits only then); an IFA referral that goes unmet and ends in a spot purchase linked to it; an award of the
 * second-ranked offer, refused without a justification and kept with one; an end with a valid SSDA903 REC code after
 * one refused for a placement type withdrawn from 2025-26; and each one's audit: who, when, what and why.
 */
class OfficersWalkIT {

    private static final String COUNCIL = "cambridgeshire";
    private static final JsonPathConfig EXACT = new JsonPathConfig(JsonPathConfig.NumberReturnType.BIG_DECIMAL);

    private static String commissioner;
    private static String officer;
    private static String panel;
    private static String finance;

    @BeforeAll
    static void stackIsUp() {
        RunningStack.requireUp();
        commissioner = RunningStack.token("commissioner", COUNCIL);
        officer = RunningStack.token("placement-officer", COUNCIL);
        panel = RunningStack.token("panel", COUNCIL);
        finance = RunningStack.token("finance-officer", COUNCIL);
    }

    @Test
    void specialSchoolAwardRefusedByThePanelThenApprovedOnResubmission() {
        Market market = Market.lightTouch("SPECIAL_SCHOOL", "SEMH", "Oak");
        String school = market.providers().get(0);
        LocalDate start = nextFinancialYearMonday();
        int year = financialYear(start);
        long days = ChronoUnit.DAYS.between(start, LocalDate.of(year + 1, 3, 31)) + 1;
        // the lot's own High Needs Block line: what spend-service commits for this placement and nothing else
        String hnb = as("spend-service", finance).body("""
                {"financialYear": %d, "fundingStream": "HIGH_NEEDS_BLOCK", "name": "Special schools (e2e walk)",
                 "amount": %d, "lotId": "%s"}""".formatted(year, 700 * days, market.lotId()))
                .post("/budgets").then().statusCode(201).extract().path("id");

        String referral = calledOff(market, "SEMH", start, Instant.now().plus(1, ChronoUnit.DAYS));
        // £4,200 a week (£600 a day): above the panel's £4,000 threshold, and a special school
        String offer = offer(referral, school, "4200.00", start);

        Response first = award(referral, offer, null, "HIGH_NEEDS_BLOCK");
        first.then().statusCode(202).body("status", equalTo("PENDING")).body("placementId", nullValue());
        String refused = first.path("id");
        assertEquals(List.of("A special-school placement without a recorded parental preference",
                "A weekly cost of £4200.00 is above the panel threshold of £4000.00"), first.jsonPath().getList("reasons"));
        as("placement-service", officer).get("/referrals/" + referral).then().body("status", equalTo("AWAITING_PANEL"));
        as("placement-service", panel).get("/panel-requests?status=PENDING&referral=" + referral).then()
                .statusCode(200).body("items.id", equalTo(List.of(refused)));

        // only the council's own panel decides: an officer (no panel role) and Peterborough's panel get 403
        String approve = "{\"decision\":\"APPROVED\",\"reasons\":\"Agreed\"}";
        as("placement-service", officer).body(approve).post("/panel-requests/" + refused + "/decision").then()
                .statusCode(403).contentType("application/problem+json");
        as("placement-service", RunningStack.token("panel", "peterborough")).body(approve)
                .post("/panel-requests/" + refused + "/decision").then().statusCode(403)
                .contentType("application/problem+json");
        as("placement-service", panel).get("/panel-requests/" + refused).then().statusCode(200)
                .body("request.status", equalTo("PENDING")).body("request.decidedBy", nullValue());
        as("placement-service", officer).get("/referrals/" + referral).then().body("status", equalTo("AWAITING_PANEL"));

        String refusal = "The school's 52-week place is free a week later: start then, not in a temporary room";
        as("placement-service", panel).body("{\"decision\":\"REFUSED\",\"reasons\":\"" + refusal + "\"}")
                .post("/panel-requests/" + refused + "/decision").then().statusCode(200)
                .body("status", equalTo("REFUSED")).body("placementId", nullValue());
        // refused: no placement, the referral open for another award, nothing committed
        as("placement-service", officer).get("/referrals/" + referral).then().body("status", equalTo("CALLED_OFF"));
        assertTrue(placementsOf(referral).isEmpty(), "a refused panel request makes no placement");
        assertEquals(0, BigDecimal.ZERO.compareTo(position(hnb).get("committed")), "nothing committed on a refusal");

        // re-submitted as the panel asked, a week later: a new request for the panel (a parental preference would
        // skip it: PanelRule takes a special school named by preference as the award's basis, whatever its cost)
        LocalDate later = start.plusWeeks(1);
        Response again = as("placement-service", officer).body("""
                {"offerId": "%s", "plannedStart": "%s", "fundingShares": [{"stream": "HIGH_NEEDS_BLOCK", "percent": 100}]}"""
                .formatted(offer, later)).post("/referrals/" + referral + "/award");
        again.then().statusCode(202).body("status", equalTo("PENDING")).body("plannedStart", equalTo(later.toString()));
        String approved = again.path("id");
        assertFalse(approved.equals(refused), "a re-submission is a new request");
        assertEquals(2, again.jsonPath().getList("reasons").size());
        String approval = "Starts when the 52-week place is free; the cost is needs-led";
        String placement = as("placement-service", panel)
                .body("{\"decision\":\"APPROVED\",\"reasons\":\"" + approval + "\"}")
                .post("/panel-requests/" + approved + "/decision").then().statusCode(200)
                .body("status", equalTo("APPROVED")).extract().path("placementId");
        assertNotNull(placement);
        as("placement-service", officer).get("/placements/" + placement).then().statusCode(200)
                .body("status", equalTo("AWARDED")).body("referralId", equalTo(referral))
                .body("providerId", equalTo(school)).body("weeklyFee.total", equalTo(4200.0f))
                .body("panelApprovalReference", equalTo(approved)).body("plannedStart", equalTo(later.toString()));
        as("placement-service", officer).get("/referrals/" + referral).then().body("status", equalTo("AWARDED"));
        as("placement-service", panel).body(approve).post("/panel-requests/" + approved + "/decision").then()
                .statusCode(409);
        // £600 a day from the approved start to 31 March, all High Needs Block
        awaitCommitted(hnb, 600 * (days - 7));

        // the referral's audit tells the story: who asked the panel, who refused and why, the approval and award
        List<Map<String, Object>> trail = audit("/referrals/" + referral + "/audit");
        List<String> actions = actions(trail);
        assertEquals(List.of("RAISED", "IN_HOUSE_NOT_AVAILABLE", "CALLED_OFF", "OFFERED", "PANEL_REQUESTED",
                "PANEL_REFUSED", "PANEL_REQUESTED"), actions.subList(0, 7), actions.toString());
        // the approval and the award it makes are one transaction: both, in either order
        assertEquals(Set.of("PANEL_APPROVED", "AWARDED"), Set.copyOf(actions.subList(7, actions.size())),
                actions.toString());
        assertEquals(9, actions.size(), actions.toString());
        Map<String, Object> refusedEntry = entry(trail, "PANEL_REFUSED", 0);
        assertEquals(username(panel), refusedEntry.get("actor"));
        assertEquals(COUNCIL, refusedEntry.get("actorCouncil"));
        assertEquals(refusal, refusedEntry.get("reason"));
        assertNotNull(refusedEntry.get("at"));
        assertEquals(username(officer), entry(trail, "PANEL_REQUESTED", 1).get("actor"));
        assertEquals(approval, entry(trail, "PANEL_APPROVED", 0).get("reason"));
        assertEquals(placement, details(entry(trail, "PANEL_APPROVED", 0)).get("placementId"));
        assertEquals(providerUser(school), entry(trail, "OFFERED", 0).get("actor"));
        assertEquals(approved, details(entry(trail, "AWARDED", 0)).get("panelRequestId"));
        // and the placement's own audit says how it was made: awarded by the officer on the panel's approval
        List<Map<String, Object>> placementTrail = audit("/placements/" + placement + "/audit");
        Map<String, Object> made = entry(placementTrail, "AWARDED", 0);
        assertEquals(approved, details(made).get("panelRequestId"));
        assertEquals(username(officer), details(made).get("awardedBy"));
        assertEquals(username(panel), made.get("actor"));
    }

    @Test
    void unmetIfaReferralEndsInALinkedSpotPurchase() {
        Market market = Market.lightTouch("IFA", "EMERGENCY", "Ash", "Elm");
        String declining = market.providers().get(0);
        String withdrawing = market.providers().get(1);
        LocalDate start = nextFinancialYearMonday();
        // a short window: one provider declines, the other offers and withdraws before it closes
        Instant respondBy = Instant.now().plusSeconds(10);
        String referral = calledOff(market, "EMERGENCY", start, respondBy);
        as("placement-service", Scenario.provider(declining))
                .body("{\"reason\":\"NO_VACANCY\",\"detail\":\"All carers matched\"}")
                .post("/referrals/" + referral + "/declines").then().statusCode(201);
        String offer = offer(referral, withdrawing, "900.00", start);
        String withdrawal = "The carers' own circumstances changed";
        as("placement-service", Scenario.provider(withdrawing)).body("{\"reason\":\"" + withdrawal + "\"}")
                .post("/referrals/" + referral + "/offers/" + offer + "/withdrawal").then().statusCode(200);

        String unmetReason = "No IFA on the DPS could offer a suitable emergency placement in the window";
        eventually("the call-off's deadline passes and the referral closes unmet", () -> as("placement-service",
                officer).body("{\"reason\":\"" + unmetReason + "\"}").post("/referrals/" + referral + "/unmet")
                .statusCode() == 200);
        as("placement-service", officer).get("/referrals/" + referral).then().body("status", equalTo("UNMET"))
                .body("closedReason", equalTo(unmetReason)).body("spotPurchaseId", nullValue());

        String exemptionReason = "Unmet on the DPS: emergency IFA placement needed off-framework";
        String exemption = as("placement-service", commissioner).body("""
                {"serviceType": "IFA", "reason": "%s", "contractBasis": "Spot contract on the council's IPA terms",
                 "validUntil": "%s"}""".formatted(exemptionReason, start.plusMonths(2)))
                .post("/exemptions").then().statusCode(201).extract().path("id");
        String spotProvider = as("provider-service", commissioner).body("""
                {"name": "Spot Fostering %s", "ofstedUrn": "SC%s", "postcode": "PE13 1AA"}"""
                .formatted(Scenario.unique(), Scenario.unique())).post("/providers").then().statusCode(201).extract()
                .path("id");
        // £1,050 a week = £150 a day, all LAC placements
        String spot = as("placement-service", officer).body("""
                {"exemptionId": "%s", "providerId": "%s", "providerName": "Spot Fostering", "weeklyFee":
                 {"core": 1050.00, "additionalStaffing": 0, "education": 0, "therapy": 0},
                 "placementPattern": "WEEKS_52", "startDate": "%s",
                 "fundingShares": [{"stream": "LAC_PLACEMENTS", "percent": 100}], "referralId": "%s"}"""
                .formatted(exemption, spotProvider, start, referral)).post("/spot-purchases").then().statusCode(201)
                .body("basis", equalTo("SPOT_PURCHASE")).body("referralId", equalTo(referral))
                .body("exemptionId", equalTo(exemption)).extract().path("id");
        // seen from the referral, once only
        as("placement-service", officer).get("/referrals/" + referral).then().body("status", equalTo("UNMET"))
                .body("spotPurchaseId", equalTo(spot));

        // in spend: off-contract, the whole year's cost from the start
        int year = financialYear(start);
        long days = ChronoUnit.DAYS.between(start, LocalDate.of(year + 1, 3, 31)) + 1;
        BigDecimal expected = BigDecimal.valueOf(150 * days).setScale(2);
        eventually("spend-service commits the spot purchase £" + expected + " off contract", () -> {
            JsonPath row = providerSpend(year, spotProvider);
            return row != null && expected.compareTo(row.get("committed")) == 0
                    && expected.compareTo(row.get("offContractCommitted")) == 0;
        });

        List<Map<String, Object>> trail = audit("/referrals/" + referral + "/audit");
        assertEquals(List.of("RAISED", "IN_HOUSE_NOT_AVAILABLE", "CALLED_OFF", "DECLINED", "OFFERED",
                "OFFER_WITHDRAWN", "UNMET", "SPOT_PURCHASED"), actions(trail));
        assertEquals("NO_VACANCY", entry(trail, "DECLINED", 0).get("reason"));
        assertEquals(providerUser(declining), entry(trail, "DECLINED", 0).get("actor"));
        assertEquals(withdrawal, entry(trail, "OFFER_WITHDRAWN", 0).get("reason"));
        assertEquals(unmetReason, entry(trail, "UNMET", 0).get("reason"));
        assertEquals(username(officer), entry(trail, "UNMET", 0).get("actor"));
        assertEquals(spot, details(entry(trail, "SPOT_PURCHASED", 0)).get("placementId"));
        assertEquals(exemption, details(entry(trail, "SPOT_PURCHASED", 0)).get("exemptionId"));

        List<Map<String, Object>> exemptionTrail = audit("/exemptions/" + exemption + "/audit");
        assertEquals(List.of("GRANTED", "SPOT_PURCHASE"), actions(exemptionTrail));
        assertEquals(username(commissioner), entry(exemptionTrail, "GRANTED", 0).get("actor"));
        assertEquals(exemptionReason, entry(exemptionTrail, "GRANTED", 0).get("reason"));
        assertEquals(username(officer), entry(exemptionTrail, "SPOT_PURCHASE", 0).get("actor"));
        assertEquals(referral, details(entry(exemptionTrail, "SPOT_PURCHASE", 0)).get("referralId"));
        List<Map<String, Object>> placementTrail = audit("/placements/" + spot + "/audit");
        assertEquals(exemption, details(entry(placementTrail, "SPOT_PURCHASED", 0)).get("exemptionId"));
    }

    @Test
    void secondRankedOfferNeedsAJustificationAndTheEndItsCodes() {
        Market market = Market.lightTouch("IFA", "EMERGENCY", "Beech", "Cedar");
        String cheaper = market.providers().get(0);
        String dearer = market.providers().get(1);
        LocalDate start = LocalDate.now().plusDays(3);
        String referral = calledOff(market, "EMERGENCY", start, Instant.now().plus(1, ChronoUnit.DAYS));
        String first = offer(referral, cheaper, "800.00", start);
        String second = offer(referral, dearer, "950.00", start);
        as("placement-service", officer).get("/referrals/" + referral + "/evaluation").then().statusCode(200)
                .body("find { it.rank == 1 }.offerId", equalTo(first))
                .body("find { it.rank == 2 }.offerId", equalTo(second));

        // the second-ranked offer without a reason: 400 naming the field, nothing made
        award(referral, second, null, "LAC_PLACEMENTS").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("justification"));
        award(referral, second, "   ", "LAC_PLACEMENTS").then().statusCode(400)
                .body("errors.field", hasItem("justification"));
        as("placement-service", officer).get("/referrals/" + referral).then().body("status", equalTo("CALLED_OFF"));
        assertTrue(placementsOf(referral).isEmpty(), "a refused award makes no placement");

        String justification = "The cheaper carers live 40 miles from the child's school; these carers keep the child"
                + " at the same school";
        String placement = award(referral, second, justification, "LAC_PLACEMENTS").then().statusCode(201)
                .body("providerId", equalTo(dearer)).body("justification", equalTo(justification))
                .body("placementType", equalTo("U6")).extract().path("id");
        as("placement-service", officer).get("/placements/" + placement).then()
                .body("justification", equalTo(justification)).body("weeklyFee.total", equalTo(950.0f));
        List<Map<String, Object>> trail = audit("/referrals/" + referral + "/audit");
        assertEquals(List.of("RAISED", "IN_HOUSE_NOT_AVAILABLE", "CALLED_OFF", "OFFERED", "OFFERED", "AWARDED"),
                actions(trail));
        Map<String, Object> awarded = entry(trail, "AWARDED", 0);
        assertEquals(justification, awarded.get("reason"));
        assertEquals(username(officer), awarded.get("actor"));
        assertEquals(second, details(awarded).get("offerId"));

        // ending it: PLACE Z1 was withdrawn after 2024-25, so re-coding the placement with it is refused
        LocalDate end = start.plusDays(27);
        as("placement-service", officer).body("""
                {"endDate": "%s", "endType": "PLANNED", "reasonEpisodeCeased": "E4A", "placementType": "Z1"}"""
                .formatted(end)).post("/placements/" + placement + "/end").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("placementType"))
                .body("errors.find { it.field == 'placementType' }.message",
                        org.hamcrest.Matchers.containsString("withdrawn after 2024-25"));
        // an unknown REC is refused too
        as("placement-service", officer).body("""
                {"endDate": "%s", "endType": "PLANNED", "reasonEpisodeCeased": "E99"}""".formatted(end))
                .post("/placements/" + placement + "/end").then().statusCode(400)
                .body("errors.field", hasItem("reasonEpisodeCeased"));
        as("placement-service", officer).get("/placements/" + placement).then().body("status", equalTo("AWARDED"))
                .body("endDate", nullValue()).body("reasonEpisodeCeased", nullValue()).body("placementType", equalTo("U6"));
        // E4A: returned home to parents as part of the care plan, valid in the end's collection year
        as("placement-service", officer).body("""
                {"endDate": "%s", "endType": "PLANNED", "reasonEpisodeCeased": "E4A"}""".formatted(end))
                .post("/placements/" + placement + "/end").then().statusCode(200).body("status", equalTo("ENDED"))
                .body("endDate", equalTo(end.toString())).body("reasonEpisodeCeased", equalTo("E4A"))
                .body("placementType", equalTo("U6"));

        List<Map<String, Object>> placementTrail = audit("/placements/" + placement + "/audit");
        assertEquals(List.of("AWARDED", "ENDED"), actions(placementTrail));
        assertEquals(justification, entry(placementTrail, "AWARDED", 0).get("reason"));
        Map<String, Object> ended = entry(placementTrail, "ENDED", 0);
        assertEquals("E4A", ended.get("reason"));
        assertEquals(username(officer), ended.get("actor"));
        assertEquals(end.toString(), details(ended).get("endDate"));
        assertEquals("E4A", details(ended).get("reasonEpisodeCeased"));
        // providers never read the council's audit
        as("placement-service", Scenario.provider(dearer)).get("/placements/" + placement + "/audit").then()
                .statusCode(403);
    }

    /** A light-touch pseudo-DPS with one untiered lot and providers admitted to it, as placement-service sees it. */
    record Market(String lotId, List<String> providers) {

        static Market lightTouch(String serviceType, String category, String... names) {
            String run = Scenario.unique();
            LocalDate today = LocalDate.now();
            String dpsId = as("lot-service", commissioner).body("""
                    {"reference": "E2E-WALK-%s", "title": "Children's placements (e2e walk %s)",
                     "regime": "LIGHT_TOUCH_PSEUDO_DPS", "councils": ["cambridgeshire", "peterborough"],
                     "validFrom": "%s", "validTo": "%s"}""".formatted(run, run, today.minusDays(1), today.plusYears(2)))
                    .post("/dps").then().statusCode(201).extract().path("id");
            String patterns = "SPECIAL_SCHOOL".equals(serviceType) ? "\"placementPatterns\": [\"WEEKS_52\"]," : "";
            String lotId = as("lot-service", commissioner).body("""
                    {"code": "W%s", "name": "%s (e2e walk)", "serviceType": "%s", %s "tiered": false,
                     "categories": [{"code": "%s", "name": "%s"}], "selectionCriteria": ["Registered with Ofsted"]}"""
                    .formatted(run.substring(0, 4), serviceType, serviceType, patterns, category, category))
                    .post("/dps/" + dpsId + "/lots").then().statusCode(201).extract().path("id");
            List<String> providers = new ArrayList<>();
            for (String name : names) {
                String id = as("provider-service", commissioner).body("""
                        {"name": "%s %s", "ofstedUrn": "SC%s", "postcode": "PE13 1AA"}"""
                        .formatted(name, run, Scenario.unique())).post("/providers").then().statusCode(201).extract()
                        .path("id");
                String application = "{\"lotId\":\"" + lotId + "\",\"categories\":[\"" + category + "\"],"
                        + "\"answers\":[{\"question\":\"Are you registered with Ofsted?\",\"answer\":\"Yes\"}]}";
                String[] applicationId = new String[1];
                // provider-service learns of the lot from dps.lots: an application is accepted once it has
                eventually("provider-service knows lot " + lotId, () -> {
                    Response r = as("provider-service", Scenario.provider(id)).body(application)
                            .post("/providers/" + id + "/applications");
                    applicationId[0] = r.statusCode() == 201 ? r.path("id") : null;
                    return applicationId[0] != null;
                });
                as("provider-service", commissioner)
                        .body("{\"outcome\":\"ADMIT\",\"reasons\":\"Meets the selection criteria\"}")
                        .post("/applications/" + applicationId[0] + "/decision").then().statusCode(200);
                providers.add(id);
            }
            eventually("placement-service sees the members of lot " + lotId, () -> {
                Response r = as("placement-service", officer).get("/lots/" + lotId + "/eligible-providers");
                return r.statusCode() == 200
                        && Set.copyOf(r.jsonPath().getList("items.providerId")).equals(Set.copyOf(providers));
            });
            return new Market(lotId, List.copyOf(providers));
        }
    }

    private static String calledOff(Market market, String category, LocalDate start, Instant respondBy) {
        String referral = as("placement-service", officer).body("""
                {"lotId": "%s", "category": "%s", "ageBand": "11-15", "sex": "FEMALE", "needs": ["EMOTIONAL_BEHAVIOURAL"],
                 "postcodeDistrict": "PE13", "wantedStart": "%s", "placementPattern": "WEEKS_52"}"""
                .formatted(market.lotId(), category, start)).post("/referrals").then().statusCode(201).extract()
                .path("id");
        as("placement-service", officer).body("{\"outcome\":\"NOT_AVAILABLE\",\"notes\":\"No in-house place\"}")
                .post("/referrals/" + referral + "/in-house-check").then().statusCode(200);
        as("placement-service", officer).body("{\"respondBy\":\"" + respondBy + "\"}")
                .post("/referrals/" + referral + "/call-off").then().statusCode(200);
        return referral;
    }

    private static String offer(String referral, String provider, String core, LocalDate start) {
        return as("placement-service", Scenario.provider(provider)).body("""
                {"weeklyFee": {"core": %s, "additionalStaffing": 0, "education": 0, "therapy": 0},
                 "proposedStart": "%s", "homeReference": "Home-1", "needsMet": ["EMOTIONAL_BEHAVIOURAL"]}"""
                .formatted(core, start)).post("/referrals/" + referral + "/offers").then().statusCode(201).extract()
                .path("id");
    }

    private static Response award(String referral, String offer, String justification, String stream) {
        return as("placement-service", officer).body("""
                {"offerId": "%s", "fundingShares": [{"stream": "%s", "percent": 100}], "justification": %s}"""
                .formatted(offer, stream, justification == null ? "null" : "\"" + justification + "\""))
                .post("/referrals/" + referral + "/award");
    }

    /** The council's placements made from {@code referral} (newest first; a fresh referral's are among the first). */
    private static List<String> placementsOf(String referral) {
        return as("placement-service", officer).get("/placements?size=100").then().statusCode(200).extract()
                .jsonPath().getList("items.findAll { it.referralId == '" + referral + "' }.id");
    }

    private static JsonPath position(String budget) {
        return as("spend-service", finance).get("/budgets/" + budget + "/position").then().statusCode(200).extract()
                .jsonPath().using(EXACT);
    }

    private static void awaitCommitted(String budget, long pounds) {
        BigDecimal expected = BigDecimal.valueOf(pounds).setScale(2);
        eventually("budget line " + budget + " committed £" + expected,
                () -> expected.compareTo(position(budget).get("committed")) == 0);
    }

    /** A provider's row of the council's spend report for a year, looked for page by page; null when absent. */
    private static JsonPath providerSpend(int year, String providerId) {
        for (int page = 0; page < 50; page++) {
            JsonPath report = as("spend-service", finance).get("/reports/spend?year=" + year + "&size=100&page=" + page)
                    .then().statusCode(200).extract().jsonPath().using(EXACT);
            List<Map<String, Object>> rows = report.getList("byProvider.items");
            for (int i = 0; i < rows.size(); i++) {
                if (providerId.equals(rows.get(i).get("providerId"))) {
                    return report.setRootPath("byProvider.items[" + i + "]");
                }
            }
            if (rows.size() < 100) {
                return null;
            }
        }
        return null;
    }

    private static List<Map<String, Object>> audit(String path) {
        return as("placement-service", officer).get(path + "?size=100").then().statusCode(200).extract().jsonPath()
                .getList("items");
    }

    private static List<String> actions(List<Map<String, Object>> trail) {
        return trail.stream().map(e -> (String) e.get("action")).toList();
    }

    /** The {@code n}th (from 0) entry with {@code action}. */
    private static Map<String, Object> entry(List<Map<String, Object>> trail, String action, int n) {
        List<Map<String, Object>> matching = trail.stream().filter(e -> action.equals(e.get("action"))).toList();
        assertFalse(matching.size() <= n, "no " + action + " #" + n + " in " + actions(trail));
        return matching.get(n);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(Map<String, Object> entry) {
        return (Map<String, Object>) entry.get("details");
    }

    private static String username(String token) {
        return KeycloakTokens.claims(token).path("preferred_username").asText();
    }

    private static String providerUser(String providerId) {
        return username(Scenario.provider(providerId));
    }

    /** A Monday in May of the next financial year, so a placement's cost that year is whole days of whole pounds. */
    private static LocalDate nextFinancialYearMonday() {
        LocalDate today = LocalDate.parse(as("spend-service", finance).get("/reports/spend").then().statusCode(200)
                .extract().path("asOf"));
        return LocalDate.of(financialYear(today) + 1, 5, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    }

    private static int financialYear(LocalDate day) {
        return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
    }
}
