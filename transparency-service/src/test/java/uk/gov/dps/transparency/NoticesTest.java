package uk.gov.dps.transparency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.dps.transparency.TransparencyFixtures.award;
import static uk.gov.dps.transparency.TransparencyFixtures.dpsWithLot;
import static uk.gov.dps.transparency.TransparencyFixtures.events;
import static uk.gov.dps.transparency.TransparencyFixtures.provider;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.placement.CallOffIssued;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.RealInfrastructure;
import uk.gov.dps.testing.Tokens;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Procurement Act 2023 notices of a dynamic market, on the platform clock (9 October 2018 in tests, DUE_SOON within
 * 14 days of the due date).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class NoticesTest {

    @Test
    void aDynamicMarketOwesItsNoticesWithDueDatesAndThoseDueSoonOrOverdueAreAlerts() {
        UUID market = UUID.randomUUID();
        UUID competed = UUID.randomUUID();
        UUID referral = UUID.randomUUID();
        UUID older = UUID.randomUUID();
        try (RawEvents events = events()) {
            UUID lot = dpsWithLot(events, market, "PA2023_DYNAMIC_MARKET", LocalDate.parse("2018-10-20"),
                    LocalDate.parse("2022-03-31"));
            UUID provider = provider(events, "Wisbech Care Ltd", "SC111111", "01111111");
            // the call-off (the competition) was issued on 8 October, the award made on 9 October
            events.sendEvent(EventCatalog.CALL_OFF_ISSUED, referral, new CallOffIssued(referral, "cambridgeshire", lot,
                    "EMERGENCY", List.of(provider), null, Instant.parse("2018-10-09T12:00:00Z"),
                    Instant.parse("2018-10-08T09:00:00Z")));
            events.sendEvent(EventCatalog.PLACEMENT_AWARDED, competed, award(competed, referral, "cambridgeshire", lot,
                    provider, "3000.00", "WEEKS_52", LocalDate.parse("2018-10-15"), null,
                    Instant.parse("2018-10-09T08:00:00Z")));
            // awarded on 1 June 2018: its contract details notice was due 120 days later, 29 September
            events.sendEvent(EventCatalog.PLACEMENT_AWARDED, older, award(older, UUID.randomUUID(), "peterborough", lot,
                    provider, "3000.00", "WEEKS_52", LocalDate.parse("2018-06-04"), null,
                    Instant.parse("2018-06-01T09:00:00Z")));
        }
        Awaitility.await().atMost(TransparencyFixtures.WAIT).until(() -> notices(market, null).getList("id").size() == 6);

        JsonPath all = notices(market, null);
        assertThat(all.getList("kind")).containsExactly("TENDER", "CONTRACT_DETAILS", "TENDER",
                "DYNAMIC_MARKET_ESTABLISHMENT", "CONTRACT_DETAILS", "DYNAMIC_MARKET_CESSATION");
        assertThat(all.getList("dueOn")).containsExactly("2018-06-01", "2018-09-29", "2018-10-08", "2018-10-20",
                "2019-02-06", "2022-03-31");
        assertThat(all.getList("status")).containsExactly("OVERDUE", "OVERDUE", "OVERDUE", "DUE_SOON", "UPCOMING",
                "UPCOMING");

        assertThat(notices(market, "DUE_SOON").getList("kind")).containsExactly("DYNAMIC_MARKET_ESTABLISHMENT");
        assertThat(notices(market, "OVERDUE").getList("kind")).containsExactly("TENDER", "CONTRACT_DETAILS", "TENDER");

        // a commissioner of the market's councils records the establishment notice's publication
        String establishment = notices(market, "DUE_SOON").getString("[0].id");
        given().auth().oauth2(Tokens.forCouncil("commissioner", "essex")).contentType(ContentType.JSON)
                .body(Map.of("reference", "2018/S 000-111111", "publishedOn", "2018-10-09"))
                .put("/notices/" + establishment + "/publication").then().statusCode(403)
                .contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("reference", "x", "publishedOn", "2018-10-09"))
                .put("/notices/" + establishment + "/publication").then().statusCode(401);
        given().auth().oauth2(Tokens.forCouncil("commissioner", "peterborough")).contentType(ContentType.JSON)
                .body(Map.of("reference", " ", "publishedOn", "2018-10-09"))
                .put("/notices/" + establishment + "/publication").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.forCouncil("commissioner", "peterborough")).contentType(ContentType.JSON)
                .body(Map.of("reference", "2018/S 000-111111", "publishedOn", "2018-10-30"))
                .put("/notices/" + establishment + "/publication").then().statusCode(400)
                .contentType("application/problem+json");
        assertThat(notices(market, "DUE_SOON").getList("kind")).containsExactly("DYNAMIC_MARKET_ESTABLISHMENT");

        given().auth().oauth2(Tokens.forCouncil("commissioner", "peterborough")).contentType(ContentType.JSON)
                .body(Map.of("reference", "2018/S 000-111111", "publishedOn", "2018-10-09"))
                .put("/notices/" + establishment + "/publication").then().statusCode(200);
        assertThat(notices(market, "DUE_SOON").getList("kind")).isEmpty();
        assertThat(notices(market, "PUBLISHED").getString("[0].publishedReference")).isEqualTo("2018/S 000-111111");
    }

    @Test
    void aDpsUnderTheOlderRegulationsOwesNoProcurementActNotices() {
        UUID dps = UUID.randomUUID();
        try (RawEvents events = events()) {
            UUID lot = dpsWithLot(events, dps, "PCR2015_DPS", LocalDate.parse("2018-04-01"),
                    LocalDate.parse("2022-03-31"));
            UUID placement = UUID.randomUUID();
            events.sendEvent(EventCatalog.PLACEMENT_AWARDED, placement, award(placement, UUID.randomUUID(),
                    "cambridgeshire", lot, provider(events, "Ely Homes Ltd", null, null), "3000.00", "WEEKS_52",
                    LocalDate.parse("2018-06-04"), null, Instant.parse("2018-06-01T09:00:00Z")));
        }
        TransparencyFixtures.awaitCallOffs(dps, 1);
        assertThat(notices(dps, null).getList("id")).isEmpty();
    }

    @Test
    void anUnknownStatusIsAProblem() {
        given().queryParam("status", "LATE").when().get("/notices").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static JsonPath notices(UUID dps, String status) {
        var request = given().queryParam("dps", dps.toString());
        if (status != null) {
            request = request.queryParam("status", status);
        }
        return request.when().get("/notices").then().statusCode(200).extract().jsonPath();
    }
}
