package uk.gov.dps.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The alert rules of k8s/components/monitoring, checked and unit-tested by Prometheus's own promtool: each alert
 * fires on a synthetic failing series and stays quiet on healthy ones (src/test/resources/promtool). promtool comes
 * from Debian's {@code prometheus} package; without it these tests fail and say how to install it.
 */
class AlertRulesTest {

    static final String RULES = "k8s/components/monitoring/alert-rules.yaml";
    static final String INSTALL = "apt-get install -y --no-install-recommends prometheus";

    @TempDir
    Path work;

    @Test
    void promtoolAcceptsTheRulesAndTheirUnitTestsPass() throws IOException {
        Path rules = work.resolve("dps-alerts.rules.yaml");
        Files.writeString(rules, prometheusRulesFile());
        Path tests = work.resolve("dps-alerts.test.yaml");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("promtool/dps-alerts.test.yaml")) {
            Files.write(tests, in.readAllBytes());
        }
        assertThat(promtool("check", "rules", rules.toString())).contains("SUCCESS: 5 rules found");
        assertThat(promtool("test", "rules", tests.toString())).contains("SUCCESS");
    }

    @Test
    void everyAlertHasASummaryADescriptionAndARunbookEntryInOperationsDocs() {
        String operations = Repo.read("docs/operations.md");
        SoftAssertions soft = new SoftAssertions();
        for (Map<String, Object> rule : alertRules()) {
            Object alert = rule.get("alert");
            Map<String, Object> annotations = Repo.map(rule.get("annotations"));
            soft.assertThat(annotations).as("%s annotations", alert).containsKeys("summary", "description", "runbook_url");
            soft.assertThat(Repo.map(rule.get("labels"))).as("%s severity", alert).containsKey("severity");
            String runbook = String.valueOf(annotations.get("runbook_url"));
            soft.assertThat(runbook).as("%s runbook", alert).isEqualTo("docs/operations.md#" + alert.toString().toLowerCase());
            // GitHub's anchor for the heading "### DpsOutboxEventStuck" is #dpsoutboxeventstuck
            soft.assertThat(operations).as("%s has a runbook heading in docs/operations.md", alert)
                    .containsPattern("(?m)^#+ " + alert + "\\b");
        }
        soft.assertThat(alertRules()).extracting(r -> r.get("alert")).containsExactlyInAnyOrder("DpsConsumerLagGrowing",
                "DpsOutboxEventStuck", "DpsDeadLetterParked", "DpsServiceDown", "DpsHighErrorRate");
        soft.assertAll();
    }

    /** The PrometheusRule's spec is a Prometheus rules file (groups), as the operator hands it to Prometheus. */
    static String prometheusRulesFile() {
        Map<String, Object> rule = Repo.map(Repo.yamlDocuments(Repo.read(RULES)).get(0));
        assertThat(rule).containsEntry("kind", "PrometheusRule").containsEntry("apiVersion", "monitoring.coreos.com/v1");
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return new Yaml(options).dump(rule.get("spec"));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> alertRules() {
        Map<String, Object> spec = Repo.map(Repo.map(Repo.yamlDocuments(Repo.read(RULES)).get(0)).get("spec"));
        return ((List<Object>) spec.get("groups")).stream()
                .flatMap(g -> ((List<Object>) Repo.map(g).get("rules")).stream()).map(Repo::map).toList();
    }

    /** Runs promtool; fails with its output when it fails, and with the one line to run when it is missing. */
    static String promtool(String... args) throws IOException {
        String promtool = System.getProperty("dps.promtool", "promtool");
        Process process;
        try {
            process = new ProcessBuilder(concat(promtool, args)).redirectErrorStream(true).start();
        } catch (IOException e) {
            return fail("promtool not found (the alert rules are unit-tested with it): run as root `" + INSTALL
                    + "` (Debian's prometheus package brings promtool), or pass -Ddps.promtool=/path/to/promtool");
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return fail("promtool " + String.join(" ", args) + " did not finish in 120 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (process.exitValue() != 0) {
            return fail("promtool " + String.join(" ", args) + " failed (exit " + process.exitValue() + "):\n" + out);
        }
        return out;
    }

    private static String[] concat(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
