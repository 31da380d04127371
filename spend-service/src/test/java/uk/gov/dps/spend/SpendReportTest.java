package uk.gov.dps.spend;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static uk.gov.dps.spend.SpendFixtures.WAIT;
import static uk.gov.dps.spend.SpendFixtures.award;
import static uk.gov.dps.spend.SpendFixtures.fee;
import static uk.gov.dps.spend.SpendFixtures.finance;
import static uk.gov.dps.spend.SpendFixtures.shares;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.placement.PlacementStarted;
import uk.gov.dps.events.placement.SpotPurchaseMade;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.Tokens;

/** The spend report for one council's year: Essex's, which no other test places with. */
@QuarkusTest
class SpendReportTest {

    private static final String COUNCIL = "essex";

    @Test
    void spendByStreamLotAndProviderWithConcentrationOffContractShareAndAverageWeeklyPrice() {
        UUID residential = UUID.randomUUID();
        UUID homeA = UUID.randomUUID();
        UUID homeB = UUID.randomUUID();
        UUID homeC = UUID.randomUUID();
        try (RawEvents events = SpendFixtures.events()) {
            // three residential placements at the seed's average price, £2,531 a week, 52 weeks:
            // A from 3 Sep 2018: 210 days = 30 weeks = £75,930.00, of which 37 days (£13,378.14) spent by 9 Oct
            UUID a = UUID.randomUUID();
            events.sendEvent(EventCatalog.PLACEMENT_AWARDED, a, award(a, COUNCIL, residential, homeA, "RESIDENTIAL",
                    fee("2531.00"), "WEEKS_52", "2018-09-03", shares("LAC_PLACEMENTS", 100)));
            events.sendEvent(EventCatalog.PLACEMENT_STARTED, a,
                    new PlacementStarted(a, COUNCIL, homeA, LocalDate.parse("2018-09-03")));
            // B from 5 Nov 2018: 21 weeks = £53,151.00
            UUID b = UUID.randomUUID();
            events.sendEvent(EventCatalog.PLACEMENT_AWARDED, b, award(b, COUNCIL, residential, homeB, "RESIDENTIAL",
                    fee("2531.00"), "WEEKS_52", "2018-11-05", shares("LAC_PLACEMENTS", 100)));
            // C from 4 Feb 2019: 56 days = 8 weeks = £20,248.00, half HNB (£10,124.00), half LAC
            UUID c = UUID.randomUUID();
            events.sendEvent(EventCatalog.PLACEMENT_AWARDED, c, award(c, COUNCIL, residential, homeC, "RESIDENTIAL",
                    fee("2531.00"), "WEEKS_52", "2019-02-04", shares("HIGH_NEEDS_BLOCK", 50, "LAC_PLACEMENTS", 50)));
            // an IFA spot purchase off the DPS: £820 x 17 weeks (3 Dec - 31 Mar) = £13,940.00
            UUID spot = UUID.randomUUID();
            events.sendEvent(EventCatalog.SPOT_PURCHASE_MADE, spot, new SpotPurchaseMade(spot, COUNCIL,
                    UUID.randomUUID(), null, "IFA", null, "Fenland Fostering Ltd", fee("820.00"), "WEEKS_52",
                    LocalDate.parse("2018-12-03"), shares("LAC_PLACEMENTS", 100), Instant.now()));
        }
        // total: £75,930 + £53,151 + £20,248 + £13,940 = £163,269.00
        await().atMost(WAIT).until(() -> report(Map.of()).getString("committed").equals("163269.00"));
        JsonPath report = report(Map.of());
        assertThat(report.getInt("financialYear")).isEqualTo(2018);
        assertThat(report.getString("spentToDate")).isEqualTo("13378.14");
        // HNB £10,124.00 = 6.20%, LAC £153,145.00 = 93.80%
        assertThat(report.getString("byFundingStream.find { it.fundingStream == 'HIGH_NEEDS_BLOCK' }.committed"))
                .isEqualTo("10124.00");
        assertThat(report.getString("byFundingStream.find { it.fundingStream == 'LAC_PLACEMENTS' }.shareOfCommitted"))
                .isEqualTo("93.80");

        // residential: £149,329.00 over 3 placements at £2,531.00 a week; A and B hold £129,081 = 86.44%
        Map<String, Object> homes = report.getMap("byLot.find { it.lotId == '" + residential + "' }");
        assertThat(homes).containsEntry("serviceType", "RESIDENTIAL").containsEntry("placements", 3);
        assertThat(homes.get("committed").toString()).isEqualTo("149329.00");
        assertThat(report.getString("byLot.find { it.lotId == '" + residential + "' }.averageWeeklyPrice"))
                .isEqualTo("2531.00");
        assertThat(report.getString("byLot.find { it.lotId == '" + residential + "' }.topTwoProviderShare"))
                .isEqualTo("86.44");
        assertThat(report.getList("byLot.find { it.lotId == '" + residential + "' }.topProviders.providerId"))
                .containsExactly(homeA.toString(), homeB.toString());
        // off the DPS, outside any lot: grouped as IFA
        assertThat(report.getString("byLot.find { it.lotId == null }.serviceType")).isEqualTo("IFA");
        assertThat(report.getString("byLot.find { it.lotId == null }.averageWeeklyPrice")).isEqualTo("820.00");
        assertThat(report.getString("byLot.find { it.lotId == null }.offContractCommitted")).isEqualTo("13940.00");
        // off contract: £13,940 of £163,269 = 8.54%
        assertThat(report.getString("offContract.committed")).isEqualTo("13940.00");
        assertThat(report.getString("offContract.shareOfCommitted")).isEqualTo("8.54");

        // providers, largest first, paged: A (46.51%), B, C, then Fenland Fostering named by the spot purchase
        assertThat(report.getList("byProvider.items.committed").stream().map(Object::toString).toList())
                .containsExactly("75930.00", "53151.00", "20248.00", "13940.00");
        assertThat(report.getString("byProvider.items[0].shareOfCommitted")).isEqualTo("46.51");
        assertThat(report.getString("byProvider.items[3].providerName")).isEqualTo("Fenland Fostering Ltd");
        JsonPath second = report(Map.of("size", 2, "page", 1));
        assertThat(second.getList("byProvider.items.committed").stream().map(Object::toString).toList())
                .containsExactly("20248.00", "13940.00");
        assertThat(second.getBoolean("byProvider.hasNext")).isFalse();
        assertThat(report(Map.of("size", 2)).getBoolean("byProvider.hasNext")).isTrue();
    }

    @Test
    void aReportIsForYourOwnCouncilAndAPlausibleYear() {
        given().auth().oauth2(finance(COUNCIL)).queryParam("council", "cambridgeshire").get("/reports/spend").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(finance(COUNCIL)).queryParam("year", 1900).get("/reports/spend").then().statusCode(400)
                .body("errors.field", hasItem("year"));
        given().auth().oauth2(Tokens.forCouncil("placement-officer", COUNCIL)).get("/reports/spend").then()
                .statusCode(403);
        // a year nothing was placed in is empty, not an error
        given().auth().oauth2(Tokens.forCouncil("commissioner", "suffolk")).queryParam("year", 2030)
                .get("/reports/spend").then().statusCode(200).body("committed", org.hamcrest.Matchers.equalTo(0.0f))
                .body("byLot", org.hamcrest.Matchers.empty());
    }

    private static JsonPath report(Map<String, Object> query) {
        return given().auth().oauth2(finance(COUNCIL)).queryParams(query).queryParam("council", COUNCIL)
                .queryParam("year", 2018).get("/reports/spend").then().statusCode(200).extract().jsonPath()
                .using(SpendFixtures.EXACT);
    }
}
