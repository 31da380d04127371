package uk.gov.dps.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static uk.gov.dps.notification.NotificationFixtures.WAIT;
import static uk.gov.dps.notification.NotificationFixtures.events;
import static uk.gov.dps.notification.NotificationFixtures.lot;
import static uk.gov.dps.notification.NotificationFixtures.notifications;
import static uk.gov.dps.notification.NotificationFixtures.now;
import static uk.gov.dps.notification.NotificationFixtures.sentMail;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.Topics;
import uk.gov.dps.events.placement.FeeChangeDecided;
import uk.gov.dps.events.placement.FeeChangeRequested;
import uk.gov.dps.events.placement.PanelDecided;
import uk.gov.dps.events.placement.PanelRequested;
import uk.gov.dps.events.placement.PlacementEnded;
import uk.gov.dps.events.placement.SpotPurchaseMade;
import uk.gov.dps.events.placement.WeeklyFee;
import uk.gov.dps.events.provider.ApplicationDueSoon;
import uk.gov.dps.events.provider.ApplicationOverdue;
import uk.gov.dps.events.provider.ApplicationSubmitted;
import uk.gov.dps.events.provider.ProviderDocumentExpiring;
import uk.gov.dps.events.provider.ProviderRegistered;
import uk.gov.dps.events.quality.RiskRatingChanged;
import uk.gov.dps.events.spend.ThresholdCrossed;
import uk.gov.dps.notification.service.Directory;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.SentMail;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.Tokens;
import uk.gov.dps.testing.TopicReader;

/** What council teams are told, and how anyone reads their notifications in the application. */
@QuarkusTest
class CouncilAndInAppTest {

    private final SentMail mail = sentMail();

    @Inject
    Directory directory;

