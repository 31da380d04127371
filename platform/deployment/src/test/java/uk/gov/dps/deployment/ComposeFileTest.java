package uk.gov.dps.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.strimzi.api.kafka.model.topic.KafkaTopic;

/**
 * docker-compose.yml is a valid Compose file (the Compose Specification's JSON Schema, compose-spec/compose-spec@170098b,
 * Apache-2.0, copied to src/test/resources) and runs the services as they expect: ports, health, environment,
 * databases, topics and the realm.
 */
class ComposeFileTest {

    static final String FILE = "docker-compose.yml";
    static final JsonNode COMPOSE = Repo.yamlAsJson(Repo.read(FILE));
    static final JsonNode SERVICES = COMPOSE.path("services");

    private static final Pattern TOPIC_LINE = Pattern.compile("(?m)^\\s*create (\\S+) (\\d+) (-?\\d+)\\s*$");
    private static final Pattern CREATE_DATABASE = Pattern.compile("(?i)CREATE DATABASE\\s+([A-Za-z0-9_]+)");

    @Test
    void isValidAgainstTheComposeSpecification() {
        assertThat(schema().validate(COMPOSE)).as(FILE + " against the Compose Specification").isEmpty();
    }

    @Test
    void theSchemaCheckCatchesAMistake() {
        JsonNode broken = Repo.yamlAsJson("""
                services:
                  a:
                    image: x
                    healthcheck: {tset: [CMD, "true"]}
                    depends_on: {b: {condition: service_ready}}
                """);
        assertThat(schema().validate(broken).stream().map(ValidationMessage::getMessage)).anyMatch(m -> m.contains("tset"))
                .anyMatch(m -> m.contains("service_ready") || m.contains("condition"));
    }

    @Test
    void eachServiceRunsItsImageOnItsPortWithAReadinessCheckAfterItsInfrastructure() {
        SoftAssertions soft = new SoftAssertions();
        String version = Repo.parentPomProperty("project.version");
        for (Services.Service s : Services.ALL) {
            JsonNode svc = service(s.name());
            soft.assertThat(svc.path("image").asText()).as("%s image", s.name())
                    .isEqualTo("dps/" + s.module() + ":${DPS_IMAGE_TAG:-" + version + "}");
            soft.assertThat(containerPorts(svc)).as("%s published port", s.name()).contains(s.port());
            String check = String.join(" ", texts(svc.path("healthcheck").path("test")));
            soft.assertThat(check).as("%s health check", s.name()).contains("/dev/tcp/127.0.0.1/" + s.port() + " ")
                    .contains("GET /q/health/ready ");
            soft.assertThat(svc.path("depends_on").path("postgres").path("condition").asText()).as("%s after PostgreSQL", s.name())
                    .isEqualTo("service_healthy");
            soft.assertThat(svc.path("depends_on").path("kafka-topics").path("condition").asText()).as("%s after the topics", s.name())
                    .isEqualTo("service_completed_successfully");
            soft.assertThat(svc.path("depends_on").path("keycloak").path("condition").asText()).as("%s after Keycloak", s.name())
                    .isEqualTo("service_healthy");
            soft.assertThat(svc.path("read_only").asBoolean()).as("%s read-only", s.name()).isTrue();
            soft.assertThat(texts(svc.path("tmpfs"))).as("%s writable /tmp", s.name()).contains("/tmp");
            soft.assertThat(texts(svc.path("cap_drop"))).as("%s capabilities", s.name()).containsExactly("ALL");
        }
        soft.assertAll();
    }

