package uk.gov.dps.e2e.bench;

import static uk.gov.dps.e2e.bench.BenchClients.HTTP;
import static uk.gov.dps.e2e.bench.BenchClients.get;
import static uk.gov.dps.e2e.bench.BenchClients.post;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import com.fasterxml.jackson.databind.ObjectMapper;

import uk.gov.dps.cli.KeycloakTokens;
import uk.gov.dps.cli.StackConfig;
import uk.gov.dps.events.CloudEvents;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.EventJson;
import uk.gov.dps.events.EventType;
import uk.gov.dps.events.provider.ProviderAdmittedToLot;
import uk.gov.dps.events.provider.SettingSnapshot;
import uk.gov.dps.events.provider.VacancySnapshot;

/**
 * Issue 15's target: a call-off to 2,000 members, each invitation assessed for fit against the member's settings and
 * vacancies, in ≤ 200 ms. Two lots of 2,000 members each are generated the way provider-service announces them
 * (ProviderAdmittedToLot, three SettingRegistered and two VacancyDeclared per member on dps.providers); the baseline
 * is the same call-off on the lot whose members registered no settings, in the same run. Reports the call-off's
 * round trip (the server's time, on this machine) and placement-service's own time for the fit (its Server-Timing).
 */
final class FitRankingBenchmark {

