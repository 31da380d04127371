package uk.gov.dps.testing;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import uk.gov.dps.infra.KafkaBroker;
import uk.gov.dps.infra.PostgresServer;
import uk.gov.dps.infra.SmtpServer;

/**
 * One real Kafka broker and one real PostgreSQL server per test JVM, started on first use (in parallel)
 * and stopped when the JVM exits, so every test class of a module shares them.
 * <p>
 * External servers instead: {@code DPS_TEST_KAFKA_BOOTSTRAP}, and {@code DPS_TEST_DB_URL} (a JDBC URL such as
 * {@code jdbc:postgresql://host:5432/postgres} of a user allowed to create databases) with
 * {@code DPS_TEST_DB_USER} / {@code DPS_TEST_DB_PASSWORD}. Each Maven module tests in a database of its own
 * ({@code test_<module>}), so modules never see each other's tables or migrations.
 */
public final class SharedInfrastructure {

    private static String bootstrapServers;
    private static Database database;
    private static KafkaBroker broker;
    private static int[] brokerPorts;
    private static Path brokerDir;
    private static SmtpServer smtp;

    public record Database(String jdbcUrl, String user, String password) {
    }

    private SharedInfrastructure() {
    }

    public static synchronized void start() {
        if (bootstrapServers != null) {
            return;
        }
        Path work = Path.of(System.getProperty("java.io.tmpdir"), "dps-test-infra-" + ProcessHandle.current().pid());
        try {
            java.nio.file.Files.createDirectories(work);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        CompletableFuture<String> kafka = CompletableFuture.supplyAsync(() -> startKafka(work.resolve("kafka")));
        CompletableFuture<Database> postgres = CompletableFuture.supplyAsync(() -> startPostgres(work.resolve("pg")));
        bootstrapServers = kafka.join();
        database = postgres.join();
    }

    public static synchronized String kafkaBootstrapServers() {
        start();
        return bootstrapServers;
    }

    public static synchronized Database database() {
        start();
        return database;
    }

    /**
     * The JVM's real SMTP server, started on first use (only modules that send mail pay for it) and stopped when the
     * JVM exits.
     */
    public static synchronized SmtpServer smtp() {
        if (smtp == null) {
            Path log = Path.of(System.getProperty("java.io.tmpdir"), "dps-test-infra-" + ProcessHandle.current().pid(),
                    "smtp.log");
            smtp = SmtpServer.start(log, FreePorts.next(), FreePorts.next());
            Runtime.getRuntime().addShutdownHook(new Thread(smtp::close, "smtp-server-stop"));
        }
        return smtp;
    }

    private static String startKafka(Path dir) {
        String external = System.getenv("DPS_TEST_KAFKA_BOOTSTRAP");
        if (external != null && !external.isBlank()) {
            return external;
        }
        brokerDir = dir;
        brokerPorts = new int[] {FreePorts.next(), FreePorts.next()};
        broker = KafkaBroker.start(dir, brokerPorts[0], brokerPorts[1], 1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (SharedInfrastructure.class) {
                if (broker != null) {
                    broker.close();
                }
            }
        }, "kafka-broker-stop"));
        return broker.bootstrapServers();
    }

    /**
     * Stops the shared broker, runs {@code duringOutage}, and starts the broker again on the same address with
     * its data: what producers and consumers see when Kafka is briefly down.
     */
    public static synchronized void kafkaOutage(Runnable duringOutage) {
        start();
        if (broker == null) {
            throw new IllegalStateException("cannot stop an external Kafka (DPS_TEST_KAFKA_BOOTSTRAP)");
        }
        broker.close();
        broker = null;
        try {
            duringOutage.run();
        } finally {
            broker = KafkaBroker.start(brokerDir, brokerPorts[0], brokerPorts[1], 1);
        }
    }

    private static Database startPostgres(Path dir) {
        String name = "test_" + System.getProperty("dps.test.module", "dps").replaceAll("[^a-z0-9]", "_");
        String external = System.getenv("DPS_TEST_DB_URL");
        if (external != null && !external.isBlank()) {
            String user = env("DPS_TEST_DB_USER", "postgres");
            String password = env("DPS_TEST_DB_PASSWORD", "");
            PostgresServer.createDatabaseIfMissing(external, user, password, name);
            return new Database(external.replaceFirst("/[^/?]*(\\?.*)?$", "/" + name + "$1"), user, password);
        }
        PostgresServer server = PostgresServer.start(dir, 0, false);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "postgres-stop"));
        server.createDatabaseIfMissing(name);
        return new Database(server.jdbcUrl(name), PostgresServer.USER, "");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