    @Test
    void eachServiceGetsOnlyEnvironmentItReadsPointingAtTheComposeInfrastructure() {
        SoftAssertions soft = new SoftAssertions();
        String realm = "/realms/" + Realm.name();
        for (Services.Service s : Services.ALL) {
            Map<String, String> env = environment(service(s.name()));
            soft.assertThat(env.keySet().stream().filter(n -> !Services.isKnownEnvironment(n)))
                    .as("%s: environment names no service reads", s.name()).isEmpty();
            soft.assertThat(env).as("%s environment", s.name()).containsKeys(Services.REQUIRED_ENVIRONMENT.toArray(String[]::new));
            soft.assertThat(env).as("%s: settings whose default is this machine", s.name())
                    .containsKeys(Services.localDefaults(s).toArray(String[]::new));
            if (!env.keySet().containsAll(Services.REQUIRED_ENVIRONMENT)) {
                continue;
            }
            URI jdbc = Workloads.uri(env.get("QUARKUS_DATASOURCE_JDBC_URL"));
            soft.assertThat(jdbc.getHost() + ":" + jdbc.getPort() + jdbc.getPath()).as("%s database", s.name())
                    .isEqualTo("postgres:5432/" + s.database());
            soft.assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS")).as("%s Kafka", s.name()).isEqualTo("kafka:9092");
            URI oidc = Workloads.uri(env.get("QUARKUS_OIDC_AUTH_SERVER_URL"));
            soft.assertThat(oidc.getHost() + ":" + oidc.getPort() + oidc.getPath()).as("%s OIDC", s.name())
                    .isEqualTo("keycloak:8080" + realm);
            Map<String, String> postgres = environment(service("postgres"));
            soft.assertThat(env.get("QUARKUS_DATASOURCE_USERNAME")).as("%s DB user", s.name()).isEqualTo(postgres.get("POSTGRES_USER"));
            soft.assertThat(env.get("QUARKUS_DATASOURCE_PASSWORD")).as("%s DB password", s.name())
                    .isEqualTo(postgres.get("POSTGRES_PASSWORD"));
            if (env.containsKey("QUARKUS_HTTP_PORT")) {
                soft.assertThat(env.get("QUARKUS_HTTP_PORT")).as("%s QUARKUS_HTTP_PORT", s.name()).isEqualTo("" + s.port());
            }
        }
        Map<String, String> kafka = environment(service("kafka"));
        soft.assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS")).as("Kafka listener for containers").contains("PLAINTEXT://kafka:9092");
        soft.assertAll();
    }