    @Test
    void aRedRatingReachesOnlyTheCouncilsWithAChildPlacedWithTheProviderNow() {
        UUID provider = UUID.randomUUID();
        String name = "Rowan Care " + provider.toString().substring(0, 8);
        UUID ended = UUID.randomUUID();
        UUID spot = UUID.randomUUID();
        try (RawEvents events = events()) {
            events.sendEvent(EventCatalog.PROVIDER_REGISTERED, provider,
                    new ProviderRegistered(provider, name, null, null, null, "IP1 1AA", now()));
            UUID awarded = UUID.randomUUID();
            events.sendEvent(EventCatalog.PLACEMENT_AWARDED, awarded, ProviderEmailTest.award(awarded,
                    UUID.randomUUID(), "cambridgeshire", UUID.randomUUID(), provider, List.of()));
            // a spot purchase from a provider not on the platform (no provider id) changes nothing here; sent
            // under the next one's key, so it is handled first
            events.sendEvent(EventCatalog.SPOT_PURCHASE_MADE, spot, new SpotPurchaseMade(UUID.randomUUID(),
                    "essex", UUID.randomUUID(), UUID.randomUUID(), "IFA", null, "Lode Meadow Foster Care", null,
                    "52_WEEK", LocalDate.parse("2018-10-01"), List.of(), now()));
            events.sendEvent(EventCatalog.SPOT_PURCHASE_MADE, spot, new SpotPurchaseMade(spot, "essex",
                    UUID.randomUUID(), UUID.randomUUID(), "RESIDENTIAL", provider, name, null, "52_WEEK",
                    LocalDate.parse("2018-10-01"), List.of(), now()));
            events.sendEvent(EventCatalog.PLACEMENT_AWARDED, ended, ProviderEmailTest.award(ended,
                    UUID.randomUUID(), "suffolk", UUID.randomUUID(), provider, List.of()));
            events.sendEvent(EventCatalog.PLACEMENT_ENDED, ended, new PlacementEnded(ended, "suffolk", provider,
                    LocalDate.parse("2018-10-05"), "PLANNED", "AGREED_MOVE"));
            // placements and ratings are on different topics: the rating comes once the placements are known
            await().atMost(WAIT).until(() -> directory.councilsPlacingWith(provider)
                    .equals(List.of("cambridgeshire", "essex")));
            events.sendEvent(EventCatalog.RISK_RATING_CHANGED, provider,
                    new RiskRatingChanged(provider, "GREEN", "RED", List.of("Ofsted: inadequate"), now()));
        }

        await().atMost(WAIT).until(() -> about(name, "contract-monitoring@cambridgeshire.example").size() == 1
                && about(name, "contract-monitoring@essex.example").size() == 1
                && about(name, "placements@essex.example").size() == 1);
        assertThat(about(name, "placements@cambridgeshire.example")).singleElement()
                .satisfies(m -> assertThat(m.text()).contains("from GREEN to RED").contains("Ofsted: inadequate"));
        assertThat(titles(Tokens.forCouncil("monitoring-officer", "cambridgeshire"))).contains(name + " is now rated RED");
        assertThat(titles(Tokens.forCouncil("placement-officer", "essex"))).contains(name + " is now rated RED");
        // no child there now, or never: nothing
        assertThat(about(name, "contract-monitoring@suffolk.example")).isEmpty();
        assertThat(about(name, "contract-monitoring@peterborough.example")).isEmpty();
        assertThat(about(name, "commissioning@cambridgeshire.example")).isEmpty();
        assertThat(titles(Tokens.forCouncil("monitoring-officer", "suffolk"))).noneMatch(t -> t.contains(name));
        assertThat(titles(Tokens.forCouncil("commissioner", "cambridgeshire"))).noneMatch(t -> t.contains(name));
        assertThat(titles(Tokens.forProvider(provider.toString()))).noneMatch(t -> t.contains("rated"));
        // handled, not parked: nothing of it on the dead-letter topic
        try (TopicReader dlq = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(),
                Topics.deadLetter(Topics.PLACEMENTS))) {
            assertThatThrownBy(() -> dlq.await(r -> spot.toString().equals(r.key()), Duration.ofSeconds(3)))
                    .isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void anApplicationReachesTheCommissionersOfTheLotsCouncilsAndAUserWhoAskedForItByEmail() {
        String commissioner = Tokens.token("commissioner@peterborough", Set.of("commissioner"),
                Map.of("council", "peterborough", "email", "jo.commissioner@peterborough.example"));
        given().auth().oauth2(commissioner).get("/notification-preferences").then().statusCode(200)
                .body("email", equalTo("jo.commissioner@peterborough.example")).body("emailKinds.size()", equalTo(0));
        given().auth().oauth2(commissioner).contentType(ContentType.JSON)
                .body("{\"emailKinds\": [\"APPLICATION_RECEIVED\", \"NOT_A_KIND\"]}")
                .put("/notification-preferences").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("emailKinds"));
        given().auth().oauth2(commissioner).contentType(ContentType.JSON)
                .body("{\"email\": \"not an address\", \"emailKinds\": []}")
                .put("/notification-preferences").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(commissioner).get("/notification-preferences").then().statusCode(200)
                .body("emailKinds.size()", equalTo(0));
        given().auth().oauth2(commissioner).contentType(ContentType.JSON)
                .body("{\"emailKinds\": [\"APPLICATION_RECEIVED\"]}")
                .put("/notification-preferences").then().statusCode(200)
                .body("emailKinds", org.hamcrest.Matchers.contains("APPLICATION_RECEIVED"));

        UUID lotId = UUID.randomUUID();
        UUID provider = UUID.randomUUID();
        String name = "Maple Homes " + provider.toString().substring(0, 8);
        try (RawEvents events = events()) {
            events.sendEvent(EventCatalog.LOT_OPENED, lotId, lot(lotId, "Fostering", "peterborough", "thurrock"));
            events.sendEvent(EventCatalog.PROVIDER_REGISTERED, provider,
                    new ProviderRegistered(provider, name, null, null, null, "PE1 1AA", now()));
            // lots and applications are on different topics: the application comes once the lot is known
            await().atMost(WAIT).until(() -> !directory.lotCouncils(lotId).isEmpty()
                    && !directory.providerName(provider).equals("A provider"));
            events.sendEvent(EventCatalog.APPLICATION_SUBMITTED, provider, new ApplicationSubmitted(UUID.randomUUID(),
                    provider, lotId, List.of("EMERGENCY"), null, now(), LocalDate.parse("2018-10-23")));
        }
        await().atMost(WAIT).until(() -> about(name, "commissioning@peterborough.example").size() == 1
                && about(name, "commissioning@thurrock.example").size() == 1
                && about(name, "jo.commissioner@peterborough.example").size() == 1);
        assertThat(about(name, "commissioning@peterborough.example").get(0).text())
                .contains(name + " applied to join the lot Fostering").contains("Tuesday 23 October 2018");
        assertThat(about(name, "placements@peterborough.example")).isEmpty();

        // commissioners see their own council's mailbox emails
        given().auth().oauth2(commissioner).queryParam("status", "SENT").queryParam("size", 200)
                .get("/email-deliveries").then().statusCode(200)
                .body("items.address", org.hamcrest.Matchers.hasItem("commissioning@peterborough.example"))
                .body("items.address", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(
                        "commissioning@thurrock.example")));
        given().auth().oauth2(commissioner).queryParam("status", "LOST").get("/email-deliveries").then()
                .statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forCouncil("finance-officer", "peterborough")).get("/email-deliveries").then()
                .statusCode(403);
    }

    @Test
    void feeChangeRequestsReachTheCouncilsPlacementsTeamAndTheirDecisionTheProvidersContractsContacts() {
        UUID provider = UUID.randomUUID();
        String name = "Birch Homes " + provider.toString().substring(0, 8);
        String contracts = NotificationFixtures.address("contracts");
        String referrals = NotificationFixtures.address("referrals");
        NotificationFixtures.contacts(provider, name, NotificationFixtures.contact(contracts, "CONTRACTS"),
                NotificationFixtures.contact(referrals, "REFERRALS"));
        UUID placement = UUID.randomUUID();
        UUID request = UUID.randomUUID();
        try (RawEvents events = events()) {
            events.sendEvent(EventCatalog.FEE_CHANGE_REQUESTED, placement, new FeeChangeRequested(request, placement,
                    "suffolk", provider, new WeeklyFee(new BigDecimal("3100.00"), BigDecimal.ZERO, BigDecimal.ZERO,
                            BigDecimal.ZERO, new BigDecimal("3100.00")),
                    LocalDate.parse("2018-11-05"), "Two-to-one staffing at night", now()));
            events.sendEvent(EventCatalog.FEE_CHANGE_DECIDED, placement, new FeeChangeDecided(request, placement,
                    "suffolk", provider, "REFUSED", "The care plan does not call for it", now()));
        }
        await().atMost(WAIT).until(() -> about(name, "placements@suffolk.example").size() == 1
                && about("refused", contracts).size() == 1);
        assertThat(about(name, "placements@suffolk.example").get(0).text())
                .contains("£3,100.00").contains("Monday 5 November 2018").contains("Two-to-one staffing at night");
        assertThat(about("refused", contracts).get(0).text()).contains("Suffolk County Council")
                .contains("The care plan does not call for it");
        assertThat(mail.to(referrals)).as("fee decisions are for the contracts contacts only").isEmpty();
    }

    @Test
    void applicationsDueSoonAndOverdueReachTheCommissionersOfTheLotsCouncils() {
        UUID lotId = UUID.randomUUID();
        UUID provider = UUID.randomUUID();
        String name = "Rowan Care " + provider.toString().substring(0, 8);
        UUID application = UUID.randomUUID();
        try (RawEvents events = events()) {
            events.sendEvent(EventCatalog.LOT_OPENED, lotId, lot(lotId, "Residential", "essex"));
            await().atMost(WAIT).until(() -> !directory.lotCouncils(lotId).isEmpty());
            events.sendEvent(EventCatalog.APPLICATION_DUE_SOON, provider, new ApplicationDueSoon(application, provider,
                    name, lotId, LocalDate.parse("2018-10-11"), 2));
            events.sendEvent(EventCatalog.APPLICATION_OVERDUE, provider, new ApplicationOverdue(application, provider,
                    name, lotId, LocalDate.parse("2018-10-11"), 1));
        }
        await().atMost(WAIT).until(() -> about(name, "commissioning@essex.example").size() == 2);
        assertThat(about(name, "commissioning@essex.example")).extracting(SentMail.Mail::subject)
                .containsExactlyInAnyOrder("Application due in 2 working days: " + name,
                        "Application overdue: " + name);
        assertThat(about(name, "commissioning@peterborough.example")).isEmpty();
    }

    @Test
    void spendThresholdsGoToTheCouncilsFinanceMailbox() {
        String name = "ISEP placements " + UUID.randomUUID().toString().substring(0, 8);
        try (RawEvents events = events()) {
            UUID alert = UUID.randomUUID();
            events.sendEvent(EventCatalog.THRESHOLD_CROSSED, alert, new ThresholdCrossed(alert, "thurrock", "BUDGET",
                    UUID.randomUUID(), name, 2018, 90, new BigDecimal("910000.00"), new BigDecimal("1000000.00"),
                    now()));
        }
        await().atMost(WAIT).until(() -> about(name, "finance@thurrock.example").size() == 1);
        assertThat(about(name, "finance@thurrock.example").get(0).text()).contains("£910,000.00 of £1,000,000.00");
        assertThat(about(name, "commissioning@thurrock.example")).isEmpty();
    }

    @Test
    void aUserListsTheirNotificationsUnreadFirstMarksThemReadAndCannotSeeAnotherOrganisations() {
        UUID provider = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        try (RawEvents events = events()) {
            for (String type : List.of("INSURANCE", "REGISTRATION", "SAFEGUARDING_POLICY")) {
                events.sendEvent(EventCatalog.PROVIDER_DOCUMENT_EXPIRING, provider, new ProviderDocumentExpiring(
                        provider, UUID.randomUUID(), type, true, "REF-" + type, LocalDate.parse("2018-11-01"), 23));
            }
        }
        String token = Tokens.forProvider(provider.toString());
        await().atMost(WAIT).until(() -> notifications(token).getList("items").size() == 3);
        List<String> ids = notifications(token).getList("items.id", String.class);
        assertThat(notifications(token).getList("items.title", String.class)).containsExactly(
                "Your safeguarding policy expires in 23 days", "Your registration expires in 23 days",
                "Your insurance expires in 23 days");
        assertThat(notifications(token).getList("items.read", Boolean.class)).containsOnly(false);

        String newest = ids.get(0);
        given().auth().oauth2(token).post("/notifications/" + newest + "/read").then().statusCode(200)
                .body("read", equalTo(true));
        given().auth().oauth2(token).post("/notifications/" + newest + "/read").then().statusCode(200);
        assertThat(notifications(token).getList("items.id", String.class))
                .containsExactly(ids.get(1), ids.get(2), newest);
        given().auth().oauth2(token).queryParam("unread", "true").get("/notifications").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(ids.get(1), ids.get(2)));
        given().auth().oauth2(token).queryParam("unread", "maybe").get("/notifications").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(token).queryParam("size", 1).get("/notifications").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains(ids.get(1))).body("hasNext", equalTo(true));

        // read state is per user: a colleague of the same organisation still has it unread
        String colleague = Tokens.token("colleague-" + provider, Set.of("provider"),
                Map.of("provider_id", provider.toString()));
        assertThat(notifications(colleague).getList("items.read", Boolean.class)).containsOnly(false);

        // another organisation's, or a council's: 403; unknown: 404
        String stranger = Tokens.forProvider(other.toString());
        given().auth().oauth2(stranger).get("/notifications/" + newest).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(stranger).post("/notifications/" + ids.get(1) + "/read").then().statusCode(403);
        given().auth().oauth2(Tokens.forCouncil("commissioner", "cambridgeshire")).get("/notifications/" + newest)
                .then().statusCode(403);
        given().auth().oauth2(token).get("/notifications/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(notifications(token).getList("items.read", Boolean.class)).containsExactly(false, false, true);
        given().get("/notifications").then().statusCode(401);
    }

    @Test
    void aPanelRequestReachesTheCouncilsPanelAndItsDecisionThePlacementOfficers() {
        UUID referral = UUID.randomUUID();
        UUID request = UUID.randomUUID();
        UUID placement = UUID.randomUUID();
        String reasons = "Approved: staffing " + request.toString().substring(0, 8);
        try (RawEvents events = events()) {
            events.sendEvent(EventCatalog.PANEL_REQUESTED, referral, new PanelRequested(request, referral, "suffolk",
                    UUID.randomUUID(), UUID.randomUUID(), new WeeklyFee(new BigDecimal("5200.00"),
                            new BigDecimal("400.00"), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("5600.00")),
                    List.of("A weekly cost of £5600.00 is above the panel threshold of £4000.00"), null, now()));
            events.sendEvent(EventCatalog.PANEL_DECIDED, referral, new PanelDecided(request, referral, "suffolk",
                    UUID.randomUUID(), "APPROVED", reasons, placement, now()));
        }
        await().atMost(WAIT).until(() -> !about(reasons, "placements@suffolk.example").isEmpty()
                && mail.to("resourcing-panel@suffolk.example").stream()
                        .anyMatch(m -> m.html().contains("/panel-requests/" + request)));
        assertThat(about(reasons, "placements@suffolk.example")).singleElement()
                .satisfies(m -> assertThat(m.subject()).contains("approved"));
        assertThat(titles(Tokens.forCouncil("panel", "suffolk")))
                .contains("An award waits for the County Resourcing Panel");
        // another council's panel, and the provider side, hear nothing
        assertThat(mail.to("resourcing-panel@essex.example")).noneMatch(m -> m.html().contains(request.toString()));
        assertThat(about(reasons, "placements@essex.example")).isEmpty();
    }

    private List<SentMail.Mail> about(String subjectOrText, String address) {
        return mail.to(address).stream()
                .filter(m -> m.subject().contains(subjectOrText) || m.text().contains(subjectOrText)).toList();
    }

    private static List<String> titles(String token) {
        return notifications(token).getList("items.title", String.class);
    }
}
