package uk.gov.dps.monitoring;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.provider.ProviderRegistered;
import uk.gov.dps.testing.LiveFeed;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.Tokens;

/** Tokens and steps the monitoring tests share. */
final class Monitoring {

    static final String ESSEX_OFFICER = Tokens.forCouncil("monitoring-officer", "essex");
    static final String CAMBRIDGESHIRE_OFFICER = Tokens.forCouncil("monitoring-officer", "cambridgeshire");
    static final String SUFFOLK_OFFICER = Tokens.forCouncil("monitoring-officer", "suffolk");
    static final String THURROCK_COMMISSIONER = Tokens.forCouncil("commissioner", "thurrock");
    static final String FINANCE_OFFICER = Tokens.forCouncil("finance-officer", "essex");
    /** A monitoring officer whose council is not an ER4 partner. */
    static final String KENT_OFFICER = Tokens.forCouncil("monitoring-officer", "kent");

    private Monitoring() {
    }

    /** The live feed at {@code pathAndQuery} of the service under test, as a dashboard reads it. */
    static LiveFeed liveFeed(String token, String pathAndQuery) {
        return liveFeed(token, pathAndQuery, null);
    }

    /** The same, resuming after the event {@code lastEventId} (sent as Last-Event-ID when not null). */
    static LiveFeed liveFeed(String token, String pathAndQuery, String lastEventId) {
        return LiveFeed.resume(URI.create("http://localhost:" + RestAssured.port + pathAndQuery), token, lastEventId,
                Duration.ofSeconds(30));
    }

    /** A provider registered with provider-service, as contract monitoring learns of it from dps.providers. */
    static UUID registeredProvider(String name) {
        UUID id = UUID.randomUUID();
        try (RawEvents events = new RawEvents(SharedInfrastructure.kafkaBootstrapServers())) {
            events.sendEvent(EventCatalog.PROVIDER_REGISTERED, id, new ProviderRegistered(id, name,
                    "SC" + (100000 + (int) (Math.random() * 899999)), null, "01234567", "CO1 1AA", Instant.now()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(CAMBRIDGESHIRE_OFFICER)
                .get("/providers/" + id + "/quality").statusCode() == 200);
        return id;
    }

    static String inspection(UUID provider, String setting, String judgement, LocalDate inspectedOn) {
        return """
                {"providerId":"%s","settingUrn":"%s","regulator":"OFSTED","judgement":"%s","inspectedOn":"%s",
                 "reportReference":"5012%s"}""".formatted(provider, setting, judgement, inspectedOn,
                (int) (Math.random() * 9000) + 1000);
    }

    static String recordInspection(String token, UUID provider, String setting, String judgement, LocalDate on) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(inspection(provider, setting, judgement, on)).post("/inspections")
                .then().statusCode(201).extract().path("id");
    }

    static String raiseConcern(String token, UUID provider, String severity, String summary) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"providerId\":\"" + provider + "\",\"severity\":\"" + severity + "\",\"summary\":\"" + summary
                        + "\"}")
                .post("/concerns").then().statusCode(201).extract().path("id");
    }

    static JsonPath quality(UUID provider) {
        return given().auth().oauth2(SUFFOLK_OFFICER).get("/providers/" + provider + "/quality")
                .then().statusCode(200).extract().jsonPath();
    }

    static String rating(UUID provider) {
        return quality(provider).getString("risk.rating");
    }
}
