package uk.gov.dps.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.gov.dps.notification.NotificationFixtures.WAIT;
import static uk.gov.dps.notification.NotificationFixtures.address;
import static uk.gov.dps.notification.NotificationFixtures.contact;
import static uk.gov.dps.notification.NotificationFixtures.contacts;
import static uk.gov.dps.notification.NotificationFixtures.events;
import static uk.gov.dps.notification.NotificationFixtures.lot;
import static uk.gov.dps.notification.NotificationFixtures.now;
import static uk.gov.dps.notification.NotificationFixtures.sentMail;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.placement.CallOffIssued;
import uk.gov.dps.events.placement.FundingShare;
import uk.gov.dps.events.placement.OfferDeclined;
import uk.gov.dps.events.placement.OfferSubmitted;
import uk.gov.dps.events.placement.PlacementAwarded;
import uk.gov.dps.events.placement.WeeklyFee;
import uk.gov.dps.events.provider.ProviderRegistered;
import uk.gov.dps.notification.service.Db;
import uk.gov.dps.notification.service.Directory;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.RealInfrastructure;
import uk.gov.dps.testing.RealSmtp;
import uk.gov.dps.testing.SentMail;
import uk.gov.dps.testing.Tokens;
import uk.gov.dps.testing.AdjustableClock;

