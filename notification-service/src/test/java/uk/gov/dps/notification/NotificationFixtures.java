package uk.gov.dps.notification;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.inject.spi.CDI;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.lot.LotSnapshot;
import uk.gov.dps.events.provider.ProviderContactsChanged;
import uk.gov.dps.notification.service.Db;
import uk.gov.dps.notification.service.Directory;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.SentMail;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.AdjustableClock;

final class NotificationFixtures {

    static final java.time.Duration WAIT = java.time.Duration.ofSeconds(30);

    private NotificationFixtures() {
    }

    static RawEvents events() {
        return new RawEvents(SharedInfrastructure.kafkaBootstrapServers());
    }

    static SentMail sentMail() {
        return new SentMail(URI.create(ConfigProvider.getConfig().getValue("dps.test.smtp.api", String.class)));
    }

    /** An address no other test uses, so each test reads only its own mail. */
    static String address(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@provider.example";
    }

    static LotSnapshot lot(UUID lotId, String name, String... councils) {
        return new LotSnapshot(lotId, UUID.randomUUID(), "DPS-1", "ISEP", name, "RESIDENTIAL", List.of("52_WEEK"),
                List.of(new LotSnapshot.Category("EMERGENCY", "Emergency")), List.of(), false, true,
                List.of(councils), LocalDate.parse("2018-04-01"), LocalDate.parse("2022-03-31"));
    }

    /**
     * Gives a provider its contacts as provider-service does: a contacts-changed event on dps.providers, awaited
     * until the service has it (it arrives on another topic than the call-offs that follow).
     */
    static void contacts(UUID providerId, String name, Directory.ContactEntry... contacts) {
        try (RawEvents events = events()) {
            events.sendEvent(UUID.randomUUID().toString(), EventCatalog.PROVIDER_CONTACTS_CHANGED, providerId,
                    new ProviderContactsChanged(providerId, name, Stream.of(contacts)
                            .map(c -> new ProviderContactsChanged.Contact(c.name(), c.email(), c.kinds())).toList(),
                            Instant.now()));
        }
        Db db = CDI.current().select(Db.class).get();
        Awaitility.await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> db.one(
                "SELECT count(*) FROM provider_contact WHERE provider_id = ?", rs -> rs.getInt(1), providerId)
                .orElse(0)) == contacts.length);
    }

    static Directory.ContactEntry contact(String email, String... kinds) {
        return new Directory.ContactEntry("Contact", email, List.of(kinds));
    }

    static JsonPath notifications(String token) {
        return given().auth().oauth2(token).queryParam("size", 200).get("/notifications").then().statusCode(200)
                .extract().jsonPath();
    }

    static Instant now() {
        return CDI.current().select(AdjustableClock.class).get().instant();
    }
}
