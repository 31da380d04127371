package uk.gov.dps.spend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.dps.spend.SpendFixtures.award;
import static uk.gov.dps.spend.SpendFixtures.awaitCommitted;
import static uk.gov.dps.spend.SpendFixtures.createBudget;
import static uk.gov.dps.spend.SpendFixtures.fee;
import static uk.gov.dps.spend.SpendFixtures.shares;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.Tokens;

/**
 * POST /quotes: what a placement would commit before it is awarded. The figures are worked out by hand from the
 * rules (and the model term calendar of application.properties), not from the code; the last test awards a
 * placement through placement events and checks the ledger committed exactly what the quote said. The tests run as
 * of 9 October 2018.
 */
@QuarkusTest
class QuoteTest {

    private static final String COUNCIL = "cambridgeshire";

    private static Map<String, Object> request(String fee, String pattern, String start, String end,
            Object... streamsAndPercents) {
        Map<String, Object> body = new HashMap<>();
        body.put("weeklyFee", fee);
        body.put("placementPattern", pattern);
        body.put("startDate", start);
        if (end != null) {
            body.put("endDate", end);
        }
        List<Map<String, Object>> shares = new ArrayList<>();
        for (int i = 0; i < streamsAndPercents.length; i += 2) {
            shares.add(Map.of("stream", streamsAndPercents[i], "percent", streamsAndPercents[i + 1]));
        }
        body.put("fundingShares", shares);
        return body;
    }

