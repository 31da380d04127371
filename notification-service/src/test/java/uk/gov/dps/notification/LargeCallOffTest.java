package uk.gov.dps.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.gov.dps.notification.NotificationFixtures.events;
import static uk.gov.dps.notification.NotificationFixtures.now;
import static uk.gov.dps.notification.NotificationFixtures.sentMail;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.placement.CallOffIssued;
import uk.gov.dps.events.placement.ExemptionExpiring;
import uk.gov.dps.notification.service.Db;
import uk.gov.dps.notification.service.Directory;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.SentMail;

/** A call-off to a whole lot of 2,000 providers: every invitation is sent, and other notifications are not held up. */
@QuarkusTest
class LargeCallOffTest {

    private static final int PROVIDERS = 2000;

    @Inject
    Directory directory;

    @Inject
    Db db;

    private final SentMail mail = sentMail();

    @Test
    void twoThousandInvitationsAreAllSentWhileAnotherNotificationGoesOutMeanwhile() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<UUID> providers = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < PROVIDERS; i++) {
                UUID provider = UUID.randomUUID();
                providers.add(provider);
                directory.contactsChanged(provider, "Provider " + i, List.of(new Directory.ContactEntry("Referrals",
                        "referrals-" + i + "-" + run + "@large.example", List.of("REFERRALS"))));
            }
        });
        UUID referral = UUID.randomUUID();
        String reason = "Large call-off test " + run;
        try (RawEvents events = events()) {
            events.sendEvent(EventCatalog.CALL_OFF_ISSUED, referral, new CallOffIssued(referral, "essex",
                    UUID.randomUUID(), null, providers, null, now().plus(Duration.ofDays(3)), now()));
            UUID exemption = UUID.randomUUID();
            events.sendEvent(EventCatalog.EXEMPTION_EXPIRING, exemption, new ExemptionExpiring(exemption, "essex",
                    "RESIDENTIAL", reason, "SPOT", LocalDate.parse("2018-11-30"), 14));
        }

        // the exemption's email goes out while the invitations are still being sent, not after all of them
        await().atMost(Duration.ofSeconds(60)).until(() -> about(reason, "placements@essex.example") == 1);
        assertThat(sent(referral)).isLessThan(PROVIDERS);
        await().atMost(Duration.ofSeconds(180)).until(() -> sent(referral) == PROVIDERS);
        assertThat(about(reason, "commissioning@essex.example")).isEqualTo(1);
        for (int i : List.of(0, 999, PROVIDERS - 1)) {
            assertThat(mail.to("referrals-" + i + "-" + run + "@large.example")).singleElement()
                    .satisfies(m -> assertThat(m.subject()).startsWith("New referral"));
        }
    }

    private int sent(UUID referral) {
        return db.one("SELECT count(*) FROM email_delivery d JOIN invitation i ON i.referral_id = ? "
                + "JOIN notification n ON n.id = d.notification_id AND n.provider_id = i.provider_id "
                + "WHERE d.status = 'SENT' AND n.kind = 'INVITATION'", rs -> rs.getInt(1), referral).orElse(0);
    }

    private long about(String text, String address) {
        return mail.to(address).stream().filter(m -> m.text().contains(text)).count();
    }
}
