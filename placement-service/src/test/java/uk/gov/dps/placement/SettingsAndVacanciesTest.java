package uk.gov.dps.placement;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.EventJson;
import uk.gov.dps.events.Topics;
import uk.gov.dps.events.provider.VacancySnapshot;
import uk.gov.dps.placement.domain.Projections.VacancyView;
import uk.gov.dps.testing.RawEvents;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.Tokens;
import uk.gov.dps.testing.TopicReader;

/** Providers' settings and vacancies as provider-service announces them, and offers that name the home. */
@QuarkusTest
class SettingsAndVacanciesTest {

    @Test
    void anOfferNamesOneOfTheProvidersOwnOpenSettingsAndTheEventCarriesIt() throws Exception {
        CallOffFixtures.Market market = CallOffFixtures.market("RESIDENTIAL");
        List<String> needs = List.of("EMOTIONAL_BEHAVIOURAL");
        UUID own = CallOffFixtures.setting(market.first(), "Meadow View", "PE29", 8, 17, needs, true, null, null,
                true, "England", true);
        UUID closed = CallOffFixtures.setting(market.first(), "Old House", "PE29", 8, 17, needs, true, null, null,
                true, "England", false);
        UUID someoneElses = CallOffFixtures.setting(market.second(), "Beta House", "PE1", 8, 17, needs, true, null,
                null, true, "England", true);
        String referral = CallOffFixtures.calledOff(market.lot());
        String first = Tokens.forProvider(market.first().toString());

        for (UUID refused : List.of(someoneElses, closed, UUID.randomUUID())) {
            given().auth().oauth2(first).contentType(ContentType.JSON).body(offer(refused))
                    .post("/referrals/" + referral + "/offers").then().statusCode(422)
                    .contentType("application/problem+json").body("detail", containsString("setting"));
        }
        given().auth().oauth2(CallOffFixtures.OFFICER).get("/referrals/" + referral + "/offers").then()
                .statusCode(200).body("$", hasSize(0));

        String offer = given().auth().oauth2(first).contentType(ContentType.JSON).body(offer(own))
                .post("/referrals/" + referral + "/offers").then().statusCode(201)
                .body("settingId", equalTo(own.toString())).extract().path("id");

        try (TopicReader topic = new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.PLACEMENTS)) {
            ConsumerRecord<String, String> submitted = topic.await(r -> referral.equals(r.key())
                    && "dps.referral.offer-submitted.v1".equals(type(r)), Duration.ofSeconds(30));
            JsonNode event = EventJson.mapper().readTree(submitted.value());
            assertThat(event.get("offerId").asText()).isEqualTo(offer);
            assertThat(event.get("settingId").asText()).isEqualTo(own.toString());
        }
    }

    @Test
    void aVacancyKeepsItsLatestStateAndALateOlderSnapshotChangesNothing() {
        UUID provider = UUID.randomUUID();
        UUID setting = CallOffFixtures.setting(provider, "Lakeside", "CB4", 11, 17, List.of("AUTISM"), true,
                "Horizon Care Group Ltd", "09876543", true, "England", true);
        UUID vacancy = UUID.randomUUID();
        Instant declared = Instant.parse("2018-10-20T09:00:00Z");
        Instant withdrawn = declared.plus(Duration.ofDays(2));
        try (RawEvents events = new RawEvents(SharedInfrastructure.kafkaBootstrapServers())) {
            events.sendEvent(EventCatalog.VACANCY_DECLARED, provider, vacancy(vacancy, setting, provider, "OPEN",
                    declared, declared));
            events.sendEvent(EventCatalog.VACANCY_WITHDRAWN, provider, vacancy(vacancy, setting, provider,
                    "WITHDRAWN", declared, withdrawn));
            // a confirmation written before the withdrawal but delivered after it
            events.sendEvent(EventCatalog.VACANCY_CONFIRMED, provider, vacancy(vacancy, setting, provider, "OPEN",
                    declared.plus(Duration.ofDays(1)), declared.plus(Duration.ofDays(1))));
            UUID marker = UUID.randomUUID();
            events.sendEvent(EventCatalog.VACANCY_DECLARED, provider, vacancy(marker, setting, provider, "OPEN",
                    declared, declared));
            await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                    .call(() -> VacancyView.findById(marker) != null));
        }
        VacancyView stored = QuarkusTransaction.requiringNew().call(() -> VacancyView.findById(vacancy));
        assertThat(stored.status).isEqualTo("WITHDRAWN");
        assertThat(stored.changedAt).isEqualTo(withdrawn);
        assertThat(stored.emergency).isTrue();
        assertThat(stored.places).isEqualTo(1);
    }

    private static VacancySnapshot vacancy(UUID id, UUID setting, UUID provider, String status, Instant confirmedAt,
            Instant changedAt) {
        return new VacancySnapshot(id, setting, provider, 1, LocalDate.of(2018, 11, 1), null, null, null, true,
                status, "WITHDRAWN".equals(status) ? "FILLED" : null, confirmedAt, changedAt);
    }

    private static String offer(UUID setting) {
        return """
                {"weeklyFee": {"core": 2000.00, "additionalStaffing": 150.00, "education": 0, "therapy": 81.00},
                 "proposedStart": "2018-11-05", "homeReference": "Meadow View", "needsMet": ["EMOTIONAL_BEHAVIOURAL"],
                 "settingId": "%s"}""".formatted(setting);
    }

    private static String type(ConsumerRecord<String, String> record) {
        return new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }
}
