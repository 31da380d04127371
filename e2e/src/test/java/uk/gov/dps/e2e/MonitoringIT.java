package uk.gov.dps.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.restassured.http.ContentType;
import uk.gov.dps.cli.DpsStack;
import uk.gov.dps.testing.MetricsScrape;

/**
 * The dashboards and alert rules in k8s/components/monitoring ask only for metrics the running services really
 * expose: every metric name in their PromQL is found in a scrape of the services' /q/metrics (Prometheus's own
 * {@code up} aside). A misspelt or renamed metric would leave a panel empty and an alert silent for ever.
 */
class MonitoringIT {

    private static final Path MONITORING = Path.of(System.getProperty("dps.root", ".."), "k8s", "components", "monitoring");
    /** Made by Prometheus for every target, not by a service. */
    private static final Set<String> MADE_BY_PROMETHEUS = Set.of("up");
    private static final Set<String> NOT_METRICS = Set.of("and", "or", "unless", "offset", "bool", "by", "without",
            "on", "ignoring", "group_left", "group_right", "inf", "nan");
    private static final Pattern NAME = Pattern.compile("(?<![\\w.$])[a-zA-Z_:][a-zA-Z0-9_:]*");

    @BeforeAll
    static void stackIsUp() {
        RunningStack.requireUp();
    }

    @Test
    void dashboardsAndAlertRulesUseOnlyMetricsTheServicesExpose() throws IOException {
        Map<String, Set<String>> used = usedMetrics();
        assertThat(used).as("queries found").isNotEmpty();
        // An event that flows from provider-service to lot- and notification-service: their consumers' series appear
        registerAProvider();
        Set<String> exposed = new TreeSet<>();
        // Kafka's per-partition lag is bound by Micrometer within a minute of the consumer's first fetch
        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(5)).untilAsserted(() -> {
            exposed.clear();
            exposed.addAll(MADE_BY_PROMETHEUS);
            for (DpsStack.Service service : DpsStack.SERVICES) {
                exposed.addAll(scrape(service).names());
            }
            Map<String, Set<String>> missing = new TreeMap<>();
            used.forEach((where, names) -> names.stream().filter(n -> !exposed.contains(n))
                    .forEach(n -> missing.computeIfAbsent(n, k -> new TreeSet<>()).add(where)));
            assertThat(missing).as("metrics asked for by dashboards or alert rules that no running service exposes")
                    .isEmpty();
        });
        System.out.printf("[e2e] %d metric names in dashboards and alert rules, all among the %d the services expose%n",
                used.values().stream().flatMap(Set::stream).distinct().count(), exposed.size());
    }

    @Test
    void everyServiceLabelsItsSeriesAndReportsItsOutbox() {
        for (DpsStack.Service service : DpsStack.SERVICES) {
            MetricsScrape scrape = scrape(service);
            if (service.hasDatabase()) {
                assertThat(scrape.series("dps_outbox_backlog_events", Map.of("service", service.name())))
                        .as("%s outbox backlog", service.name()).hasSize(1);
                assertThat(scrape.series("dps_outbox_oldest_age_seconds", Map.of("service", service.name())))
                        .as("%s outbox age", service.name()).hasSize(1);
                assertThat(scrape.samples()).as("%s: every series labelled service", service.name())
                        .allSatisfy(s -> assertThat(s.labels()).containsEntry("service", service.name()));
            }
        }
        assertThat(scrape(DpsStack.service("placement-service")).names()).contains("dps_calloff_windows_closed_without_offer_total");
        assertThat(scrape(DpsStack.service("spend-service")).series("dps_spend_threshold_alerts_raised_total", Map.of()))
                .extracting(s -> s.labels().get("subject")).contains("budget", "contract");
    }

    /** Every metric name in each alert rule's and dashboard query's PromQL, by where it was found. */
    static Map<String, Set<String>> usedMetrics() throws IOException {
        Map<String, Set<String>> used = new TreeMap<>();
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(MONITORING.resolve("alert-rules.yaml").toFile());
        for (JsonNode group : rules.path("spec").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                used.put("alert " + rule.path("alert").asText(), metricNames(rule.path("expr").asText()));
            }
        }
        List<Path> dashboards;
        try (Stream<Path> files = Files.list(MONITORING.resolve("dashboards"))) {
            dashboards = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        for (Path file : dashboards) {
            JsonNode dashboard = new ObjectMapper().readTree(file.toFile());
            for (JsonNode panel : dashboard.path("panels")) {
                Set<String> names = new TreeSet<>();
                panel.path("targets").forEach(t -> names.addAll(metricNames(t.path("expr").asText())));
                used.put(file.getFileName() + " panel " + panel.path("title").asText(), names);
            }
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                Matcher m = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)").matcher(
                        variable.path("query").path("query").asText(variable.path("query").asText()));
                if (m.find()) {
                    used.put(file.getFileName() + " variable " + variable.path("name").asText(), Set.of(m.group(1)));
                }
            }
        }
        return used;
    }

    /**
     * The metric names of a PromQL expression: identifiers that are not functions (followed by "("), keywords, label
     * names (inside {...} or by/without/on/ignoring (...)), durations, or Grafana variables.
     */
    static Set<String> metricNames(String promql) {
        String s = promql.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^\\]]*]", " ")
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = NAME.matcher(s);
        while (m.find()) {
            String token = m.group();
            String rest = s.substring(m.end()).stripLeading();
            if (rest.startsWith("(") || NOT_METRICS.contains(token.toLowerCase())) {
                continue;
            }
            names.add(token);
        }
        return names;
    }

    private static MetricsScrape scrape(DpsStack.Service service) {
        return MetricsScrape.parse(given().baseUri(service.baseUrl()).accept("text/plain").when().get("/q/metrics")
                .then().statusCode(200).extract().asString());
    }

    private static void registerAProvider() {
        String ofstedUrn = "SC" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
        String companiesHouseNumber = String.valueOf(ThreadLocalRandom.current().nextInt(10_000_000, 100_000_000));
        given().baseUri(DpsStack.service("provider-service").baseUrl())
                .auth().oauth2(RunningStack.token("commissioner", "cambridgeshire"))
                .contentType(ContentType.JSON).body(Map.of("name", "Watched Fostering Ltd", "ofstedUrn", ofstedUrn,
                        "companiesHouseNumber", companiesHouseNumber, "postcode", "CB1 2AB"))
                .when().post("/providers").then().statusCode(201);
    }

    @Test
    void theNamesOfAQueryAreItsMetricsOnly() {
        assertThat(metricNames("sum by (service, le) (rate(dps_inbox_processing_seconds_bucket{service=~\"$service\"}[5m])) "
                + "/ on (service) group_left sum(up offset 15m) > bool 0.05 and x_total unless histogram_quantile(0.9, y)"))
                .containsExactlyInAnyOrder("dps_inbox_processing_seconds_bucket", "up", "x_total", "y");
        assertThat(new ArrayList<>(metricNames("sum(increase(dps_outbox_published_total{type=\"dps.placement.awarded.v1\"}[$__range]))")))
                .containsExactly("dps_outbox_published_total");
    }
}
