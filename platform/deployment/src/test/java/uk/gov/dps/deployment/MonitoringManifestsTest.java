package uk.gov.dps.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;

/**
 * What Prometheus and Grafana get from every overlay (k8s/components/monitoring): a ServiceMonitor per service and
 * the portal that selects its Service and scrapes /q/metrics on its http port, the alert rules, and the dashboards
 * as a ConfigMap Grafana's sidecar picks up, each dashboard well formed and each query valid PromQL (promtool).
 * That the queries use only metrics the services really expose is checked against running services
 * (e2e MonitoringIT).
 */
class MonitoringManifestsTest {

    static final String DASHBOARDS = "k8s/components/monitoring/dashboards";

    static Stream<String> overlays() {
        return Kustomize.overlays().stream();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceAndThePortalHaveAServiceMonitorScrapingTheirMetrics(String overlay) {
        Manifests m = Manifests.overlay(overlay);
        assertThat(m.problems).as("%s parses", overlay).isEmpty();
        List<String> scraped = new ArrayList<>(Services.ALL.stream().map(Services.Service::name).toList());
        scraped.add("portal");
        SoftAssertions soft = new SoftAssertions();
        for (String name : scraped) {
            Service service = m.get(Service.class, name);
            GenericKubernetesResource monitor = m.generic("ServiceMonitor").stream()
                    .filter(r -> name.equals(r.getMetadata().getName())).findFirst().orElse(null);
            soft.assertThat(monitor).as("%s ServiceMonitor %s", overlay, name).isNotNull();
            if (monitor == null) {
                continue;
            }
            Map<String, Object> spec = Repo.map(monitor.getAdditionalProperties().get("spec"));
            Map<String, String> selector = stringMap(Repo.map(Repo.map(spec.get("selector")).get("matchLabels")));
            soft.assertThat(service.getMetadata().getLabels().entrySet()).as("%s selects Service %s", monitor.getMetadata()
                    .getName(), name).containsAll(selector.entrySet());
            soft.assertThat(m.all(Service.class).stream().filter(s -> s.getMetadata().getLabels().entrySet()
                    .containsAll(selector.entrySet()))).as("ServiceMonitor %s selects only its Service", name).hasSize(1);
            @SuppressWarnings("unchecked")
            List<Object> endpoints = (List<Object>) spec.get("endpoints");
            soft.assertThat(endpoints).as("%s endpoints", name).hasSize(1);
            Map<String, Object> endpoint = Repo.map(endpoints.get(0));
            soft.assertThat(endpoint).as("%s endpoint", name).containsEntry("path", "/q/metrics")
                    .containsEntry("honorLabels", true);
            soft.assertThat(service.getSpec().getPorts().stream().map(ServicePort::getName)).as("ports of %s", name)
                    .contains((String) endpoint.get("port"));
        }
        soft.assertThat(m.generic("PrometheusRule")).as("%s alert rules", overlay)
                .extracting(r -> r.getMetadata().getName()).containsExactly("dps-alerts");
        soft.assertAll();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theDashboardsShipAsAConfigMapGrafanaPicksUp(String overlay) throws IOException {
        ConfigMap dashboards = Manifests.overlay(overlay).get(ConfigMap.class, "dps-dashboards");
        assertThat(dashboards.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        assertThat(dashboards.getData()).containsOnlyKeys(dashboardFiles().keySet());
        for (var file : dashboardFiles().entrySet()) {
            assertThat(Repo.JSON.readTree(dashboards.getData().get(file.getKey())))
                    .as("%s in %s", file.getKey(), overlay).isEqualTo(file.getValue());
        }
    }

    @Test
    void everyDashboardIsWellFormed() {
        Map<String, JsonNode> dashboards = dashboardFiles();
        assertThat(dashboards.keySet()).containsExactlyInAnyOrder("dps-service-overview.json", "dps-event-flow.json",
                "dps-business.json");
        SoftAssertions soft = new SoftAssertions();
        Set<String> uids = new HashSet<>();
        for (var entry : dashboards.entrySet()) {
            String name = entry.getKey();
            JsonNode d = entry.getValue();
            soft.assertThat(d.path("title").asText()).as("%s title", name).isNotBlank();
            soft.assertThat(uids.add(d.path("uid").asText())).as("%s uid unique", name).isTrue();
            soft.assertThat(d.path("uid").asText()).as("%s uid (Grafana: at most 40 characters)", name)
                    .matches("[a-z0-9-]{1,40}");
            soft.assertThat(d.path("schemaVersion").asInt()).as("%s schemaVersion", name).isPositive();
            soft.assertThat(d.path("templating").path("list").findValuesAsText("name")).as("%s variables", name)
                    .contains("datasource");
            Set<Integer> ids = new HashSet<>();
            soft.assertThat(d.path("panels").size()).as("%s panels", name).isPositive();
            for (JsonNode panel : d.path("panels")) {
                String where = name + " panel " + panel.path("title").asText();
                soft.assertThat(ids.add(panel.path("id").asInt())).as("%s id unique", where).isTrue();
                soft.assertThat(panel.path("type").asText()).as("%s type", where).isIn("timeseries", "stat", "table",
                        "gauge", "bargauge", "text");
                soft.assertThat(panel.path("title").asText()).as("%s title", where).isNotBlank();
                JsonNode grid = panel.path("gridPos");
                soft.assertThat(grid.path("w").asInt() > 0 && grid.path("h").asInt() > 0
                        && grid.path("x").asInt() + grid.path("w").asInt() <= 24).as("%s gridPos %s within 24 columns",
                                where, grid).isTrue();
                soft.assertThat(panel.path("datasource").path("uid").asText()).as("%s datasource", where)
                        .isEqualTo("${datasource}");
                Set<String> refIds = new HashSet<>();
                soft.assertThat(panel.path("targets").size()).as("%s queries", where).isPositive();
                for (JsonNode target : panel.path("targets")) {
                    soft.assertThat(refIds.add(target.path("refId").asText())).as("%s refId unique", where).isTrue();
                    soft.assertThat(target.path("expr").asText()).as("%s expr", where).isNotBlank();
                }
            }
        }
        soft.assertAll();
    }

    /** promtool parses every dashboard query, written as a recording rule with Grafana's variables filled in. */
    @Test
    void everyDashboardQueryIsValidPromQL(@TempDir Path work) throws IOException {
        List<Map<String, Object>> rules = new ArrayList<>();
        int n = 0;
        for (String expr : dashboardQueries()) {
            Map<String, Object> rule = new LinkedHashMap<>();
            rule.put("record", "dashboard:query_" + n++);
            rule.put("expr", asGrafanaSendsIt(expr));
            rules.add(rule);
        }
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Path file = work.resolve("dashboard-queries.yaml");
        Files.writeString(file, new Yaml(options).dump(Map.of("groups", List.of(Map.of("name", "dashboards", "rules", rules)))));
        assertThat(AlertRulesTest.promtool("check", "rules", file.toString())).contains("SUCCESS: " + rules.size() + " rules found");
    }

    /** Grafana replaces its variables before sending a query: a multi-value $service as a regex alternation. */
    static String asGrafanaSendsIt(String expr) {
        return expr.replace("$__range", "6h").replace("$service", "provider-service|lot-service");
    }

    static List<String> dashboardQueries() {
        List<String> queries = new ArrayList<>();
        dashboardFiles().values().forEach(d -> d.path("panels")
                .forEach(p -> p.path("targets").forEach(t -> queries.add(t.path("expr").asText()))));
        return queries;
    }

    static Map<String, JsonNode> dashboardFiles() {
        Map<String, JsonNode> files = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(Repo.path(DASHBOARDS))) {
            list.filter(f -> f.toString().endsWith(".json")).sorted()
                    .forEach(f -> files.put(f.getFileName().toString(), Repo.json(f)));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return files;
    }

    private static Map<String, String> stringMap(Map<String, Object> map) {
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }
}
