package uk.gov.dps.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import uk.gov.dps.cli.DpsStack;

/** A state change written through a service's outbox reaches its Kafka topic as a binary-mode CloudEvent, fast. */
class ProviderEventsIT {

    private static final String TOPIC = "dps.providers";

    @BeforeAll
    static void stackIsUp() {
        RunningStack.requireUp();
    }

    @Test
    void registeringAProviderPublishesProviderRegistered() throws Exception {
        try (KafkaConsumer<String, String> consumer = Scenario.consumerAtEndOf(TOPIC)) {
            // The stack keeps its data between runs, and Ofsted URNs are unique: a fresh one each run.
            String ofstedUrn = "SC" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
            String companiesHouseNumber = String.valueOf(ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000));
            Map<String, String> registration = Map.of("name", "Acme Fostering Ltd", "ofstedUrn", ofstedUrn,
                    "companiesHouseNumber", companiesHouseNumber, "postcode", "CB1 2AB");

            long sent = System.nanoTime();
            String id = given().baseUri(DpsStack.service("provider-service").baseUrl())
                    .auth().oauth2(RunningStack.token("commissioner", "cambridgeshire"))
                    .contentType(ContentType.JSON).body(registration)
                    .when().post("/providers")
                    .then().statusCode(201).extract().path("id");
            long created = System.nanoTime();
            assertNotNull(id, "201 without an id");

            ConsumerRecord<String, String> event = Scenario.awaitRecord(consumer, r -> id.equals(r.key()));
            long received = System.nanoTime();
            Duration afterCreated = Duration.ofNanos(received - created);
            System.out.printf("[e2e] POST /providers took %d ms; the event was consumed %d ms after the 201%n",
                    (created - sent) / 1_000_000, afterCreated.toMillis());

            assertEquals("1.0", header(event, "ce_specversion"));
            assertEquals("dps.provider.registered.v1", header(event, "ce_type"));
            assertEquals("provider-service", header(event, "ce_source"));
            assertEquals(id, header(event, "ce_subject"));
            assertDoesNotThrow(() -> UUID.fromString(header(event, "ce_id")), "ce_id is not a UUID");
            assertTrue(header(event, "content-type").startsWith("application/json"), header(event, "content-type"));
            JsonNode payload = new ObjectMapper().readTree(event.value());
            assertEquals("Acme Fostering Ltd", payload.path("name").asText(), "payload " + payload);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertNotNull(header, "header " + name + " missing; headers: " + record.headers());
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