    private static JsonPath quote(String role, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.forCouncil(role, COUNCIL)).contentType(ContentType.JSON).body(body)
                .post("/quotes").then().statusCode(200).extract().jsonPath().using(SpendFixtures.EXACT);
    }

    @Test
    void aFiftyTwoWeekPlacementAcrossTheFinancialYearEndIsSplitBetweenTheYearsAndTheFunders() {
        // Monday 4 Feb to Sunday 28 Apr 2019 at £2,531 a week, every day:
        // 2018/19: 4 Feb - 31 Mar = 25 + 31 = 56 days = 8 weeks = £20,248.00: HNB 60% £12,148.80, LAC £8,099.20
        // 2019/20: 1 - 28 Apr = 28 days = 4 weeks = £10,124.00: HNB £6,074.40, LAC £4,049.60
        JsonPath quote = quote("placement-officer", request("2531.00", "WEEKS_52", "2019-02-04", "2019-04-28",
                "HIGH_NEEDS_BLOCK", 60, "LAC_PLACEMENTS", 40));
        assertThat(quote.getString("committed")).isEqualTo("30372.00");
        assertThat(quote.getList("byFinancialYear.financialYearLabel")).containsExactly("2018/19", "2019/20");
        assertThat(quote.getList("byFinancialYear.committed").toString()).isEqualTo("[20248.00, 10124.00]");
        assertThat(quote.getList("byFinancialYear.chargeableWeeks").toString()).isEqualTo("[8.00, 4.00]");
        assertThat(quote.getList("byFinancialYear[0].byFundingStream.committed").toString())
                .isEqualTo("[12148.80, 8099.20]");
        assertThat(quote.getList("byFinancialYear[1].byFundingStream.committed").toString())
                .isEqualTo("[6074.40, 4049.60]");
        assertThat(quote.getList("byFundingStream.stream")).containsExactly("HIGH_NEEDS_BLOCK", "LAC_PLACEMENTS");
        assertThat(quote.getList("byFundingStream.committed").toString()).isEqualTo("[18223.20, 12148.80]");
    }

    @Test
    void aThirtyEightWeekPlacementCostsTermDaysOnly() {
        // Monday 15 Oct 2018 to Sunday 13 Jan 2019, resident in term time: 15-21 Oct (1 week), not the half term
        // 22-28 Oct, 29 Oct - 23 Dec (8 weeks), not the Christmas holiday, 7-13 Jan (1 week): 10 weeks x £1,234.50
        JsonPath quote = quote("finance-officer", request("1234.50", "WEEKS_38", "2018-10-15", "2019-01-13",
                "LAC_PLACEMENTS", 100));
        assertThat(quote.getString("committed")).isEqualTo("12345.00");
        assertThat(quote.getList("byFinancialYear.chargeableWeeks").toString()).isEqualTo("[10.00]");
        assertThat(quote.getList("byFundingStream.committed").toString()).isEqualTo("[12345.00]");
    }

    @Test
    void aDayPlacementCostsSchoolDaysAtAFifthOfTheWeeklyFee() {
        // £500 a week is £100 a school day. Monday 15 Apr to Friday 10 May 2019: 15-19 Apr is the Easter holiday,
        // 22 Apr (Easter Monday) and 6 May (bank holiday) are no school: 4 + 5 + 4 = 13 school days = £1,300.00
        JsonPath quote = quote("panel", request("500.00", "DAY", "2019-04-15", "2019-05-10",
                "HIGH_NEEDS_BLOCK", 100));
        assertThat(quote.getList("byFinancialYear.financialYearLabel")).containsExactly("2019/20");
        assertThat(quote.getString("committed")).isEqualTo("1300.00");
        assertThat(quote.getList("byFinancialYear.chargeableWeeks").toString()).isEqualTo("[2.60]");
    }

    @Test
    void aPennyThatCannotBeSplitEvenlyGoesToOneFunderAndThePartsAddUp() {
        // one week (Mon 5 - Sun 11 Nov 2018) at £100.01, half each: £50.005 each; the odd penny goes to the first
        // stream of equal remainders and shares, the High Needs Block
        JsonPath quote = quote("commissioner", request("100.01", "WEEKS_52", "2018-11-05", "2018-11-11",
                "LAC_PLACEMENTS", 50, "HIGH_NEEDS_BLOCK", 50));
        assertThat(quote.getString("committed")).isEqualTo("100.01");
        assertThat(quote.getList("byFundingStream.stream")).containsExactly("HIGH_NEEDS_BLOCK", "LAC_PLACEMENTS");
        assertThat(quote.getList("byFundingStream.committed").toString()).isEqualTo("[50.01, 50.00]");
        assertThat(quote.getList("byFundingStream.percent").toString()).isEqualTo("[50.00, 50.00]");
    }

    @Test
    void anOpenEndedPlacementIsQuotedToTheEndOfNextFinancialYear() {
        // as the ledger keeps it: today is 9 Oct 2018, so 2018/19 and 2019/20.
        // 2019/20 is 366 days (29 Feb 2020): 52 weeks and 2 days at £700 = £36,400 + £200 = £36,600.00
        JsonPath quote = quote("placement-officer", request("700.00", "WEEKS_52", "2019-03-04", null,
                "LAC_PLACEMENTS", 100));
        assertThat(quote.getList("byFinancialYear.financialYearLabel")).containsExactly("2018/19", "2019/20");
        // 4 - 31 Mar 2019: 28 days = 4 weeks = £2,800.00
        assertThat(quote.getList("byFinancialYear.committed").toString()).isEqualTo("[2800.00, 36600.00]");
    }

    @Test
    void anAwardThroughPlacementEventsCommitsExactlyWhatTheQuoteSaid() {
        UUID lot = UUID.randomUUID();
        // odd figures on purpose, so any difference in rounding or splitting would show
        JsonPath quote = quote("placement-officer", request("1999.99", "WEEKS_38", "2018-11-07", null,
                "HIGH_NEEDS_BLOCK", "33.33", "LAC_PLACEMENTS", "66.67"));
        assertThat(quote.getList("byFinancialYear.financialYear")).containsExactly(2018, 2019);
        Map<String, String> budgets = new HashMap<>();
        for (int year : new int[] {2018, 2019}) {
            for (String stream : List.of("HIGH_NEEDS_BLOCK", "LAC_PLACEMENTS")) {
                budgets.put(year + stream, createBudget(COUNCIL, year, stream, "100000.00", lot, null));
            }
        }
        try (RawEvents events = SpendFixtures.events()) {
            SpendFixtures.sendAward(events, award(UUID.randomUUID(), COUNCIL, lot, UUID.randomUUID(),
                    "SPECIAL_SCHOOL", fee("1999.99"), "WEEKS_38", "2018-11-07",
                    shares("HIGH_NEEDS_BLOCK", "33.33", "LAC_PLACEMENTS", "66.67")));
        }
        for (int y = 0; y < 2; y++) {
            int year = quote.getInt("byFinancialYear[" + y + "].financialYear");
            List<String> streams = quote.getList("byFinancialYear[" + y + "].byFundingStream.stream");
            for (int s = 0; s < streams.size(); s++) {
                String quoted = quote.getString("byFinancialYear[" + y + "].byFundingStream[" + s + "].committed");
                awaitCommitted(COUNCIL, budgets.get(year + streams.get(s)), quoted);
            }
        }
    }

    @Test
    void badTermsAreRefusedWithAProblem() {
        String token = Tokens.forCouncil("placement-officer", COUNCIL);
        List<Object[]> cases = List.of(
                new Object[] {400, request("-1.00", "WEEKS_52", "2018-11-05", null, "LAC_PLACEMENTS", 100)},
                new Object[] {400, request("100.001", "WEEKS_52", "2018-11-05", null, "LAC_PLACEMENTS", 100)},
                new Object[] {400, request("100.00", "FORTNIGHTLY", "2018-11-05", null, "LAC_PLACEMENTS", 100)},
                new Object[] {400, request("100.00", "WEEKS_52", "2018-11-05", null)},
                new Object[] {400, request("100.00", "WEEKS_52", "2018-11-05", null, "COUNCIL_TAX", 100)},
                new Object[] {422, request("100.00", "WEEKS_52", "2018-11-05", null, "HIGH_NEEDS_BLOCK", 60,
                        "LAC_PLACEMENTS", 30)},
                new Object[] {422, request("100.00", "WEEKS_52", "2018-11-05", null, "LAC_PLACEMENTS", 50,
                        "LAC_PLACEMENTS", 50)},
                new Object[] {422, request("100.00", "WEEKS_52", "2018-11-05", "2018-11-04", "LAC_PLACEMENTS", 100)},
                new Object[] {422, request("100.00", "WEEKS_52", "2018-11-05", "2030-11-04", "LAC_PLACEMENTS", 100)},
                new Object[] {422, request("100.00", "WEEKS_52", "2005-11-05", null, "LAC_PLACEMENTS", 100)});
        for (Object[] c : cases) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(c[1]).post("/quotes").then()
                    .statusCode((Integer) c[0]).contentType("application/problem+json");
        }
    }

    @Test
    void onlyThoseWhoBuyOrApprovePlacementsMayAsk() {
        Map<String, Object> body = request("100.00", "WEEKS_52", "2018-11-05", null, "LAC_PLACEMENTS", 100);
        given().contentType(ContentType.JSON).body(body).post("/quotes").then().statusCode(401);
        for (String role : List.of("monitoring-officer", "provider")) {
            given().auth().oauth2(Tokens.forCouncil(role, COUNCIL)).contentType(ContentType.JSON).body(body)
                    .post("/quotes").then().statusCode(403).contentType("application/problem+json");
        }
    }
}
