package uk.gov.dps.monitoring;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static uk.gov.dps.monitoring.Monitoring.CAMBRIDGESHIRE_OFFICER;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.placement.FundingShare;
import uk.gov.dps.events.placement.PlacementAwarded;
import uk.gov.dps.events.placement.PlacementEnded;
import uk.gov.dps.events.placement.PlacementStarted;
import uk.gov.dps.events.placement.SpotPurchaseMade;
import uk.gov.dps.events.placement.WeeklyFee;
import uk.gov.dps.events.provider.ProviderAdmittedToLot;
import uk.gov.dps.events.provider.ProviderReinstated;
import uk.gov.dps.events.provider.ProviderSuspended;
import uk.gov.dps.events.provider.ProviderWithdrawn;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.SharedInfrastructure;

/** Which providers exist and how many children each has placed now, from dps.providers and dps.placements. */
@QuarkusTest
class ProviderProjectionTest {

    private static final WeeklyFee FEE = new WeeklyFee(new BigDecimal("2531.00"), BigDecimal.ZERO, BigDecimal.ZERO,
            BigDecimal.ZERO, new BigDecimal("2531.00"));
    private static final List<FundingShare> LAC = List.of(new FundingShare("LAC", new BigDecimal("100")));

    private static PlacementAwarded awarded(UUID placement, UUID provider) {
        return new PlacementAwarded(placement, UUID.randomUUID(), "essex", UUID.randomUUID(), "RESIDENTIAL", provider,
                UUID.randomUUID(), FEE, "WEEKS_52", LocalDate.of(2019, 1, 7), null, LAC, null, false, List.of(),
                Instant.now());
    }

    private static PlacementEnded ended(UUID placement, UUID provider) {
        return new PlacementEnded(placement, "essex", provider, LocalDate.of(2019, 3, 1), "PLANNED", "RETURNED_HOME");
    }

    private static JsonPath quality(UUID provider) {
        return given().auth().oauth2(CAMBRIDGESHIRE_OFFICER).get("/providers/" + provider + "/quality").then()
                .statusCode(200).extract().jsonPath();
    }

    private static void awaitPlacements(UUID provider, int expected) {
        await().atMost(Duration.ofSeconds(30)).until(() -> quality(provider).getInt("activePlacements") == expected);
    }

    @Test
    void placementsAreCountedOnceHoweverOftenTheirEventsArrive() {
        UUID provider = Monitoring.registeredProvider("Redelivered Placements Ltd");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID endedEarly = UUID.randomUUID();
        try (RawEvents events = new RawEvents(SharedInfrastructure.kafkaBootstrapServers())) {
            String award = events.sendEvent(EventCatalog.PLACEMENT_AWARDED, first, awarded(first, provider));
            events.sendEvent(award, EventCatalog.PLACEMENT_AWARDED, first, awarded(first, provider)); // redelivered
            events.sendEvent(EventCatalog.PLACEMENT_AWARDED, first, awarded(first, provider)); // re-sent, new id
            events.sendEvent(EventCatalog.PLACEMENT_AWARDED, second, awarded(second, provider));
            events.sendEvent(EventCatalog.PLACEMENT_STARTED, second,
                    new PlacementStarted(second, "essex", provider, LocalDate.of(2019, 1, 7)));
            awaitPlacements(provider, 2);

            String end = events.sendEvent(EventCatalog.PLACEMENT_ENDED, first, ended(first, provider));
            events.sendEvent(end, EventCatalog.PLACEMENT_ENDED, first, ended(first, provider));
            events.sendEvent(EventCatalog.PLACEMENT_ENDED, first, ended(first, provider));
            // an award seen after its end (out of order) is not counted either
            events.sendEvent(EventCatalog.PLACEMENT_ENDED, endedEarly, ended(endedEarly, provider));
            events.sendEvent(EventCatalog.PLACEMENT_AWARDED, endedEarly, awarded(endedEarly, provider));
            // the test broker has one partition per topic: once a later event is applied, so is everything above
            UUID markerProvider = UUID.randomUUID();
            UUID marker = UUID.randomUUID();
            events.sendEvent(EventCatalog.PLACEMENT_AWARDED, marker, awarded(marker, markerProvider));
            awaitPlacements(markerProvider, 1);
        }
        // settled: still exactly one (the second placement)
        assertThat(quality(provider).getInt("activePlacements")).isEqualTo(1);
    }