    static final int MEMBERS = Integer.getInteger("dps.bench.fit-members", 2000);
    private static final int SETTINGS_EACH = 3;
    private static final int VACANCIES_EACH = 2;
    private static final int CALL_OFFS = Integer.getInteger("dps.bench.fit-call-offs", 5);
    private static final List<String> DISTRICTS = List.of("PE1", "PE13", "PE29", "CB4", "CB1", "NR1", "IP1", "CM1",
            "SG1", "MK9", "LE1", "CF10");
    private static final List<String> NEEDS = List.of("EMOTIONAL_BEHAVIOURAL", "AUTISM", "MISSING_EPISODES",
            "LEARNING_DISABILITY", "CHILD_SEXUAL_EXPLOITATION", "EDUCATION_SUPPORT");
    private static final Pattern FIT = Pattern.compile("fit;dur=([0-9.]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StackConfig stack;
    private final KeycloakTokens tokens;

    /** One call-off's figures: its round trip and the fit assessment's own time, in ms. */
    record Measured(PlatformBenchmark.Stats callOff, PlatformBenchmark.Stats fit) {
    }

    FitRankingBenchmark(StackConfig stack, KeycloakTokens tokens) {
        this.stack = stack;
        this.tokens = tokens;
    }

    /** Generates both lots, then calls off on each in turn (one warm-up each, not measured): baseline, then with fit. */
    Measured[] measure() throws Exception {
        String commissioner = tokens.userToken("commissioner", "cambridgeshire", null);
        String officer = tokens.userToken("placement-officer", "cambridgeshire", null);
        String withSettings = lot(commissioner, officer, "with settings");
        String withoutSettings = lot(commissioner, officer, "without settings");
        produce(UUID.fromString(withSettings), true);
        produce(UUID.fromString(withoutSettings), false);
        awaitKnown(withSettings, MEMBERS * SETTINGS_EACH, MEMBERS * VACANCIES_EACH);
        awaitKnown(withoutSettings, 0, 0);

        callOff(officer, withoutSettings);
        callOff(officer, withSettings);
        List<Double> baseRoundTrip = new ArrayList<>();
        List<Double> baseFit = new ArrayList<>();
        List<Double> roundTrip = new ArrayList<>();
        List<Double> fit = new ArrayList<>();
        for (int i = 0; i < CALL_OFFS; i++) {
            double[] base = callOff(officer, withoutSettings);
            baseRoundTrip.add(base[0]);
            baseFit.add(base[1]);
            double[] assessed = callOff(officer, withSettings);
            roundTrip.add(assessed[0]);
            fit.add(assessed[1]);
        }
        return new Measured[] {
            new Measured(PlatformBenchmark.Stats.of(baseRoundTrip, 0), PlatformBenchmark.Stats.of(baseFit, 0)),
            new Measured(PlatformBenchmark.Stats.of(roundTrip, 0), PlatformBenchmark.Stats.of(fit, 0))};
    }

    /** A lot of a dynamic market of its own, serving Cambridgeshire, once placement-service knows it. */
    private String lot(String commissioner, String officer, String what) throws Exception {
        LocalDate today = LocalDate.now();
        String dps = created(post("lot-service", "/dps", commissioner, """
                {"reference": "FIT-%s", "title": "Fit benchmark (%s)", "regime": "PA2023_DYNAMIC_MARKET",
                 "councils": ["cambridgeshire"], "validFrom": "%s", "validTo": "%s"}"""
                .formatted(UUID.randomUUID(), what, today.minusDays(1), today.plusYears(1))));
        String lot = created(post("lot-service", "/dps/" + dps + "/lots", commissioner, """
                {"code": "LOT1", "name": "Residential homes (%s)", "serviceType": "RESIDENTIAL", "tiered": false,
                 "categories": [], "selectionCriteria": []}""".formatted(what)));
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

    /** The lot's members as provider-service announces them; with their settings and open vacancies if asked. */
    private void produce(UUID lot, boolean settings) throws Exception {
        AtomicReference<Exception> failure = new AtomicReference<>();
        java.util.Random random = new java.util.Random(lot.getMostSignificantBits());
        try (KafkaProducer<String, String> producer = BenchClients.producer(stack, 20, 262_144)) {
            for (int i = 0; i < MEMBERS && failure.get() == null; i++) {
                UUID provider = UUID.randomUUID();
                Instant now = Instant.now();
                send(producer, failure, EventCatalog.PROVIDER_ADMITTED_TO_LOT, provider, new ProviderAdmittedToLot(
                        provider, "Fit Bench Homes " + i, lot, UUID.randomUUID(), List.of(), null, now));
                if (!settings) {
                    continue;
                }
                for (int s = 0; s < SETTINGS_EACH; s++) {
                    UUID setting = UUID.randomUUID();
                    int minAge = random.nextInt(12);
                    List<String> needs = NEEDS.stream().filter(n -> random.nextInt(3) > 0).toList();
                    String district = DISTRICTS.get(random.nextInt(DISTRICTS.size()));
                    send(producer, failure, EventCatalog.SETTING_REGISTERED, provider, new SettingSnapshot(setting,
                            provider, "Home " + i + "-" + s, "CHILDRENS_HOME", "SC" + (1_000_000 + random.nextInt(
                                    8_999_999)), null, district, district.startsWith("CF") ? "Wales" : "England", 4,
                            new SettingSnapshot.Profile(minAge, minAge + 4 + random.nextInt(10),
                                    random.nextInt(4) == 0 ? List.of("FEMALE") : List.of("FEMALE", "MALE"), needs,
                                    random.nextBoolean(), false, LocalDate.now().minusYears(1)),
                            null, random.nextBoolean(), true, now));
                    if (s < VACANCIES_EACH) {
                        Instant confirmed = now.minus(Duration.ofDays(random.nextInt(10)));
                        send(producer, failure, EventCatalog.VACANCY_DECLARED, provider, new VacancySnapshot(
                                UUID.randomUUID(), setting, provider, 1, LocalDate.now().plusDays(random.nextInt(30)),
                                null, null, null, random.nextBoolean(), "OPEN", null, confirmed, now));
                    }
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("could not write the members", failure.get());
        }
    }

    private static void send(KafkaProducer<String, String> producer, AtomicReference<Exception> failure,
            EventType type, UUID key, Record payload) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), key.toString(),
                EventJson.mapper().writeValueAsString(payload));
        header(record, CloudEvents.HEADER_SPEC_VERSION, CloudEvents.SPEC_VERSION);
        header(record, CloudEvents.HEADER_ID, UUID.randomUUID().toString());
        header(record, CloudEvents.HEADER_SOURCE, "provider-service");
        header(record, CloudEvents.HEADER_TYPE, type.type());
        header(record, CloudEvents.HEADER_SUBJECT, key.toString());
        header(record, CloudEvents.HEADER_TIME, Instant.now().toString());
        header(record, CloudEvents.HEADER_CONTENT_TYPE, CloudEvents.JSON);
        producer.send(record, (metadata, e) -> {
            if (e != null) {
                failure.compareAndSet(null, e);
            }
        });
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Waits until placement-service's projections hold every member, setting and vacancy of the lot. */
    private void awaitKnown(String lot, int settings, int vacancies) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        try (Connection db = DriverManager.getConnection(stack.jdbcUrl("placement_service"), stack.databaseUser(),
                stack.databasePassword());
                PreparedStatement counts = db.prepareStatement("""
                        SELECT (SELECT count(*) FROM lot_member WHERE lot_id = ?::uuid),
                               (SELECT count(*) FROM setting_view s JOIN lot_member m ON m.provider_id = s.provider_id
                                 WHERE m.lot_id = ?::uuid),
                               (SELECT count(*) FROM vacancy_view v JOIN lot_member m ON m.provider_id = v.provider_id
                                 WHERE m.lot_id = ?::uuid)""")) {
            for (int p = 1; p <= 3; p++) {
                counts.setString(p, lot);
            }
            while (true) {
                try (ResultSet rs = counts.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) == MEMBERS && rs.getInt(2) == settings && rs.getInt(3) == vacancies) {
                        return;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("placement-service knows " + rs.getInt(1) + " members, "
                                + rs.getInt(2) + " settings, " + rs.getInt(3) + " vacancies of lot " + lot);
                    }
                }
                Thread.sleep(500);
            }
        }
    }

    /** Raises a referral, checks in-house and calls off: {round trip ms, fit assessment ms (Server-Timing)}. */
    private static double[] callOff(String officer, String lot) throws Exception {
        String referral = created(post("placement-service", "/referrals", officer, """
                {"lotId": "%s", "ageBand": "11-15", "sex": "FEMALE", "needs": ["EMOTIONAL_BEHAVIOURAL", "AUTISM"],
                 "postcodeDistrict": "PE29", "wantedStart": "%s", "placementPattern": "WEEKS_52"}"""
                .formatted(lot, LocalDate.now().plusDays(14))));
        ok(post("placement-service", "/referrals/" + referral + "/in-house-check", officer,
                "{\"outcome\":\"NOT_AVAILABLE\"}"));
        HttpRequest callOff = HttpRequest.newBuilder(post("placement-service", "/referrals/" + referral + "/call-off",
                officer, "{\"respondBy\":\"" + Instant.now().plus(Duration.ofDays(2)) + "\"}"), (n, v) -> true)
                .timeout(Duration.ofSeconds(60)).build();
        long start = System.nanoTime();
        HttpResponse<String> response = HTTP.send(callOff, HttpResponse.BodyHandlers.ofString());
        double millis = (System.nanoTime() - start) / 1e6;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("call-off: " + response.statusCode() + " " + response.body());
        }
        int invited = JSON.readTree(response.body()).size();
        if (invited != MEMBERS) {
            throw new IllegalStateException("the call-off invited " + invited + ", not " + MEMBERS);
        }
        Matcher fit = FIT.matcher(response.headers().firstValue("Server-Timing").orElse(""));
        return new double[] {millis, fit.find() ? Double.parseDouble(fit.group(1)) : Double.NaN};
    }

    private static String created(HttpRequest request) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(request.uri() + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("id").asText();
    }

    private static void ok(HttpRequest request) throws Exception {
        HttpResponse<Void> response = HTTP.send(request, HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + ": " + response.statusCode());
        }
    }

    /** The rows and the verdict for the benchmark's report. */
    static String report(Measured[] measured) {
        Measured base = measured[0];
        Measured fit = measured[1];
        return String.format(Locale.ROOT, "%n| call-off to %,d members (%d each) | round trip p50 ms | round trip max ms "
                + "| fit assessment p50 ms (Server-Timing) | fit assessment max ms |%n|---|---|---|---|---|%n"
                + "| baseline: members with no settings | %.1f | %.1f | %.1f | %.1f |%n"
                + "| members with %d settings and %d open vacancies each | %.1f | %.1f | %.1f | %.1f |%n"
                + "%nFit assessment of a call-off to %,d members: p50 **%.1f ms**, max **%.1f ms** (target ≤ 200); "
                + "the call-off's round trip %.1f ms against %.1f ms without settings.%n",
                MEMBERS, base.callOff().count(), base.callOff().p50(), max(base.callOff()), base.fit().p50(),
                max(base.fit()), SETTINGS_EACH, VACANCIES_EACH, fit.callOff().p50(), max(fit.callOff()),
                fit.fit().p50(), max(fit.fit()), MEMBERS, fit.fit().p50(), max(fit.fit()), fit.callOff().p50(),
                base.callOff().p50());
    }

    private static double max(PlatformBenchmark.Stats stats) {
        return stats.percentile(1.0);
    }
}
