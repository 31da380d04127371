package uk.gov.dps.provider;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.dps.provider.OnboardingFixtures.COMMISSIONER;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import uk.gov.dps.events.Topics;
import uk.gov.dps.provider.service.ApplicationDeadlines;
import uk.gov.dps.testing.SharedInfrastructure;
import uk.gov.dps.testing.Tokens;
import uk.gov.dps.testing.TopicReader;

/**
 * Commissioners are told when an application to a lot is nearly due and when it is overdue: once each, however
 * often (and on however many instances) the check runs. Applications received on Thursday 20 December 2018 are
 * due on Tuesday 8 January 2019 (Christmas, Boxing Day and New Year's Day do not count).
 */
@QuarkusTest
class ApplicationDeadlinesTest {

    private static final String DUE_SOON = "dps.provider.application-due-soon.v1";
    private static final String OVERDUE = "dps.provider.application-overdue.v1";

    @Inject
    ApplicationDeadlines deadlines;

    @Test
    void dueSoonAndOverdueAreAnnouncedOnceEachAndNotAfterADecision() throws Exception {
        UUID lot = OnboardingFixtures.openTieredLot();
        String waiting = OnboardingFixtures.provider("Waiting Fostering");
        String waitingApplication = OnboardingFixtures.apply(waiting, lot);
        String decided = OnboardingFixtures.provider("Decided Fostering");
        String decidedApplication = OnboardingFixtures.apply(decided, lot);

        // Thursday 3 January: 3 working days left (Friday, Monday, Tuesday), outside the 2-day warning
        deadlines.checkDeadlinesAsOf(LocalDate.of(2019, 1, 3));
        // Friday 4 January: 2 working days left; two instances check at the same moment, then one again
        CyclicBarrier together = new CyclicBarrier(2);
        Runnable instance = () -> {
            try {
                together.await();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            deadlines.checkDeadlinesAsOf(LocalDate.of(2019, 1, 4));
        };
        CompletableFuture.allOf(CompletableFuture.runAsync(instance), CompletableFuture.runAsync(instance)).join();
        deadlines.checkDeadlinesAsOf(LocalDate.of(2019, 1, 4));
        deadlines.checkDeadlinesAsOf(LocalDate.of(2019, 1, 7));

        OnboardingFixtures.decide(decidedApplication, "ADMIT", null);
        // Wednesday 9 January: a working day past the due date
        deadlines.checkDeadlinesAsOf(LocalDate.of(2019, 1, 9));
        deadlines.checkDeadlinesAsOf(LocalDate.of(2019, 1, 9));
        deadlines.checkDeadlinesAsOf(LocalDate.of(2019, 1, 10));

        marker(waiting, "marker-1");
        marker(decided, "marker-1");
        try (TopicReader topic = reader()) {
            awaitMarker(topic, waiting, "marker-1");
            awaitMarker(topic, decided, "marker-1");

            assertThat(values(topic, waiting, DUE_SOON)).singleElement().satisfies(v -> assertThat(v)
                    .contains("\"applicationId\":\"" + waitingApplication + "\"")
                    .contains("\"providerId\":\"" + waiting + "\"").contains("\"providerName\":\"Waiting Fostering\"")
                    .contains("\"lotId\":\"" + lot + "\"").contains("\"dueOn\":\"2019-01-08\"")
                    .contains("\"workingDaysLeft\":2"));
            assertThat(values(topic, waiting, OVERDUE)).singleElement().satisfies(v -> assertThat(v)
                    .contains("\"applicationId\":\"" + waitingApplication + "\"")
                    .contains("\"dueOn\":\"2019-01-08\"").contains("\"workingDaysOverdue\":1"));
            // the decided application was nearly due before its decision, and is not overdue after it
            assertThat(values(topic, decided, DUE_SOON)).singleElement()
                    .satisfies(v -> assertThat(v).contains(decidedApplication));
            assertThat(values(topic, decided, OVERDUE)).isEmpty();
        }

        // an extension sets a new due date, Tuesday 15 January, whose own warning comes on Friday 11 January
        given().auth().oauth2(COMMISSIONER).contentType(ContentType.JSON)
                .body("{\"justification\":\"References outstanding\"}")
                .post("/applications/" + waitingApplication + "/extension").then().statusCode(200);
        deadlines.checkDeadlinesAsOf(LocalDate.of(2019, 1, 10));
        deadlines.checkDeadlinesAsOf(LocalDate.of(2019, 1, 11));
        deadlines.checkDeadlinesAsOf(LocalDate.of(2019, 1, 11));
        marker(waiting, "marker-2");
        try (TopicReader topic = reader()) {
            awaitMarker(topic, waiting, "marker-2");
            List<String> dueSoon = values(topic, waiting, DUE_SOON);
            assertThat(dueSoon).hasSize(2);
            assertThat(dueSoon.get(1)).contains("\"dueOn\":\"2019-01-15\"").contains("\"workingDaysLeft\":2");
            assertThat(values(topic, waiting, OVERDUE)).hasSize(1);
        }
    }

    @Test
    void anApplicationFirstCheckedWhenOverdueIsAnnouncedOnlyAsOverdue() {
        UUID lot = OnboardingFixtures.openTieredLot();
        String late = OnboardingFixtures.provider("Late Fostering");
        String application = OnboardingFixtures.apply(late, lot);

        // Saturday 12 January: three working days past Tuesday 8 January (Wednesday to Friday; Saturday is not one)
        deadlines.checkDeadlinesAsOf(LocalDate.of(2019, 1, 12));
        deadlines.checkDeadlinesAsOf(LocalDate.of(2019, 1, 14));
        marker(late, "marker-late");
        try (TopicReader topic = reader()) {
            awaitMarker(topic, late, "marker-late");
            assertThat(values(topic, late, DUE_SOON)).isEmpty();
            assertThat(values(topic, late, OVERDUE)).singleElement().satisfies(v -> assertThat(v)
                    .contains(application).contains("\"workingDaysOverdue\":3"));
        }
    }

    /** A contacts change, published after everything before it for the same provider, marks a point in time. */
    private static void marker(String provider, String label) {
        given().auth().oauth2(Tokens.forProvider(provider)).contentType(ContentType.JSON)
                .body("{\"contacts\": [{\"name\": \"" + label + "\", \"email\": \"" + label + "@example.org\"}]}")
                .put("/providers/" + provider + "/contacts").then().statusCode(200);
    }

    private static void awaitMarker(TopicReader topic, String provider, String label) {
        topic.await(r -> provider.equals(r.key()) && r.value().contains(label + "@example.org"),
                Duration.ofSeconds(30));
    }

    private static List<String> values(TopicReader topic, String provider, String type) {
        return topic.seen().stream().filter(r -> provider.equals(r.key()) && type.equals(header(r, "ce_type")))
                .map(ConsumerRecord::value).toList();
    }

    private static TopicReader reader() {
        return new TopicReader(SharedInfrastructure.kafkaBootstrapServers(), Topics.PROVIDERS);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
