package uk.gov.dps.e2e.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.gov.dps.e2e.bench.BenchClients.HTTP;
import static uk.gov.dps.e2e.bench.BenchClients.get;
import static uk.gov.dps.e2e.bench.BenchClients.post;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.gov.dps.cli.DpsStack;
import uk.gov.dps.cli.KeycloakTokens;
import uk.gov.dps.cli.StackConfig;
import uk.gov.dps.events.CloudEvents;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.EventJson;
import uk.gov.dps.events.provider.ProviderAdmittedToLot;

/**
 * Rebuilding state from a topic, at national scale: a backlog of provider admissions on {@code dps.providers}
 * (1,000,000 by default, the target's size) and how long each service that consumes the topic takes to apply
 * all of them through its inbox, one transaction per event as in a replay from the start. Run with
 * {@code ./dps bench replay}; {@code -Ddps.bench.replay.events=N} for a shorter run. Leaves the admitted
 * members in a lot of their own (./dps reset clears them).
 */
class ReplayBenchmark {

    private static final int EVENTS = Integer.getInteger("dps.bench.replay.events", 1_000_000);
    private static final Duration PATIENCE = Duration.ofMinutes(Integer.getInteger("dps.bench.replay.minutes", 60));
    /** Each service that consumes dps.providers, and the name its inbox counts the events under. */
    private static final Map<String, String> CONSUMERS = Map.of("lot-service", "lot-membership",
            "placement-service", "market-members", "contract-monitoring-service", "monitored-providers");

    private static final StackConfig STACK = StackConfig.fromEnvironment();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aBacklogOfProviderEventsIsAppliedByEveryConsumer() throws Exception {
        String lot = lotOfItsOwn();
        Map<String, Double> before = new LinkedHashMap<>();
        for (var consumer : CONSUMERS.entrySet()) {
            before.put(consumer.getKey(), applied(consumer.getKey(), consumer.getValue()));
        }
        long start = System.nanoTime();
        double producedSeconds = produce(UUID.fromString(lot));

        Map<String, Double> seconds = new LinkedHashMap<>();
        long deadline = start + PATIENCE.toNanos();
        while (seconds.size() < CONSUMERS.size() && System.nanoTime() < deadline) {
            for (var consumer : CONSUMERS.entrySet()) {
                String service = consumer.getKey();
                if (!seconds.containsKey(service)
                        && applied(service, consumer.getValue()) - before.get(service) >= EVENTS) {
                    seconds.put(service, (System.nanoTime() - start) / 1e9);
                }
            }
            Thread.sleep(1000);
        }

        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "# Replay benchmark, %s%n%n%,d provider admissions written to dps.providers in %.1f s.%n%n"
                        + "| service (consumer) | all applied after s | events/s | 1,000,000 events in min |%n|---|---|---|---|%n",
                Instant.now(), EVENTS, producedSeconds));
        for (var consumer : CONSUMERS.entrySet()) {
            Double took = seconds.get(consumer.getKey());
            report.append(took == null
                    ? String.format("| %s (%s) | not within %d min | | |%n", consumer.getKey(), consumer.getValue(),
                            PATIENCE.toMinutes())
                    : String.format(Locale.ROOT, "| %s (%s) | %.0f | %.0f | %.1f |%n", consumer.getKey(),
                            consumer.getValue(), took, EVENTS / took, 1_000_000 / (EVENTS / took) / 60));
        }
        System.out.println(report);
        Path out = Path.of(System.getProperty("dps.root", ".."), "e2e", "target", "replay.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
        assertTrue(seconds.size() == CONSUMERS.size(), "not every consumer applied the backlog: " + seconds);
    }

    /** A dynamic market with one lot, known to every consumer before the backlog arrives. */
    private static String lotOfItsOwn() throws Exception {
        String token = KeycloakTokens.forStack(STACK).userToken("commissioner", "cambridgeshire", null);
        LocalDate today = LocalDate.now();
        String dps = created(post("lot-service", "/dps", token, """
                {"reference": "REPLAY-%s", "title": "Replay benchmark", "regime": "PA2023_DYNAMIC_MARKET",
                 "councils": ["cambridgeshire"], "validFrom": "%s", "validTo": "%s"}"""
                .formatted(UUID.randomUUID(), today.minusDays(1), today.plusYears(1))));
        String lot = created(post("lot-service", "/dps/" + dps + "/lots", token, """
                {"code": "LOT2", "name": "Replayed fostering", "serviceType": "IFA", "tiered": false,
                 "categories": [{"code": "EMERGENCY", "name": "Emergency"}], "selectionCriteria": []}"""));
        String officer = KeycloakTokens.forStack(STACK).userToken("placement-officer", "cambridgeshire", null);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (HTTP.send(get("placement-service", "/lots/" + lot + "/eligible-providers", officer),
                HttpResponse.BodyHandlers.discarding()).statusCode() != 200) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("placement-service did not learn of lot " + lot);
            }
            Thread.sleep(200);
        }
        return lot;
    }

    /** Writes the backlog as fast as the broker takes it; returns the seconds it took. */
    private static double produce(UUID lot) throws Exception {
        long start = System.nanoTime();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, String> producer = BenchClients.producer(STACK, 20, 262_144)) {
            for (int i = 0; i < EVENTS && failure.get() == null; i++) {
                UUID provider = UUID.randomUUID();
                Instant now = Instant.now();
                ProducerRecord<String, String> record = new ProducerRecord<>(EventCatalog.PROVIDER_ADMITTED_TO_LOT
                        .topic(), provider.toString(), EventJson.mapper().writeValueAsString(new ProviderAdmittedToLot(
                                provider, "Replayed Fostering " + i, lot, UUID.randomUUID(), List.of("EMERGENCY"), null,
                                now)));
                header(record, CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION);
                header(record, CloudEvents.HEADER_ID, UUID.randomUUID().toString());
                header(record, CloudEvents.HEADER_SOURCE, "provider-service");
                header(record, CloudEvents.HEADER_TYPE, EventCatalog.PROVIDER_ADMITTED_TO_LOT.type());
                header(record, CloudEvents.HEADER_SUBJECT, provider.toString());
                header(record, CloudEvents.HEADER_TIME, now.toString());
                header(record, CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.JSON);
                producer.send(record, (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("could not write the backlog", failure.get());
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** The service's own count of events its inbox applied for {@code consumer} (Prometheus, /q/metrics). */
    private static double applied(String service, String consumer) throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(DpsStack.service(service).baseUrl() + "/q/metrics"))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher line = Pattern.compile("(?m)^dps_inbox_events_total\\{(?=[^}]*consumer=\"" + consumer
                + "\")(?=[^}]*outcome=\"applied\")[^}]*} (\\S+)$").matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }

    private static String created(HttpRequest request) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(request.uri() + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("id").asText();
    }

}