    @Test
    void membershipSuspensionAndNamesFollowProviderService() {
        UUID provider = Monitoring.registeredProvider("Lots Ltd");
        UUID lot = UUID.randomUUID();
        UUID otherLot = UUID.randomUUID();
        try (RawEvents events = new RawEvents(SharedInfrastructure.kafkaBootstrapServers())) {
            events.sendEvent(EventCatalog.PROVIDER_ADMITTED_TO_LOT, provider, new ProviderAdmittedToLot(provider,
                    "Lots Fostering Ltd", lot, UUID.randomUUID(), List.of(), null, Instant.now()));
            events.sendEvent(EventCatalog.PROVIDER_ADMITTED_TO_LOT, provider, new ProviderAdmittedToLot(provider,
                    "Lots Fostering Ltd", otherLot, UUID.randomUUID(), List.of(), null, Instant.now()));
            events.sendEvent(EventCatalog.PROVIDER_SUSPENDED, provider,
                    new ProviderSuspended(provider, List.of(lot, otherLot), "Inadequate", true, Instant.now()));
            await().atMost(Duration.ofSeconds(30)).until(() -> quality(provider).getBoolean("suspended"));
            JsonPath suspended = quality(provider);
            assertThat(suspended.getString("name")).isEqualTo("Lots Fostering Ltd");
            assertThat(suspended.getInt("lots")).isEqualTo(2);

            events.sendEvent(EventCatalog.PROVIDER_REINSTATED, provider,
                    new ProviderReinstated(provider, List.of(lot, otherLot), "Re-inspected Good", Instant.now()));
            events.sendEvent(EventCatalog.PROVIDER_WITHDRAWN, provider,
                    new ProviderWithdrawn(provider, List.of(otherLot), "Closed a home", Instant.now()));
            await().atMost(Duration.ofSeconds(30)).until(() -> quality(provider).getInt("lots") == 1);
            assertThat(quality(provider).getBoolean("suspended")).isFalse();
        }
    }

    @Test
    void providersWithChildrenPlacedComeFirstThenTheRiskiest() {
        UUID none = Monitoring.registeredProvider("Priority A No Children Ltd");
        UUID one = Monitoring.registeredProvider("Priority B One Child Ltd");
        UUID oneAmber = Monitoring.registeredProvider("Priority C One Child Ltd");
        UUID two = Monitoring.registeredProvider("Priority D Two Children Ltd");
        // the child without children placed is red, yet comes last
        Monitoring.raiseConcern(Monitoring.ESSEX_OFFICER, none, "SERIOUS", "Serious incident");
        Monitoring.raiseConcern(Monitoring.ESSEX_OFFICER, oneAmber, "HIGH", "Complaints not investigated");
        UUID spotOnly = UUID.randomUUID(); // never registered: known from its spot purchase
        try (RawEvents events = new RawEvents(SharedInfrastructure.kafkaBootstrapServers())) {
            for (UUID provider : List.of(one, oneAmber, two, two)) {
                UUID placement = UUID.randomUUID();
                events.sendEvent(EventCatalog.PLACEMENT_AWARDED, placement, awarded(placement, provider));
            }
            UUID spot = UUID.randomUUID();
            events.sendEvent(EventCatalog.SPOT_PURCHASE_MADE, spot, new SpotPurchaseMade(spot, "thurrock",
                    UUID.randomUUID(), null, "IFA", spotOnly, "Spot Fostering Ltd", FEE, "WEEKS_52",
                    LocalDate.of(2018, 12, 19), LAC, Instant.now()));
        }
        // each placement is its own key: wait for every one of them
        awaitPlacements(one, 1);
        awaitPlacements(oneAmber, 1);
        awaitPlacements(two, 2);
        awaitPlacements(spotOnly, 1);
        assertThat(quality(spotOnly).getString("name")).isEqualTo("Spot Fostering Ltd");

        List<String> ours = List.of(none, one, oneAmber, two).stream().map(UUID::toString).toList();
        List<String> order = given().auth().oauth2(CAMBRIDGESHIRE_OFFICER).queryParam("size", 200).get("/providers")
                .then().statusCode(200).extract().jsonPath().<String>getList("items.providerId").stream()
                .filter(ours::contains).toList();
        assertThat(order).containsExactly(two.toString(), oneAmber.toString(), one.toString(), none.toString());

        List<String> placed = given().auth().oauth2(CAMBRIDGESHIRE_OFFICER).queryParam("placed", "true")
                .queryParam("size", 200).get("/providers").then().statusCode(200).extract().jsonPath()
                .<String>getList("items.providerId");
        assertThat(placed).contains(two.toString(), one.toString(), spotOnly.toString()).doesNotContain(none.toString());
        given().auth().oauth2(CAMBRIDGESHIRE_OFFICER).queryParam("placed", "maybe").get("/providers").then()
                .statusCode(400).body("errors[0].field", equalTo("placed"));
        given().auth().oauth2(CAMBRIDGESHIRE_OFFICER).queryParam("order", "size").get("/providers").then()
                .statusCode(400).body("errors[0].field", equalTo("order"));
        given().auth().oauth2(CAMBRIDGESHIRE_OFFICER).get("/providers/" + UUID.randomUUID() + "/quality").then()
                .statusCode(404).contentType("application/problem+json");
    }
}