    @Test
    void postgresCreatesEveryServiceDatabaseOnFirstStart() {
        JsonNode postgres = service("postgres");
        Path initDir = null;
        for (String volume : texts(postgres.path("volumes"))) {
            String[] parts = volume.split(":");
            if (parts.length >= 2 && parts[1].equals("/docker-entrypoint-initdb.d")) {
                initDir = Repo.ROOT.resolve(parts[0]).normalize();
            }
        }
        assertThat(initDir).as("an init script folder mounted at /docker-entrypoint-initdb.d").isNotNull();
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.list(initDir)) {
            files.filter(f -> f.toString().endsWith(".sql")).forEach(f -> {
                Matcher m = CREATE_DATABASE.matcher(Repo.read(f));
                while (m.find()) {
                    created.add(m.group(1));
                }
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(created).as("databases created by " + Repo.ROOT.relativize(initDir))
                .containsExactlyInAnyOrderElementsOf(Services.ALL.stream().map(Services.Service::database).toList());
        assertThat(postgres.path("healthcheck").path("test").toString()).contains("pg_isready");
    }

    @Test
    void kafkaRunsInKraftModeAndTheTopicStepCreatesEveryTopicAsKubernetesDoes() {
        JsonNode kafka = service("kafka");
        String kafkaVersion = Repo.parentPomProperty("kafka.version");
        assertThat(kafka.path("image").asText()).as("Kafka as the clients (kafka.version)").endsWith("/kafka:" + kafkaVersion);
        Map<String, String> env = environment(kafka);
        assertThat(env.get("KAFKA_PROCESS_ROLES")).contains("broker").contains("controller");
        assertThat(env.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE")).isEqualTo("false");

        JsonNode topicsStep = service("kafka-topics");
        assertThat(topicsStep.path("image").asText()).isEqualTo(kafka.path("image").asText());
        assertThat(topicsStep.path("depends_on").path("kafka").path("condition").asText()).isEqualTo("service_healthy");
        Map<String, long[]> created = new TreeMap<>(); // topic -> partitions, retention.ms
        Matcher m = TOPIC_LINE.matcher(String.join("\n", texts(topicsStep.path("command"))));
        while (m.find()) {
            created.put(m.group(1), new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(3))});
        }
        assertThat(created.keySet()).as("topics created by kafka-topics").containsAll(Services.requiredTopics());

        SoftAssertions soft = new SoftAssertions();
        for (KafkaTopic t : Manifests.overlay("prod").all(KafkaTopic.class)) {
            long[] compose = created.get(t.getSpec().getTopicName());
            soft.assertThat(compose).as("compose creates %s", t.getSpec().getTopicName()).isNotNull();
            if (compose != null) {
                soft.assertThat(compose[0]).as("%s partitions", t.getSpec().getTopicName()).isEqualTo(t.getSpec().getPartitions().longValue());
                soft.assertThat(compose[1]).as("%s retention.ms", t.getSpec().getTopicName())
                        .isEqualTo(((Number) t.getSpec().getConfig().get("retention.ms")).longValue());
            }
        }
        soft.assertAll();
    }

    @Test
    void keycloakImportsTheSameRealmAsDpsUpAndIssuesTokensForTheHostPort() {
        JsonNode keycloak = service("keycloak");
        assertThat(keycloak.path("image").asText()).as("Keycloak as `./dps up`").endsWith("/keycloak:" + Realm.keycloakVersion());
        assertThat(texts(keycloak.path("command"))).contains("--import-realm");
        assertThat(texts(keycloak.path("volumes"))).as("the realm file `./dps up` imports, mounted read-only")
                .anyMatch(v -> v.equals("./" + Realm.SOURCE + ":/opt/keycloak/data/import/dps-realm.json:ro"));

        Map<String, String> env = environment(keycloak);
        for (var placeholder : Realm.placeholders().entrySet()) {
            assertThat(env.get(placeholder.getKey())).as("realm placeholder %s, defaulting as the realm does", placeholder.getKey())
                    .isEqualTo("${" + placeholder.getKey() + ":-" + placeholder.getValue() + "}");
        }
        assertThat(env).containsEntry("KC_HEALTH_ENABLED", "true");
        assertThat(String.join(" ", texts(keycloak.path("healthcheck").path("test")))).contains("/dev/tcp/127.0.0.1/9000 ")
                .contains("GET /health/ready ");
        // the issuer is the URL people use from the host: the published port must be the one in KC_HOSTNAME
        String hostname = env.get("KC_HOSTNAME");
        assertThat(texts(keycloak.path("ports"))).anyMatch(p -> p.endsWith(":8080")
                && hostname.endsWith(":" + p.substring(p.indexOf(':') + 1, p.lastIndexOf(':'))));
    }

    @Test
    void thePortalRunsItsImageOnItsPortSigningInAtKeycloakAndCallingTheServicesByName() {
        JsonNode portal = service(Portal.NAME);
        int port = Portal.port();
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(portal.path("image").asText()).as("portal image")
                .isEqualTo("dps/" + Portal.MODULE + ":${DPS_IMAGE_TAG:-" + Repo.parentPomProperty("project.version") + "}");
        soft.assertThat(containerPorts(portal)).as("portal published port").contains(port);
        soft.assertThat(String.join(" ", texts(portal.path("healthcheck").path("test")))).as("portal health check")
                .contains("/dev/tcp/127.0.0.1/" + port + " ").contains("GET /q/health/ready ");
        soft.assertThat(portal.path("read_only").asBoolean()).as("portal read-only").isTrue();
        soft.assertThat(texts(portal.path("tmpfs"))).as("portal writable /tmp").contains("/tmp");
        soft.assertThat(texts(portal.path("cap_drop"))).as("portal capabilities").containsExactly("ALL");
        // no database, no Kafka: it waits only for Keycloak and the services it calls
        List<String> dependsOn = new ArrayList<>();
        portal.path("depends_on").fieldNames().forEachRemaining(dependsOn::add);
        List<String> expected = new ArrayList<>(List.of("keycloak"));
        Portal.calledServices().keySet().forEach(svc -> expected.add(svc.name()));
        soft.assertThat(dependsOn).as("portal depends on").containsExactlyInAnyOrderElementsOf(expected);
        dependsOn.forEach(d -> soft.assertThat(portal.path("depends_on").path(d).path("condition").asText())
                .as("portal after %s", d).isEqualTo("service_healthy"));

        Map<String, String> env = environment(portal);
        soft.assertThat(env.keySet().stream().filter(n -> !Portal.knownEnvironment().contains(n)))
                .as("portal: environment names it does not read").isEmpty();
        soft.assertThat(env).as("portal: settings whose default is this machine")
                .containsKeys(Portal.localDefaults().toArray(String[]::new));
        URI oidc = Workloads.uri(env.get("QUARKUS_OIDC_AUTH_SERVER_URL"));
        soft.assertThat(oidc.getHost() + ":" + oidc.getPort() + oidc.getPath()).as("portal OIDC")
                .isEqualTo("keycloak:8080/realms/" + Realm.name());
        for (var called : Portal.calledServices().entrySet()) {
            soft.assertThat(env.get(called.getValue())).as("portal: %s", called.getValue())
                    .isEqualTo("http://" + called.getKey().name() + ":" + called.getKey().port());
        }
        // the secret Keycloak imports for dps-portal, with the same default
        soft.assertThat(env.get(Portal.CLIENT_SECRET)).as("portal client secret")
                .isEqualTo(environment(service("keycloak")).get(Portal.REALM_CLIENT_SECRET));
        // the realm's redirect URIs are the address people open, and the portal is published there
        String portalUrl = environment(service("keycloak")).get(Portal.URL_PLACEHOLDER);
        soft.assertThat(portalUrl).as("Keycloak's %s", Portal.URL_PLACEHOLDER)
                .isEqualTo("${" + Portal.URL_PLACEHOLDER + ":-http://localhost:" + port + "}");
        soft.assertThat(texts(portal.path("ports"))).as("published where %s says", Portal.URL_PLACEHOLDER)
                .contains("127.0.0.1:" + port + ":" + port);
        soft.assertAll();
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static JsonSchema schema() {
        ObjectNode schema = (ObjectNode) Repo.resourceJson("compose-spec.json");
        // its meta-schema URI has no fragment and its $id is relative: give the draft explicitly, refs are local
        schema.remove("$schema");
        schema.remove("$id");
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
    }

    private static JsonNode service(String name) {
        JsonNode svc = SERVICES.path(name);
        assertThat(svc.isObject()).as("service %s in %s", name, FILE).isTrue();
        return svc;
    }

    private static Map<String, String> environment(JsonNode service) {
        Map<String, String> env = new TreeMap<>();
        JsonNode node = service.path("environment");
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        } else {
            texts(node).forEach(kv -> env.put(kv.split("=", 2)[0], kv.contains("=") ? kv.split("=", 2)[1] : ""));
        }
        return env;
    }

    /** Container side of each "host:container" or "ip:host:container" mapping. */
    private static List<Integer> containerPorts(JsonNode service) {
        List<Integer> ports = new ArrayList<>();
        for (String p : texts(service.path("ports"))) {
            ports.add(Integer.parseInt(p.substring(p.lastIndexOf(':') + 1).replace("/tcp", "")));
        }
        return ports;
    }

    private static List<String> texts(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(n -> values.add(n.asText()));
        } else if (!node.isMissingNode() && !node.isNull()) {
            values.add(node.asText());
        }
        return values;
    }
}