/** What providers are told by email: invitations, reminders, outcomes; once per address, failures retried. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(RealSmtp.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class ProviderEmailTest {

    @Inject
    AdjustableClock clock;

    @Inject
    Db db;

    @Inject
    Directory directory;

    private final SentMail mail = sentMail();

    @Test
    void aCallOffInvitesEachInvitedProvidersReferralsContactsOnceAndNobodyElse() {
        UUID lotId = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID notInvited = UUID.randomUUID();
        String firstReferrals = address("referrals");
        String firstCompliance = address("compliance");
        String secondReferrals = address("intake");
        String notInvitedReferrals = address("other");
        contacts(first, "Oak House Care", contact(firstReferrals, "REFERRALS"), contact(firstCompliance, "COMPLIANCE"));
        contacts(second, "Willow Lodge", contact(secondReferrals, "REFERRALS", "CONTRACTS"));
        contacts(notInvited, "Elm Court", contact(notInvitedReferrals, "REFERRALS"));
        UUID referral = UUID.randomUUID();
        Instant respondBy = Instant.parse("2018-10-10T16:00:00Z");
        CallOffIssued callOff = new CallOffIssued(referral, "cambridgeshire", lotId, "EMERGENCY",
                List.of(first, second), null, respondBy, now());

        try (RawEvents events = events()) {
            events.sendEvent(EventCatalog.LOT_OPENED, lotId, lot(lotId, "Residential care", "cambridgeshire"));
            // lots and call-offs are on different topics: the call-off comes once the lot (its name) is known
            await().atMost(WAIT).until(() -> directory.lotName(lotId).isPresent());
            String id = events.sendEvent(EventCatalog.CALL_OFF_ISSUED, referral, callOff);
            events.sendEvent(id, EventCatalog.CALL_OFF_ISSUED, referral, callOff); // redelivered

            await().atMost(WAIT).until(() -> mail.to(firstReferrals).size() == 1 && mail.to(secondReferrals).size() == 1);
            // a later event on the same partition: once it is handled, so is the redelivery before it
            String marker = address("marker");
            UUID markerProvider = UUID.randomUUID();
            contacts(markerProvider, "Marker", contact(marker, "REFERRALS"));
            events.sendEvent(EventCatalog.CALL_OFF_ISSUED, referral, new CallOffIssued(UUID.randomUUID(),
                    "cambridgeshire", lotId, "EMERGENCY", List.of(markerProvider), null, respondBy, now()));
            await().atMost(WAIT).until(() -> mail.to(marker).size() == 1);
        }

        assertThat(mail.to(firstReferrals)).singleElement().satisfies(invitation -> {
            assertThat(invitation.subject()).isEqualTo("New referral: respond by 5:00pm on Wednesday 10 October 2018");
            assertThat(invitation.from()).contains("notifications@dps.example");
            assertThat(invitation.header("Reply-To")).contains("dps-support@dps.example");
            assertThat(invitation.text()).contains("Cambridgeshire County Council invites you to offer a placement")
                    .contains("Residential care").contains("EMERGENCY")
                    .contains("http://localhost:8080/invitations");
            assertThat(invitation.html()).contains("<h1").contains("New referral: respond by")
                    .contains("href=\"http://localhost:8080/invitations\"");
        });
        assertThat(mail.to(secondReferrals)).singleElement()
                .satisfies(invitation -> assertThat(invitation.subject()).startsWith("New referral"));
        assertThat(mail.to(firstCompliance)).isEmpty();
        assertThat(mail.to(notInvitedReferrals)).isEmpty();

        // in the application too, with the email that carried it
        JsonPath inbox = NotificationFixtures.notifications(Tokens.forProvider(first.toString()));
        assertThat(inbox.getList("items.kind", String.class)).containsExactly("INVITATION");
        String notification = inbox.getString("items[0].id");
        given().auth().oauth2(Tokens.forProvider(first.toString())).get("/notifications/" + notification).then()
                .statusCode(200).body("link", org.hamcrest.Matchers.equalTo("/invitations"))
                .body("emails.address", org.hamcrest.Matchers.contains(firstReferrals))
                .body("emails.status", org.hamcrest.Matchers.contains("SENT"));
        assertThat(NotificationFixtures.notifications(Tokens.forProvider(notInvited.toString()))
                .getList("items")).isEmpty();
    }

    @Test
    void theDeadlineReminderGoesOnceToInvitedProvidersThatHaveNotAnswered() {
        UUID lotId = UUID.randomUUID();
        UUID offered = UUID.randomUUID();
        UUID declined = UUID.randomUUID();
        UUID silent = UUID.randomUUID();
        String offeredAddress = address("offered");
        String declinedAddress = address("declined");
        String silentAddress = address("silent");
        contacts(offered, "Offered Ltd", contact(offeredAddress, "REFERRALS"));
        contacts(declined, "Declined Ltd", contact(declinedAddress, "REFERRALS"));
        contacts(silent, "Silent Ltd", contact(silentAddress, "REFERRALS"));
        UUID referral = UUID.randomUUID();
        Instant respondBy = now().plus(Duration.ofHours(30));

        try (RawEvents events = events()) {
            events.sendEvent(EventCatalog.CALL_OFF_ISSUED, referral, new CallOffIssued(referral, "essex", lotId,
                    null, List.of(offered, declined, silent), null, respondBy, now()));
            events.sendEvent(EventCatalog.OFFER_SUBMITTED, referral, new OfferSubmitted(referral, UUID.randomUUID(),
                    offered, null, LocalDate.parse("2018-10-15"), now(), null));
            events.sendEvent(EventCatalog.OFFER_DECLINED, referral, new OfferDeclined(referral, declined,
                    "NO_CAPACITY", null, now()));
            await().atMost(WAIT).until(() -> answered(referral) == 2);
        }
        await().atMost(WAIT).until(() -> mail.to(silentAddress).size() == 1); // the invitation
        // not yet due: nothing more
        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        assertThat(mail.to(silentAddress)).hasSize(1);

        clock.moveOn(Duration.ofHours(27)); // past respond-by minus 4 hours
        await().atMost(WAIT).until(() -> mail.to(silentAddress).size() == 2);
        assertThat(mail.to(silentAddress).get(1)).satisfies(reminder -> {
            assertThat(reminder.subject()).startsWith("Reminder: respond by");
            assertThat(reminder.text()).contains("You have not yet answered Essex County Council's referral");
        });
        await().pollDelay(Duration.ofSeconds(3)).until(() -> true); // several more checks: still once
        assertThat(mail.to(silentAddress)).hasSize(2);
        assertThat(mail.to(offeredAddress)).extracting(SentMail.Mail::subject).noneMatch(s -> s.startsWith("Reminder"));
        assertThat(mail.to(declinedAddress)).extracting(SentMail.Mail::subject).noneMatch(s -> s.startsWith("Reminder"));
    }

    @Test
    void anAwardTellsTheWinnerAndTheOthersThatTheyWereNotSuccessfulWithoutNamingTheWinnerOrThePrice() {
        UUID lotId = UUID.randomUUID();
        UUID winner = UUID.randomUUID();
        UUID loser = UUID.randomUUID();
        String winnerAddress = address("winner");
        String loserAddress = address("loser");
        contacts(winner, null, contact(winnerAddress, "REFERRALS"));
        contacts(loser, "Birch Homes", contact(loserAddress, "REFERRALS"));
        UUID referral = UUID.randomUUID();
        UUID placement = UUID.randomUUID();

        try (RawEvents events = events()) {
            events.sendEvent(EventCatalog.PROVIDER_REGISTERED, winner, new ProviderRegistered(winner,
                    "Chestnut Care Group", null, null, null, "CB1 1AA", now()));
            events.sendEvent(EventCatalog.PLACEMENT_AWARDED, placement, award(placement, referral, "suffolk", lotId,
                    winner, List.of(loser)));
            await().atMost(WAIT).until(() -> mail.to(winnerAddress).size() == 1 && mail.to(loserAddress).size() == 1);
        }

        assertThat(mail.to(winnerAddress)).singleElement().satisfies(awarded -> {
            assertThat(awarded.subject()).isEqualTo("Your offer was successful");
            assertThat(awarded.text()).contains("Suffolk County Council accepted your offer");
        });
        assertThat(mail.to(loserAddress)).singleElement().satisfies(notSuccessful -> {
            assertThat(notSuccessful.subject()).isEqualTo("Your offer was not successful");
            assertThat(notSuccessful.text() + notSuccessful.html()).doesNotContain("Chestnut")
                    .doesNotContain(winner.toString()).doesNotContain("4,250").doesNotContain("4250")
                    .doesNotContain("£");
        });
    }

    @Test
    void aFailedSendIsRetriedLaterWithoutHoldingUpTheOtherRecipientsAndGivenUpAfterTheLastAttempt() {
        UUID provider = UUID.randomUUID();
        String good = address("good");
        // an address the mailer cannot send to: each attempt fails, as a relay refusing it would
        String refused = "refused-" + UUID.randomUUID().toString().substring(0, 8) + "@";
        contacts(provider, "Hazel Homes", contact(good, "REFERRALS"), contact(refused, "REFERRALS"));
        UUID referral = UUID.randomUUID();

        try (RawEvents events = events()) {
            events.sendEvent(EventCatalog.CALL_OFF_ISSUED, referral, new CallOffIssued(referral, "thurrock",
                    UUID.randomUUID(), null, List.of(provider), null, now().plus(Duration.ofDays(2)), now()));
        }
        await().atMost(WAIT).until(() -> mail.to(good).size() == 1);

        String token = Tokens.forProvider(provider.toString());
        String id = NotificationFixtures.notifications(token).getString("items[0].id");
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath emails = given().auth().oauth2(token).get("/notifications/" + id).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(emails.getString("emails.find { it.address == '" + good + "' }.status")).isEqualTo("SENT");
            assertThat(emails.getString("emails.find { it.address == '" + refused + "' }.status"))
                    .isEqualTo("FAILED");
            assertThat(emails.getInt("emails.find { it.address == '" + refused + "' }.attempts")).isEqualTo(3);
            assertThat(emails.getString("emails.find { it.address == '" + refused + "' }.lastError")).isNotBlank();
        });
        assertThat(mail.to(good)).hasSize(1);
    }

    private int answered(UUID referral) {
        return db.one("SELECT count(*) FROM invitation WHERE referral_id = ? AND responded_at IS NOT NULL",
                rs -> rs.getInt(1), referral).orElse(0);
    }

    static PlacementAwarded award(UUID placement, UUID referral, String council, UUID lotId, UUID provider,
            List<UUID> unsuccessful) {
        return new PlacementAwarded(placement, referral, council, lotId, "RESIDENTIAL", provider, UUID.randomUUID(),
                new WeeklyFee(new BigDecimal("4250.00"), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                        new BigDecimal("4250.00")),
                "52_WEEK", LocalDate.parse("2018-10-15"), null,
                List.of(new FundingShare("LAC_PLACEMENTS", new BigDecimal("100"))), "PANEL-1", false, unsuccessful,
                now());
    }
}
