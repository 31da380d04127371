package uk.gov.dps.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.gov.dps.notification.NotificationFixtures.WAIT;
import static uk.gov.dps.notification.NotificationFixtures.address;
import static uk.gov.dps.notification.NotificationFixtures.contact;
import static uk.gov.dps.notification.NotificationFixtures.contacts;
import static uk.gov.dps.notification.NotificationFixtures.events;
import static uk.gov.dps.notification.NotificationFixtures.now;
import static uk.gov.dps.notification.NotificationFixtures.sentMail;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import jakarta.inject.Inject;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.placement.CallOffIssued;
import uk.gov.dps.events.placement.OfferSubmitted;
import uk.gov.dps.events.placement.ReferralCancelled;
import uk.gov.dps.testing.AdjustableClock;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.RealInfrastructure;
import uk.gov.dps.testing.RealSmtp;
import uk.gov.dps.testing.SentMail;
import uk.gov.dps.testing.Tokens;

/** What invited providers hear when a referral is cancelled or its call-off re-run in a new round. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(RealSmtp.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ReferralLifecycleEmailTest {

    @Inject
    AdjustableClock clock;

    private final SentMail mail = sentMail();

    @Test
    void aCancelledReferralTellsEveryInvitedProviderItClosedAndNobodyIsRemindedOfIt() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        String firstReferrals = address("closed-first");
        String firstContracts = address("closed-contracts");
        String secondReferrals = address("closed-second");
        contacts(first, "Oak House Care", contact(firstReferrals, "REFERRALS"), contact(firstContracts, "CONTRACTS"));
        contacts(second, "Willow Lodge", contact(secondReferrals, "REFERRALS"));
        UUID referral = UUID.randomUUID();

        try (RawEvents events = events()) {
            events.sendEvent(EventCatalog.CALL_OFF_ISSUED, referral, new CallOffIssued(referral, "peterborough",
                    UUID.randomUUID(), null, List.of(first, second), null, now().plus(Duration.ofHours(30)), now()));
            events.sendEvent(EventCatalog.REFERRAL_CANCELLED, referral, new ReferralCancelled(referral,
                    "peterborough", "The child returned home to family", List.of(first, second), now()));
            await().atMost(WAIT).until(() -> mail.to(firstReferrals).size() == 2 && mail.to(secondReferrals).size() == 2);
        }
        assertThat(mail.to(firstReferrals).get(1)).satisfies(closed -> {
            assertThat(closed.subject()).isEqualTo("Referral closed: no response needed");
            assertThat(closed.text()).contains("Peterborough City Council has cancelled a referral");
        });
        assertThat(mail.to(firstContracts)).isEmpty();
        assertThat(NotificationFixtures.notifications(Tokens.forProvider(second.toString()))
                .getList("items.kind", String.class)).contains("REFERRAL_CLOSED", "INVITATION");

        // its reminder was due 4 working hours before the deadline: it no longer goes
        clock.moveOn(Duration.ofHours(27));
        await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
        assertThat(mail.to(firstReferrals)).hasSize(2);
        assertThat(mail.to(secondReferrals)).hasSize(2);
    }

    @Test
    void aNewRoundInvitesAgainAndRemindsEvenThoseThatAnsweredTheFirstRound() {
        UUID offered = UUID.randomUUID();
        UUID silent = UUID.randomUUID();
        String offeredAddress = address("round-offered");
        String silentAddress = address("round-silent");
        contacts(offered, "Offered Ltd", contact(offeredAddress, "REFERRALS"));
        contacts(silent, "Silent Ltd", contact(silentAddress, "REFERRALS"));
        UUID referral = UUID.randomUUID();
        UUID lot = UUID.randomUUID();
        Instant firstDeadline = now().plus(Duration.ofHours(2));

        try (RawEvents events = events()) {
            events.sendEvent(EventCatalog.CALL_OFF_ISSUED, referral, new CallOffIssued(referral, "essex", lot,
                    "EMERGENCY", List.of(offered, silent), null, firstDeadline, now(), 1));
            events.sendEvent(EventCatalog.OFFER_SUBMITTED, referral, new OfferSubmitted(referral, UUID.randomUUID(),
                    offered, null, LocalDate.parse("2018-10-29"), now(), null));
            await().atMost(WAIT).until(() -> mail.to(offeredAddress).size() == 1 && mail.to(silentAddress).size() == 1);
            clock.moveOn(Duration.ofHours(3)); // round 1 is over
            Instant secondDeadline = now().plus(Duration.ofHours(30));
            events.sendEvent(EventCatalog.CALL_OFF_ISSUED, referral, new CallOffIssued(referral, "essex", lot,
                    null, List.of(offered, silent), null, secondDeadline, now(), 2));
            await().atMost(WAIT).until(() -> mail.to(offeredAddress).size() == 2 && mail.to(silentAddress).size() == 2);
        }
        assertThat(mail.to(offeredAddress).get(1).subject()).startsWith("New referral: respond by");

        // round 2's reminder: to both, since neither has answered round 2
        clock.moveOn(Duration.ofHours(27));
        await().atMost(WAIT).until(() -> mail.to(offeredAddress).size() == 3 && mail.to(silentAddress).size() == 3);
        assertThat(mail.to(offeredAddress).get(2).subject()).startsWith("Reminder: respond by");
        await().pollDelay(Duration.ofSeconds(3)).until(() -> true); // still once
        assertThat(mail.to(silentAddress)).hasSize(3);
    }
}
