package uk.gov.dps.transparency;

import static io.restassured.RestAssured.given;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.lot.LotSnapshot;
import uk.gov.dps.events.lot.PurchasingSystemEstablished;
import uk.gov.dps.events.placement.FundingShare;
import uk.gov.dps.events.placement.PlacementAwarded;
import uk.gov.dps.events.placement.WeeklyFee;
import uk.gov.dps.events.provider.ProviderRegistered;
import uk.gov.dps.events.spend.PaymentRecorded;
import uk.gov.dps.testing.OcdsSchemas;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.SharedInfrastructure;

/** Events as the other services publish them, and the published documents read back over HTTP. */
final class TransparencyFixtures {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();
    /** The schemas the service ships, with the extensions its packages name. */
    static final OcdsSchemas OCDS = OcdsSchemas.fromClasspath("ocds", "lots", "techniques", "uk");

    private TransparencyFixtures() {
    }

    static RawEvents events() {
        return new RawEvents(SharedInfrastructure.kafkaBootstrapServers());
    }

    /** A DPS with one lot, shared by Cambridgeshire and Peterborough; returns the lot id. */
    static UUID dpsWithLot(RawEvents events, UUID dpsId, String regime, LocalDate from, LocalDate to) {
        String reference = "DPS-" + dpsId.toString().substring(0, 6);
        List<String> councils = List.of("cambridgeshire", "peterborough");
        events.sendEvent(EventCatalog.PURCHASING_SYSTEM_ESTABLISHED, dpsId, new PurchasingSystemEstablished(dpsId,
                reference, "Children's placements " + reference, regime, councils, from, to));
        UUID lotId = UUID.randomUUID();
        events.sendEvent(EventCatalog.LOT_OPENED, lotId, new LotSnapshot(lotId, dpsId, reference, "RES",
                "Residential Children's Homes", "RESIDENTIAL", List.of("WEEKS_52"),
                List.of(new LotSnapshot.Category("EMERGENCY", "Emergency")), List.of("Ofsted registered"), false, true,
                councils, from, to));
        return lotId;
    }

    static UUID provider(RawEvents events, String name, String urn, String companiesHouseNumber) {
        UUID providerId = UUID.randomUUID();
        events.sendEvent(EventCatalog.PROVIDER_REGISTERED, providerId, new ProviderRegistered(providerId, name, urn,
                null, companiesHouseNumber, "PE1 1AA", Instant.parse("2018-04-02T09:00:00Z")));
        return providerId;
    }

    static PlacementAwarded award(UUID placementId, UUID referralId, String council, UUID lotId, UUID providerId,
            String weeklyFee, String pattern, LocalDate start, LocalDate expectedEnd, Instant awardedAt) {
        BigDecimal fee = new BigDecimal(weeklyFee);
        return new PlacementAwarded(placementId, referralId, council, lotId, "RESIDENTIAL", providerId,
                UUID.randomUUID(), new WeeklyFee(fee, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, fee), pattern,
                start, expectedEnd, List.of(new FundingShare("LAC_PLACEMENTS", new BigDecimal("100"))), null, false,
                List.of(), awardedAt);
    }

    static PaymentRecorded payment(UUID placementId, UUID providerId, String council, String amount, LocalDate paidOn,
            String reference) {
        return new PaymentRecorded(UUID.randomUUID(), UUID.randomUUID(), "INV-" + reference, placementId, providerId,
                council, new BigDecimal(amount), paidOn.minusDays(10), paidOn, reference, "FINANCE_OFFICER",
                List.of(new PaymentRecorded.StreamAmount("LAC_PLACEMENTS", new BigDecimal(amount))),
                paidOn.atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
    }

    static Response get(String path) {
        return given().when().get(path);
    }

    static JsonNode json(String path) {
        try {
            return JSON.readTree(get(path).then().statusCode(200).extract().asString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode releasePackage(UUID dpsId) {
        return json("/ocds/dps/" + dpsId + "/releases");
    }

    static JsonNode recordPackage(UUID dpsId) {
        return json("/ocds/dps/" + dpsId + "/records");
    }

    /** Waits until the DPS's release package holds this many call-off releases (besides the DPS's own). */
    static JsonNode awaitCallOffs(UUID dpsId, int callOffs) {
        JsonNode[] found = new JsonNode[1];
        Awaitility.await().atMost(WAIT).until(() -> {
            if (get("/ocds/dps/" + dpsId + "/releases").statusCode() != 200) {
                return false;
            }
            found[0] = releasePackage(dpsId);
            return found[0].get("releases").size() == callOffs + 1;
        });
        return found[0];
    }

    static String csv(String council, String file, String quarter) {
        return given().queryParam("quarter", quarter).when().get("/transparency-code/" + council + "/" + file).then()
                .statusCode(200).contentType("text/csv").extract().asString();
    }
}
