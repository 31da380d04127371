package uk.gov.dps.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static uk.gov.dps.e2e.Scenario.as;
import static uk.gov.dps.e2e.Scenario.eventually;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.gov.dps.testing.SentMail;
import uk.gov.dps.testing.WebhookReceiver;

/**
 * Providers and councils hear of a call-off across four services: placement-service's events become emails in the
 * stack's real SMTP server and signed webhook deliveries to a council system's receiver, through notification-service.
 */
class NotificationIT {

    /** Short, like an emergency call-off: its reminder falls halfway through, within the scenario. */
    private static final Duration WINDOW = Duration.ofSeconds(100);

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String commissioner;
    private static String officer;
    private final SentMail mail = RunningStack.sentMail();

    @BeforeAll
    static void stackIsUp() {
        RunningStack.requireUp();
        commissioner = RunningStack.token("commissioner", "cambridgeshire");
        officer = RunningStack.token("placement-officer", "cambridgeshire");
    }

    @Test
    void invitedProvidersAreEmailedRemindedAndToldTheOutcomeAndTheCouncilsSystemReceivesSignedEvents() {
        OnboardedLot lot = OnboardedLot.withProviders(commissioner, "Ash", "Beech", "Cedar", "Damson");
        String winner = lot.providers().get(0);
        String runnerUp = lot.providers().get(1);
        String decliner = lot.providers().get(2);
        String silent = lot.providers().get(3);
        List<String> addresses = lot.providers().stream().map(p -> "referrals-" + p + "@provider.example").toList();
        for (int i = 0; i < 4; i++) {
            as("provider-service", Scenario.provider(lot.providers().get(i))).body("""
                    {"contacts": [{"name": "Referrals desk", "email": "%s", "roles": ["REFERRALS"]}]}"""
                    .formatted(addresses.get(i))).put("/providers/" + lot.providers().get(i) + "/contacts").then()
                    .statusCode(200);
        }
        lot.providers().forEach(p -> lot.decide(commissioner, p, "ADMIT"));

        try (WebhookReceiver cambridgeshire = new WebhookReceiver();
                WebhookReceiver peterborough = new WebhookReceiver()) {
            String types = "[\"dps.referral.called-off.v1\", \"dps.placement.awarded.v1\"]";
            String cambridgeshireSecret = subscribe("cambridgeshire-system", cambridgeshire.url("/dps"), types);
            String peterboroughSecret = subscribe("peterborough-system", peterborough.url("/dps"), types);

            eventually("placement-service sees the four members", () -> {
                var response = as("placement-service", officer).get("/lots/" + lot.lotId() + "/eligible-providers");
                return response.statusCode() == 200 && Set.copyOf(response.jsonPath().getList("items.providerId"))
                        .equals(Set.copyOf(lot.providers()));
            });
            String referral = as("placement-service", officer).body("""
                    {"lotId": "%s", "category": "EMERGENCY", "ageBand": "11-15", "sex": "FEMALE",
                     "needs": ["EMOTIONAL_BEHAVIOURAL"], "postcodeDistrict": "PE13", "emergency": true,
                     "wantedStart": "%s", "placementPattern": "WEEKS_52"}"""
                    .formatted(lot.lotId(), LocalDate.now().plusDays(1)))
                    .post("/referrals").then().statusCode(201).extract().path("id");
            as("placement-service", officer).body("{\"outcome\":\"NOT_AVAILABLE\",\"notes\":\"No in-house carers\"}")
                    .post("/referrals/" + referral + "/in-house-check").then().statusCode(200);
            as("placement-service", officer).body("{\"respondBy\":\"" + Instant.now().plus(WINDOW) + "\"}")
                    .post("/referrals/" + referral + "/call-off").then().statusCode(200);

            // every invited provider: an email, and the invitation in its inbox
            eventually("each invited provider is emailed", () -> addresses.stream()
                    .allMatch(a -> subjects(a).stream().anyMatch(s -> s.startsWith("New referral: respond by"))));
            for (String provider : lot.providers()) {
                as("placement-service", Scenario.provider(provider)).get("/invitations").then().statusCode(200)
                        .body("items.referralId", hasItem(referral));
            }
            SentMail.Mail invitation = mail.to(addresses.get(3)).get(0);
            assertThat(invitation.text()).contains("Cambridgeshire County Council").doesNotContain("FEMALE");
            assertThat(invitation.html()).contains("/invitations");

            String winning = as("placement-service", Scenario.provider(winner)).body(offer("850.00"))
                    .post("/referrals/" + referral + "/offers").then().statusCode(201).extract().path("id");
            as("placement-service", Scenario.provider(runnerUp)).body(offer("990.00"))
                    .post("/referrals/" + referral + "/offers").then().statusCode(201);
            as("placement-service", Scenario.provider(decliner)).body("{\"reason\":\"NO_VACANCY\"}")
                    .post("/referrals/" + referral + "/declines").then().statusCode(201);

            // the reminder: only to the one that has not answered
            eventually("the provider that did not answer is reminded", () -> subjects(addresses.get(3)).stream()
                    .anyMatch(s -> s.startsWith("Reminder: respond by")));
            for (String answered : addresses.subList(0, 3)) {
                assertThat(subjects(answered)).noneMatch(s -> s.startsWith("Reminder"));
            }

            as("placement-service", officer).body("""
                    {"offerId": "%s", "fundingShares": [{"stream": "LAC_PLACEMENTS", "percent": 100}],
                     "noticeReference": "E2E-CONTRACT-AWARD-NOTICE"}"""
                    .formatted(winning)).post("/referrals/" + referral + "/award").then().statusCode(201);
            eventually("the winner and the runner-up are told", () ->
                    subjects(addresses.get(0)).contains("Your offer was successful")
                            && subjects(addresses.get(1)).contains("Your offer was not successful"));
            SentMail.Mail notSuccessful = mail.to(addresses.get(1)).stream()
                    .filter(m -> m.subject().equals("Your offer was not successful")).findFirst().orElseThrow();
            assertThat(notSuccessful.text()).doesNotContain("Ash").doesNotContain("850");
            assertThat(subjects(addresses.get(2))).noneMatch(s -> s.startsWith("Your offer"));
            as("notification-service", Scenario.provider(winner)).get("/notifications").then().statusCode(200)
                    .body("items.title", hasItem("Your offer was successful"));

            // the council's system: both events, signed; the other council's system: nothing of this referral
            eventually("Cambridgeshire's system receives the call-off and the award", () -> {
                List<String> received = cambridgeshire.at("/dps").stream().filter(r -> r.body().contains(referral))
                        .map(r -> typeOf(r.body())).toList();
                return received.contains("dps.referral.called-off.v1") && received.contains("dps.placement.awarded.v1");
            });
            assertThat(cambridgeshire.at("/dps")).filteredOn(r -> r.body().contains(referral))
                    .allMatch(r -> WebhookReceiver.verify(cambridgeshireSecret, r), "signed with the council's secret")
                    .noneMatch(r -> WebhookReceiver.verify(peterboroughSecret, r));
            assertThat(peterborough.at("/dps")).noneMatch(r -> r.body().contains(referral));
        }
    }

    /** Registers a council system's webhook; answers its signing secret. */
    private static String subscribe(String client, String url, String types) {
        return as("notification-service", RunningStack.TOKENS.systemToken(client))
                .body("{\"url\": \"%s\", \"eventTypes\": %s}".formatted(url, types))
                .post("/webhooks").then().statusCode(201).extract().path("secret");
    }

    private List<String> subjects(String address) {
        return mail.to(address).stream().map(SentMail.Mail::subject).toList();
    }

    /** The {@code type} of a CloudEvent in structured JSON, as the webhook body is. */
    private static String typeOf(String cloudEvent) {
        try {
            return JSON.readTree(cloudEvent).path("type").asText();
        } catch (JsonProcessingException e) {
            throw new AssertionError("a webhook body is not JSON: " + cloudEvent, e);
        }
    }

    private static String offer(String core) {
        return """
                {"weeklyFee": {"core": %s, "additionalStaffing": 0, "education": 0, "therapy": 0},
                 "proposedStart": "%s", "homeReference": "Carer-7", "needsMet": ["EMOTIONAL_BEHAVIOURAL"]}"""
                .formatted(core, LocalDate.now().plusDays(1));
    }
}
