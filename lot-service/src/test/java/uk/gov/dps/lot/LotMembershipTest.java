package uk.gov.dps.lot;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static uk.gov.dps.lot.LotFixtures.COMMISSIONER;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.provider.ProviderAdmittedToLot;
import uk.gov.dps.events.provider.ProviderReinstated;
import uk.gov.dps.events.provider.ProviderSuspended;
import uk.gov.dps.events.provider.ProviderTierChanged;
import uk.gov.dps.events.provider.ProviderWithdrawn;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.Tokens;

/** The members list is built from provider-service's events on dps.providers. */
@QuarkusTest
class LotMembershipTest {

    private static final String OFFICER = Tokens.forCouncil("placement-officer", "peterborough");

    @Test
    void membersFollowAdmissionsSuspensionsTiersAndWithdrawals() {
        UUID lot = UUID.fromString(LotFixtures.createIfaLot(LotFixtures.establishDps()));
        UUID alpha = UUID.randomUUID();
        UUID beta = UUID.randomUUID();
        try (RawEvents events = new RawEvents(SharedInfrastructure.kafkaBootstrapServers())) {
            String admittedAlpha = events.sendEvent(EventCatalog.PROVIDER_ADMITTED_TO_LOT, alpha, new ProviderAdmittedToLot(
                    alpha, "Alpha Fostering", lot, UUID.randomUUID(), List.of("EMERGENCY"), "TIER_1", Instant.now()));
            events.sendEvent(EventCatalog.PROVIDER_ADMITTED_TO_LOT, beta, new ProviderAdmittedToLot(beta,
                    "Beta Care", lot, UUID.randomUUID(), List.of("PARENT_AND_CHILD"), "TIER_2", Instant.now()));
            // a redelivered admission changes nothing
            events.sendEvent(admittedAlpha, EventCatalog.PROVIDER_ADMITTED_TO_LOT, alpha, new ProviderAdmittedToLot(
                    alpha, "Alpha Fostering", lot, UUID.randomUUID(), List.of("EMERGENCY"), "TIER_1", Instant.now()));
            awaitMembers(lot, List.of("Alpha Fostering", "Beta Care"));

            given().auth().oauth2(OFFICER).queryParam("category", "EMERGENCY").get("/lots/" + lot + "/members")
                    .then().statusCode(200).body("items.providerName", contains("Alpha Fostering"))
                    .body("items[0].tier", equalTo("TIER_1")).body("items[0].status", equalTo("ACTIVE"));

            events.sendEvent(EventCatalog.PROVIDER_SUSPENDED, beta,
                    new ProviderSuspended(beta, List.of(lot), "Inadequate", true, Instant.now()));
            awaitMembers(lot, List.of("Alpha Fostering"));
            given().auth().oauth2(OFFICER).queryParam("status", "suspended").get("/lots/" + lot + "/members")
                    .then().body("items.providerName", contains("Beta Care"));

            events.sendEvent(EventCatalog.PROVIDER_REINSTATED, beta,
                    new ProviderReinstated(beta, List.of(lot), "Re-inspected Good", Instant.now()));
            awaitMembers(lot, List.of("Alpha Fostering", "Beta Care"));

            events.sendEvent(EventCatalog.PROVIDER_TIER_CHANGED, alpha,
                    new ProviderTierChanged(alpha, lot, "TIER_1", "TIER_2", "Annual review", Instant.now()));
            events.sendEvent(EventCatalog.PROVIDER_WITHDRAWN, beta,
                    new ProviderWithdrawn(beta, List.of(lot), "Ceased trading", Instant.now()));
            awaitMembers(lot, List.of("Alpha Fostering"));
            // Alpha's tier change is keyed by Alpha, so it may be applied after Beta's withdrawal
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(OFFICER)
                    .get("/lots/" + lot + "/members").then().body("items[0].tier", equalTo("TIER_2")));
        }
    }

    @Test
    void anUnknownCategoryOrStatusIsABadRequestAndAnUnknownLotIsNotFound() {
        String lot = LotFixtures.createIfaLot(LotFixtures.establishDps());
        given().auth().oauth2(OFFICER).queryParam("category", "HORSES").get("/lots/" + lot + "/members")
                .then().statusCode(400).body("errors.field", hasItem("category"));
        given().auth().oauth2(OFFICER).queryParam("status", "retired").get("/lots/" + lot + "/members")
                .then().statusCode(400).body("errors.field", hasItem("status"));
        given().auth().oauth2(OFFICER).get("/lots/" + UUID.randomUUID() + "/members").then().statusCode(404);
        given().auth().oauth2(COMMISSIONER).get("/lots/" + lot + "/members").then().statusCode(200)
                .body("items", empty());
    }

    private static void awaitMembers(UUID lot, List<String> names) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath page = given().auth().oauth2(OFFICER).get("/lots/" + lot + "/members").then().statusCode(200)
                    .extract().jsonPath();
            org.assertj.core.api.Assertions.assertThat(page.getList("items.providerName")).isEqualTo(names);
        });
    }
}
