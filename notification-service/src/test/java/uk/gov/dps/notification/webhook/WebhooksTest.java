package uk.gov.dps.notification.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.EventJson;
import uk.gov.dps.events.placement.OfferDeclined;
import uk.gov.dps.events.placement.PlacementEnded;
import uk.gov.dps.events.placement.PlacementStarted;
import uk.gov.dps.events.placement.ReferralRaised;
import uk.gov.dps.events.provider.ProviderReinstated;
import uk.gov.dps.events.provider.ProviderSuspended;
import uk.gov.dps.events.provider.ProviderWithdrawn;
import uk.gov.dps.events.spend.ThresholdCrossed;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.RealInfrastructure;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.Tokens;
import uk.gov.dps.testing.AdjustableClock;
import uk.gov.dps.testing.WebhookReceiver;

/**
 * Webhooks end to end: events on the real topics, a real receiver over HTTP that checks each signature the way the
 * Standard Webhooks specification says, and the platform clock moved on to make retries fall due.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructure.class)
@QuarkusTestResource(OidcWiremockTestResource.class)
class WebhooksTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Council systems' client-credentials tokens, as Keycloak issues them for cambridgeshire-system. */
    private static final String CAMBRIDGESHIRE = system("cambridgeshire");
    private static final String PETERBOROUGH = system("peterborough");

    private static final WebhookReceiver RECEIVER = new WebhookReceiver();

    @Inject
    AdjustableClock clock;

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    static String system(String council) {
        return Tokens.token("service-account-" + council + "-system", Set.of("placement-officer", "finance-officer"),
                Map.of("council", council));
    }

    @Test
    void aCouncilSystemRegistersACallbackAndSeesItsSecretOnlyOnce() {
        String path = "/register-" + UUID.randomUUID();
        JsonPath created = given().auth().oauth2(CAMBRIDGESHIRE).contentType(ContentType.JSON).body(Map.of(
                "url", RECEIVER.url(path), "eventTypes", List.of("dps.placement.started.v1"),
                "description", "Case management system"))
                .post("/webhooks").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/webhooks/"))
                .body("council", equalTo("cambridgeshire")).body("status", equalTo("ACTIVE"))
                .body("eventTypes", equalTo(List.of("dps.placement.started.v1")))
                .body("createdBy", equalTo("service-account-cambridgeshire-system"))
                .extract().jsonPath();
        String id = created.getString("id");
        String secret = created.getString("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSizeGreaterThanOrEqualTo(24);

        given().auth().oauth2(CAMBRIDGESHIRE).get("/webhooks/" + id).then().statusCode(200)
                .body("url", equalTo(RECEIVER.url(path))).body("secret", nullValue());
        given().auth().oauth2(CAMBRIDGESHIRE).queryParam("size", 200).get("/webhooks").then().statusCode(200)
                .body("items.id", hasItem(id)).body("items.secret", not(hasItem(secret)));

        // a rotation answers with a new secret once; the old one goes on signing for a while
        JsonPath rotated = given().auth().oauth2(CAMBRIDGESHIRE).post("/webhooks/" + id + "/secret").then()
                .statusCode(200).extract().jsonPath();
        assertThat(rotated.getString("secret")).startsWith("whsec_").isNotEqualTo(secret);
        assertThat(rotated.getString("previousSecretValidUntil")).isNotNull();

        // another council's system, or one of its commissioners, may not see or delete it
        for (String other : List.of(PETERBOROUGH, Tokens.forCouncil("commissioner", "peterborough"))) {
            given().auth().oauth2(other).get("/webhooks/" + id).then().statusCode(403)
                    .contentType("application/problem+json");
            given().auth().oauth2(other).delete("/webhooks/" + id).then().statusCode(403);
            given().auth().oauth2(other).queryParam("size", 200).get("/webhooks").then().statusCode(200)
                    .body("items.id", not(hasItem(id)));
        }

        given().auth().oauth2(CAMBRIDGESHIRE).delete("/webhooks/" + id).then().statusCode(204);
        given().auth().oauth2(CAMBRIDGESHIRE).get("/webhooks/" + id).then().statusCode(404);
    }

    @Test
    void webhooksAreForTheCouncilsSystemsAndCommissionersOnly() {
        String body = """
                {"url": "%s", "eventTypes": ["dps.provider.suspended.v1"]}""".formatted(RECEIVER.url("/who"));
        // a placement officer or finance officer signed in as a person, and a provider, may not
        for (String token : List.of(Tokens.forCouncil("placement-officer", "cambridgeshire"),
                Tokens.forCouncil("finance-officer", "cambridgeshire"), Tokens.forProvider(UUID.randomUUID().toString()),
                Tokens.forCouncil("monitoring-officer", "essex"))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/webhooks").then()
                    .statusCode(403);
        }
        given().contentType(ContentType.JSON).body(body).post("/webhooks").then().statusCode(401);

        String id = given().auth().oauth2(Tokens.forCouncil("commissioner", "cambridgeshire"))
                .contentType(ContentType.JSON).body(body).post("/webhooks").then().statusCode(201)
                .body("council", equalTo("cambridgeshire")).extract().path("id");
        given().auth().oauth2(CAMBRIDGESHIRE).delete("/webhooks/" + id).then().statusCode(204);
    }

    @Test
    void badCallbacksAndUnknownEventTypesAreRefusedAndNothingIsStored() {
        String marker = "refused-" + UUID.randomUUID();
        Map<String, String> refused = Map.of(
                "http://hooks.cambridgeshire.gov.uk/dps", "must be https",
                "https://dps:secret@127.0.0.1/dps", "must not carry a user name or password",
                "https://10.20.30.40/dps", "a private, loopback or link-local address",
                "https://169.254.169.254/latest/meta-data", "a private, loopback or link-local address",
                "https://[fd12:3456::1]/dps", "a private, loopback or link-local address",
                "not a url", "is not a URL");
        refused.forEach((url, problem) -> given().auth().oauth2(CAMBRIDGESHIRE).contentType(ContentType.JSON)
                .body(Map.of("url", url, "eventTypes", List.of("dps.placement.started.v1"), "description", marker))
                .post("/webhooks").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("url"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString(problem)));

        given().auth().oauth2(CAMBRIDGESHIRE).contentType(ContentType.JSON)
                .body(Map.of("url", RECEIVER.url("/typo"), "description", marker,
                        "eventTypes", List.of("dps.placement.started.v1", "dps.placement.teleported.v1")))
                .post("/webhooks").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("eventTypes[1]"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("dps.placement.teleported.v1"));
        given().auth().oauth2(CAMBRIDGESHIRE).contentType(ContentType.JSON)
                .body(Map.of("url", RECEIVER.url("/none"), "eventTypes", List.of(), "description", marker))
                .post("/webhooks").then().statusCode(400).contentType("application/problem+json");

        given().auth().oauth2(CAMBRIDGESHIRE).queryParam("size", 200).get("/webhooks").then().statusCode(200)
                .body("items.description", not(hasItem(marker)));
    }

    @Test
    void aSignedDeliveryArrivesOnceEvenWhenTheEventComesTwiceAndOnlyAtItsOwnCouncil() {
        String cambridgeshirePath = "/cambridgeshire-" + UUID.randomUUID();
        String peterboroughPath = "/peterborough-" + UUID.randomUUID();
        List<String> types = List.of("dps.placement.started.v1", "dps.provider.suspended.v1",
                "dps.referral.offer-declined.v1");
        JsonPath cambridgeshire = subscribe(CAMBRIDGESHIRE, cambridgeshirePath, types);
        JsonPath peterborough = subscribe(PETERBOROUGH, peterboroughPath, types);
        UUID placement = UUID.randomUUID();
        UUID provider = UUID.randomUUID();
        UUID referral = UUID.randomUUID();

        String started;
        String theirs;
        String suspended;
        String declined;
        long duplicates = inboxCount("duplicate");
        try (RawEvents events = new RawEvents(SharedInfrastructure.kafkaBootstrapServers())) {
            PlacementStarted ours = new PlacementStarted(placement, "cambridgeshire", provider,
                    LocalDate.parse("2018-11-05"));
            started = events.sendEvent(EventCatalog.PLACEMENT_STARTED, placement, ours);
            // the broker delivers it again
            events.sendEvent(started, EventCatalog.PLACEMENT_STARTED, placement, ours);
            theirs = events.sendEvent(EventCatalog.PLACEMENT_STARTED, UUID.randomUUID(), new PlacementStarted(
                    UUID.randomUUID(), "peterborough", provider, LocalDate.parse("2018-11-12")));
            // about the shared market: every partner subscribed to it
            suspended = events.sendEvent(EventCatalog.PROVIDER_SUSPENDED, provider, new ProviderSuspended(provider,
                    List.of(UUID.randomUUID()), "Inadequate judgement", true, Instant.parse("2018-10-09T09:00:00Z")));
            // a decline names only the referral: it goes to the council that raised it
            events.sendEvent(EventCatalog.REFERRAL_RAISED, referral, new ReferralRaised(referral, "peterborough",
                    UUID.randomUUID(), "EMERGENCY", "11-15", "F", List.of("EBD"), "PE1", true,
                    LocalDate.parse("2018-10-10"), "WEEKS_52", Instant.parse("2018-10-09T09:00:00Z")));
            declined = events.sendEvent(EventCatalog.OFFER_DECLINED, referral, new OfferDeclined(referral, provider,
                    "NO_VACANCY", null, Instant.parse("2018-10-09T10:00:00Z")));
        }

        await().atMost(WAIT).until(() -> eventIds(cambridgeshirePath).containsAll(List.of(started, suspended))
                && eventIds(peterboroughPath).containsAll(List.of(theirs, suspended, declined)));
        await().atMost(WAIT).until(() -> inboxCount("duplicate") > duplicates);

        // exactly one request per event, each signed with the subscriber's own secret
        assertThat(eventIds(cambridgeshirePath)).containsExactlyInAnyOrder(started, suspended);
        assertThat(eventIds(peterboroughPath)).containsExactlyInAnyOrder(theirs, suspended, declined);
        for (WebhookReceiver.Received request : RECEIVER.at(cambridgeshirePath)) {
            assertThat(WebhookReceiver.verify(cambridgeshire.getString("secret"), request)).isTrue();
            assertThat(WebhookReceiver.verify(peterborough.getString("secret"), request)).isFalse();
            assertThat(request.header("content-type")).startsWith("application/cloudevents+json");
        }
        for (WebhookReceiver.Received request : RECEIVER.at(peterboroughPath)) {
            assertThat(WebhookReceiver.verify(peterborough.getString("secret"), request)).isTrue();
        }

        // the body is the event as a structured CloudEvent
        JsonPath event = RECEIVER.at(cambridgeshirePath).stream().map(r -> new JsonPath(r.body()))
                .filter(body -> body.getString("id").equals(started)).findFirst().orElseThrow();
        assertThat(event.getString("specversion")).isEqualTo("1.0");
        assertThat(event.getString("type")).isEqualTo("dps.placement.started.v1");
        assertThat(event.getString("source")).isEqualTo("placement-service");
        assertThat(event.getString("subject")).isEqualTo(placement.toString());
        assertThat(event.getString("time")).isNotBlank();
        assertThat(event.getString("datacontenttype")).isEqualTo("application/json");
        assertThat(event.getString("data.council")).isEqualTo("cambridgeshire");
        assertThat(event.getString("data.startDate")).isEqualTo("2018-11-05");

        // what the council's system sees of it
        JsonPath deliveries = deliveries(CAMBRIDGESHIRE, cambridgeshire.getString("id"), "");
        assertThat(deliveries.getList("items.eventId")).containsExactlyInAnyOrder(suspended, started);
        List<Instant> created = deliveries.getList("items.createdAt", String.class).stream().map(Instant::parse)
                .toList();
        assertThat(created).isSortedAccordingTo(java.util.Comparator.reverseOrder()); // newest first
        assertThat(deliveries.getList("items.status")).containsOnly("DELIVERED");
        assertThat(deliveries.getList("items.attempts.statusCode.flatten()")).containsExactly(200, 200);
        String webhookId = RECEIVER.at(cambridgeshirePath).get(0).header("webhook-id");
        assertThat(deliveries.getList("items.id")).contains(webhookId);

        delete(CAMBRIDGESHIRE, cambridgeshire.getString("id"));
        delete(PETERBOROUGH, peterborough.getString("id"));
    }

    @Test
    void aFailingReceiverIsRetriedWithBackOffUnderTheSameWebhookIdAndEveryAttemptIsShown() {
        String path = "/flaky-" + UUID.randomUUID();
        RECEIVER.answer(path, 500);
        JsonPath webhook = subscribe(CAMBRIDGESHIRE, path, List.of("dps.placement.ended.v1"));
        String id = webhook.getString("id");
        UUID placement = UUID.randomUUID();
        try (RawEvents events = new RawEvents(SharedInfrastructure.kafkaBootstrapServers())) {
            events.sendEvent(EventCatalog.PLACEMENT_ENDED, placement, new PlacementEnded(placement, "cambridgeshire",
                    UUID.randomUUID(), LocalDate.parse("2019-02-17"), "PLANNED", "STEP_DOWN_TO_FOSTERING"));
        }

        await().atMost(WAIT).until(() -> attemptCount(CAMBRIDGESHIRE, id) == 1);
        JsonPath first = deliveries(CAMBRIDGESHIRE, id, "PENDING");
        assertThat(first.getInt("items[0].attempts[0].statusCode")).isEqualTo(500);
        // the first retry 5 s later, give or take the 10% jitter
        Duration wait = Duration.between(Instant.parse(first.getString("items[0].attempts[0].attemptedAt")),
                Instant.parse(first.getString("items[0].nextAttemptAt")));
        assertThat(wait).isBetween(Duration.ofMillis(4400), Duration.ofMillis(5600));

        clock.moveOn(Duration.ofSeconds(6));
        await().atMost(WAIT).until(() -> RECEIVER.at(path).size() == 2);
        await().atMost(WAIT).until(() -> attemptCount(CAMBRIDGESHIRE, id) == 2);
        JsonPath second = deliveries(CAMBRIDGESHIRE, id, "");
        wait = Duration.between(Instant.parse(second.getString("items[0].attempts[1].attemptedAt")),
                Instant.parse(second.getString("items[0].nextAttemptAt")));
        assertThat(wait).isBetween(Duration.ofSeconds(270), Duration.ofSeconds(330)); // 5 minutes ± 10%

        // nothing before the back-off is over
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> RECEIVER.at(path).size() == 2);

        RECEIVER.answer(path, 204);
        clock.moveOn(Duration.ofMinutes(6));
        await().atMost(WAIT).until(() -> "DELIVERED".equals(deliveries(CAMBRIDGESHIRE, id, "")
                .getString("items[0].status")));
        JsonPath delivered = deliveries(CAMBRIDGESHIRE, id, "DELIVERED");
        assertThat(delivered.getList("items[0].attempts.statusCode")).containsExactly(500, 500, 204);
        assertThat(delivered.getList("items[0].attempts.durationMs", Integer.class)).allMatch(ms -> ms >= 0);
        assertThat(delivered.getString("items[0].nextAttemptAt")).isNull();
        assertThat(deliveries(CAMBRIDGESHIRE, id, "FAILED").getList("items")).isEmpty();
        assertThat(deliveries(CAMBRIDGESHIRE, id, "PENDING").getList("items")).isEmpty();

        // every attempt: the delivery's stable id, a fresh timestamp, a valid signature
        List<WebhookReceiver.Received> attempts = RECEIVER.at(path);
        assertThat(attempts).hasSize(3);
        assertThat(attempts).extracting(r -> r.header("webhook-id")).containsOnly(delivered.getString("items[0].id"));
        assertThat(attempts).allMatch(r -> WebhookReceiver.verify(webhook.getString("secret"), r));

        // the council's system asks for it again: same webhook-id, one more attempt
        String deliveryId = delivered.getString("items[0].id");
        given().auth().oauth2(PETERBOROUGH).post("/webhooks/" + id + "/deliveries/" + deliveryId + "/retry").then()
                .statusCode(403);
        given().auth().oauth2(PETERBOROUGH).get("/webhooks/" + id + "/deliveries").then().statusCode(403);
        given().auth().oauth2(CAMBRIDGESHIRE).post("/webhooks/" + id + "/deliveries/" + UUID.randomUUID() + "/retry")
                .then().statusCode(404);
        given().auth().oauth2(CAMBRIDGESHIRE).post("/webhooks/" + id + "/deliveries/" + deliveryId + "/retry").then()
                .statusCode(202).body("status", equalTo("PENDING"));
        await().atMost(WAIT).until(() -> RECEIVER.at(path).size() == 4);
        assertThat(RECEIVER.at(path).get(3).header("webhook-id")).isEqualTo(deliveryId);
        await().atMost(WAIT).until(() -> deliveries(CAMBRIDGESHIRE, id, "DELIVERED").getInt("items[0].attemptCount")
                == 4);

        given().auth().oauth2(CAMBRIDGESHIRE).queryParam("status", "LOST").get("/webhooks/" + id + "/deliveries")
                .then().statusCode(400).contentType("application/problem+json");
        delete(CAMBRIDGESHIRE, id);
    }

    @Test
    void aReceiverThatDoesNotAnswerHoldsUpNoOtherCouncil() {
        String slow = "/slow-" + UUID.randomUUID();
        String quick = "/quick-" + UUID.randomUUID();
        RECEIVER.delay(slow, Duration.ofSeconds(8));
        JsonPath hanging = subscribe(CAMBRIDGESHIRE, slow, List.of("dps.provider.reinstated.v1"));
        JsonPath prompt = subscribe(PETERBOROUGH, quick, List.of("dps.provider.withdrawn.v1"));
        UUID provider = UUID.randomUUID();
        String withdrawn;
        try (RawEvents events = new RawEvents(SharedInfrastructure.kafkaBootstrapServers())) {
            events.sendEvent(EventCatalog.PROVIDER_REINSTATED, provider, new ProviderReinstated(provider,
                    List.of(UUID.randomUUID()), "Improvement plan met", Instant.parse("2018-10-09T09:00:00Z")));
            await().atMost(WAIT).until(() -> RECEIVER.at(slow).size() == 1);
            // while the slow receiver holds that request, an event for another council's receiver
            withdrawn = events.sendEvent(EventCatalog.PROVIDER_WITHDRAWN, provider, new ProviderWithdrawn(provider,
                    List.of(UUID.randomUUID()), "Closing the home", Instant.parse("2018-10-09T10:00:00Z")));
        }
        await().atMost(WAIT).until(() -> eventIds(quick).contains(withdrawn));
        // ... arrives before the slow attempt ends (the timeout is 5 s in tests)
        Instant slowArrived = RECEIVER.at(slow).get(0).at();
        assertThat(RECEIVER.at(quick).get(0).at()).isBefore(slowArrived.plusSeconds(5));

        // the slow one is cut off by the timeout and retried later
        await().atMost(WAIT).until(() -> attemptCount(CAMBRIDGESHIRE, hanging.getString("id")) >= 1);
        JsonPath timedOut = deliveries(CAMBRIDGESHIRE, hanging.getString("id"), "");
        assertThat(timedOut.getString("items[0].attempts[0].error")).contains("no answer within 5 s");
        assertThat(timedOut.getString("items[0].attempts[0].statusCode")).isNull();

        delete(CAMBRIDGESHIRE, hanging.getString("id"));
        delete(PETERBOROUGH, prompt.getString("id"));
    }

    @Test
    void aReceiverAnsweringGoneParksTheWebhookUntilTheCouncilEnablesIt() {
        String path = "/gone-" + UUID.randomUUID();
        RECEIVER.answer(path, 410);
        JsonPath webhook = subscribe(PETERBOROUGH, path, List.of("dps.spend.threshold-crossed.v1"));
        String id = webhook.getString("id");
        try (RawEvents events = new RawEvents(SharedInfrastructure.kafkaBootstrapServers())) {
            UUID alert = UUID.randomUUID();
            events.sendEvent(EventCatalog.THRESHOLD_CROSSED, alert, new ThresholdCrossed(alert, "peterborough",
                    "BUDGET", UUID.randomUUID(), "LAC placements 2018/19", 2018, 90, new BigDecimal("91000.00"),
                    new BigDecimal("100000.00"), Instant.parse("2018-10-09T09:00:00Z")));
        }

        await().atMost(WAIT).until(() -> "PARKED".equals(given().auth().oauth2(PETERBOROUGH)
                .get("/webhooks/" + id).then().statusCode(200).extract().path("status")));
        given().auth().oauth2(PETERBOROUGH).get("/webhooks/" + id).then()
                .body("parkedReason", org.hamcrest.Matchers.containsString("410 Gone"));
        JsonPath held = deliveries(PETERBOROUGH, id, "PENDING");
        assertThat(held.getList("items.attempts.statusCode.flatten()")).containsExactly(410);
        String deliveryId = held.getString("items[0].id");
        given().auth().oauth2(PETERBOROUGH).post("/webhooks/" + id + "/deliveries/" + deliveryId + "/retry").then()
                .statusCode(409).contentType("application/problem+json");

        // nothing is sent while it is parked, however long
        clock.moveOn(Duration.ofSeconds(10));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> RECEIVER.at(path).size() == 1);

        RECEIVER.answer(path, 200);
        given().auth().oauth2(CAMBRIDGESHIRE).post("/webhooks/" + id + "/enable").then().statusCode(403);
        given().auth().oauth2(PETERBOROUGH).post("/webhooks/" + id + "/enable").then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("parkedReason", nullValue());
        await().atMost(WAIT).until(() -> deliveries(PETERBOROUGH, id, "DELIVERED").getList("items").size() == 1);
        assertThat(RECEIVER.at(path)).extracting(r -> r.header("webhook-id")).containsExactly(deliveryId, deliveryId);
        delete(PETERBOROUGH, id);
    }

    private static JsonPath subscribe(String token, String path, List<String> types) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("url", RECEIVER.url(path), "eventTypes", types)).post("/webhooks").then()
                .statusCode(201).extract().jsonPath();
    }

    private static void delete(String token, String id) {
        given().auth().oauth2(token).delete("/webhooks/" + id).then().statusCode(204);
    }

    private static JsonPath deliveries(String token, String id, String status) {
        return given().auth().oauth2(token).queryParam("status", status).get("/webhooks/" + id + "/deliveries")
                .then().statusCode(200).extract().jsonPath();
    }

    /** The attempts of the webhook's newest delivery, 0 while it has none. */
    private static int attemptCount(String token, String id) {
        Integer count = deliveries(token, id, "").get("items[0].attemptCount");
        return count == null ? 0 : count;
    }

    /** The CloudEvent ids the receiver got at a path, one per request. */
    private static List<String> eventIds(String path) {
        return RECEIVER.at(path).stream().map(r -> {
            try {
                return EventJson.mapper().readTree(r.rawBody()).path("id").asText();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).toList();
    }

    private static long inboxCount(String outcome) {
        String metrics = given().accept("text/plain").get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("dps_inbox_events_total\\{[^}]*consumer=\"notification-webhooks\"[^}]*outcome=\""
                + outcome + "\"[^}]*} ([0-9.E]+)").matcher(metrics);
        return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
    }
}
