package uk.gov.dps.lot;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.nullValue;
import static uk.gov.dps.lot.LotFixtures.COMMISSIONER;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.provider.ProviderAdmittedToLot;
import uk.gov.dps.events.provider.ProviderDocumentExpired;
import uk.gov.dps.events.provider.ProviderDocumentRecorded;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.Tokens;

/** The members list tells commissioners whose mandatory documents have lapsed, from provider-service's events. */
@QuarkusTest
class MemberDocumentsTest {

    private static final String PUBLIC_LIABILITY = "PUBLIC_LIABILITY_INSURANCE";

    @Test
    void anExpiredMandatoryDocumentShowsUntilAValidReplacementIsRecorded() {
        UUID lot = UUID.fromString(LotFixtures.createIfaLot(LotFixtures.establishDps()));
        UUID lapsed = UUID.randomUUID();
        UUID insured = UUID.randomUUID();
        try (RawEvents events = new RawEvents(SharedInfrastructure.kafkaBootstrapServers())) {
            events.sendEvent(EventCatalog.PROVIDER_ADMITTED_TO_LOT, lapsed, new ProviderAdmittedToLot(lapsed,
                    "Lapsed Fostering", lot, UUID.randomUUID(), List.of("EMERGENCY"), "TIER_1", Instant.now()));
            events.sendEvent(EventCatalog.PROVIDER_ADMITTED_TO_LOT, insured, new ProviderAdmittedToLot(insured,
                    "Insured Fostering", lot, UUID.randomUUID(), List.of("EMERGENCY"), "TIER_1", Instant.now()));
            events.sendEvent(EventCatalog.PROVIDER_DOCUMENT_EXPIRED, lapsed, new ProviderDocumentExpired(lapsed,
                    UUID.randomUUID(), PUBLIC_LIABILITY, "PL-2018", LocalDate.of(2019, 3, 1)));
            events.sendEvent(EventCatalog.PROVIDER_DOCUMENT_EXPIRED, lapsed, new ProviderDocumentExpired(lapsed,
                    UUID.randomUUID(), "REGISTRATION_CERTIFICATE", "R-1", LocalDate.of(2019, 3, 2)));
            awaitExpired(lot, List.of(List.of(), List.of(PUBLIC_LIABILITY, "REGISTRATION_CERTIFICATE")));
            // providers see the list without other members' documents
            given().auth().oauth2(Tokens.forProvider(insured.toString())).get("/lots/" + lot + "/members").then()
                    .statusCode(200).body("items[0].expiredDocuments", nullValue());

            // an already-expired document recorded as "replacement" is no replacement
            events.sendEvent(EventCatalog.PROVIDER_DOCUMENT_RECORDED, lapsed, new ProviderDocumentRecorded(lapsed,
                    UUID.randomUUID(), "REGISTRATION_CERTIFICATE", true, "R-OLD", LocalDate.of(2017, 1, 1),
                    LocalDate.of(2018, 1, 1), null, Instant.parse("2019-03-04T09:00:00Z")));
            // a valid replacement clears its type only
            events.sendEvent(EventCatalog.PROVIDER_DOCUMENT_RECORDED, lapsed, new ProviderDocumentRecorded(lapsed,
                    UUID.randomUUID(), PUBLIC_LIABILITY, true, "PL-2019", LocalDate.of(2019, 3, 1),
                    LocalDate.of(2020, 2, 29), null, Instant.parse("2019-03-04T09:00:00Z")));
            awaitExpired(lot, List.of(List.of(), List.of("REGISTRATION_CERTIFICATE")));

            events.sendEvent(EventCatalog.PROVIDER_DOCUMENT_RECORDED, lapsed, new ProviderDocumentRecorded(lapsed,
                    UUID.randomUUID(), "REGISTRATION_CERTIFICATE", true, "R-2", LocalDate.of(2019, 3, 5),
                    LocalDate.of(2022, 3, 4), null, Instant.parse("2019-03-05T09:00:00Z")));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(COMMISSIONER)
                    .get("/lots/" + lot + "/members").then().statusCode(200)
                    .body("items.providerName", contains("Insured Fostering", "Lapsed Fostering"))
                    .body("items[1].expiredDocuments", empty()));
        }
    }

    /** Members are listed by name: Insured Fostering, then Lapsed Fostering. */
    private static void awaitExpired(UUID lot, List<List<String>> expected) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(COMMISSIONER)
                .get("/lots/" + lot + "/members").then().statusCode(200)
                .body("items.providerName", contains("Insured Fostering", "Lapsed Fostering"))
                .body("items.expiredDocuments", org.hamcrest.Matchers.equalTo(expected)));
    }
}
