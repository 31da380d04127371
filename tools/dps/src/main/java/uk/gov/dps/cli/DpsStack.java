package uk.gov.dps.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import uk.gov.dps.demo.DemoStack;

/**
 * The one description of what {@code dps up} runs: the seven services with their port and database, and the
 * Kafka topics. The CLI, the stand-alone mains and the e2e tests all read it from here.
 */
public final class DpsStack {

    /**
     * A service module: {@code <name>/target/quarkus-app/quarkus-run.jar}, its HTTP port and its own database (null for
     * the portal, which owns no data).
     */
    public record Service(String name, int port, String database) {

        public boolean hasDatabase() {
            return database != null;
        }

        public String baseUrl() {
            return "http://localhost:" + port;
        }

        public String readinessUrl() {
            return baseUrl() + "/q/health/ready";
        }
    }

    public static final List<Service> SERVICES = List.of(
            new Service("provider-service", 8081, "provider_service"),
            new Service("lot-service", 8082, "lot_service"),
            new Service("placement-service", 8083, "placement_service"),
            new Service("contract-monitoring-service", 8084, "contract_monitoring_service"),
            new Service("spend-service", 8085, "spend_service"),
            new Service("notification-service", 8086, "notification_service"),
            new Service("transparency-service", 8087, "transparency"),
            new Service("portal", 8080, null));

    /** One topic per producing aggregate; dead letters go to {@code <topic>.dlq}. */
    public static final List<String> TOPICS = List.of("dps.providers", "dps.lots", "dps.placements", "dps.quality",
            "dps.spend");
    public static final String DEAD_LETTER_SUFFIX = ".dlq";
    public static final int TOPIC_PARTITIONS = 3;
    public static final int DEAD_LETTER_PARTITIONS = 1;

    /** The login role the services use on the embedded PostgreSQL; it owns the services' databases. */
    public static final String DB_USER = "dps";
    public static final String DB_PASSWORD = "dps";

    public static final String REALM = "dps";

    private DpsStack() {
    }

    public static Service service(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown service " + name + "; known: "
                        + SERVICES.stream().map(Service::name).toList()));
    }

    public static List<String> databases() {
        return SERVICES.stream().filter(Service::hasDatabase).map(Service::database).toList();
    }

    public static List<String> deadLetterTopics() {
        return TOPICS.stream().map(t -> t + DEAD_LETTER_SUFFIX).toList();
    }

    public static List<String> allTopics() {
        return Stream.concat(TOPICS.stream(), deadLetterTopics().stream()).toList();
    }

    /** Every platform topic and dead-letter topic with its number of partitions. */
    public static Map<String, Integer> topicPartitions() {
        Map<String, Integer> partitions = new LinkedHashMap<>();
        TOPICS.forEach(t -> partitions.put(t, TOPIC_PARTITIONS));
        deadLetterTopics().forEach(t -> partitions.put(t, DEAD_LETTER_PARTITIONS));
        return partitions;
    }

    /** The stack as the demo loader sees it: tokens of demo users from {@code tokens}, the services on their ports. */
    public static DemoStack forDemo(KeycloakTokens tokens) {
        return new DemoStack() {
            @Override
            public String userToken(String role, String council, String providerId) {
                return tokens.userToken(role, council, providerId);
            }

            @Override
            public String baseUrl(String serviceName) {
                return service(serviceName).baseUrl();
            }
        };
    }
}
