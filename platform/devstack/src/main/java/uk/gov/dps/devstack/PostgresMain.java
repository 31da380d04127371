package uk.gov.dps.devstack;

import java.time.Duration;
import java.time.Instant;

/**
 * The PostgreSQL of {@code dps up}, held by its own JVM: durable (fsync on), data kept in
 * {@code .dps/data/postgres}, on 127.0.0.1:15432 (DPS_POSTGRES_PORT). Creates the login role
 * {@value DpsStack#DB_USER} (password {@value DpsStack#DB_PASSWORD}) and one database per service owned by it.
 * Superuser {@code postgres}, no password, trust on 127.0.0.1 only. On SIGTERM it stops the postgres processes.
 */
public final class PostgresMain {

    public static final String COMPONENT = "postgres";

    private PostgresMain() {
    }

    public static void main(String[] args) {
        StandaloneMain.configureLogging();
        StackConfig config = StackConfig.fromEnvironment();
        Instant start = Instant.now();
        PostgresServer postgres = PostgresServer.start(config.data().resolve("postgres"), config.postgresPort(), true);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            StandaloneMain.unmarkReady(config, COMPONENT);
            System.out.println("PostgreSQL: stopping");
            postgres.close();
            System.out.println("PostgreSQL: stopped");
        }, "postgres-shutdown"));
        String adminUrl = postgres.jdbcUrl("postgres");
        PostgresServer.ensureLoginRole(adminUrl, PostgresServer.USER, "", DpsStack.DB_USER, DpsStack.DB_PASSWORD);
        for (String database : DpsStack.databases()) {
            PostgresServer.createDatabaseIfMissing(adminUrl, PostgresServer.USER, "", database, DpsStack.DB_USER);
        }
        StandaloneMain.markReady(config, COMPONENT);
        System.out.printf("PostgreSQL: ready on 127.0.0.1:%d in %d ms, databases %s owned by %s%n", postgres.port(),
                Duration.between(start, Instant.now()).toMillis(), DpsStack.databases(), DpsStack.DB_USER);
        StandaloneMain.awaitTermination();
    }
}
