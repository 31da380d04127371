package uk.gov.dps.infra;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A PostgreSQL server held by its own JVM, for {@code dps up}: durable (fsync on), data kept in DATA_DIR, on
 * 127.0.0.1:PORT. Creates the login role ROLE (password from the environment variable {@value #ROLE_PASSWORD_ENV},
 * kept off the command line) and each DATABASE owned by it, then writes READY_FILE. Superuser {@code postgres}, no
 * password, trust on 127.0.0.1 only. On SIGTERM it stops the postgres processes. Usage: {@value #USAGE}.
 */
public final class PostgresMain {

    public static final String COMPONENT = "postgres";
    public static final String ROLE_PASSWORD_ENV = "DPS_POSTGRES_ROLE_PASSWORD";
    static final String USAGE = "PostgresMain DATA_DIR PORT READY_FILE ROLE [DATABASE...]";

    private PostgresMain() {
    }

    /** The command-line arguments of {@link #main} for these settings. */
    public static List<String> arguments(Path dataDir, int port, Path readyFile, String role, List<String> databases) {
        List<String> args = new java.util.ArrayList<>(List.of(dataDir.toString(), Integer.toString(port),
                readyFile.toString(), role));
        args.addAll(databases);
        return args;
    }

    public static void main(String[] args) {
        StandaloneMain.configureLogging();
        StandaloneMain.requireArguments(args, 4, USAGE);
        Path dataDir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        Path readyFile = Path.of(args[2]);
        String role = args[3];
        List<String> databases = List.of(args).subList(4, args.length);
        String rolePassword = System.getenv().getOrDefault(ROLE_PASSWORD_ENV, "");
        Instant start = Instant.now();
        PostgresServer postgres = PostgresServer.start(dataDir, port, true);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            StandaloneMain.unmarkReady(readyFile);
            System.out.println("PostgreSQL: stopping");
            postgres.close();
            System.out.println("PostgreSQL: stopped");
        }, "postgres-shutdown"));
        String adminUrl = postgres.jdbcUrl("postgres");
        PostgresServer.ensureLoginRole(adminUrl, PostgresServer.USER, "", role, rolePassword);
        for (String database : databases) {
            PostgresServer.createDatabaseIfMissing(adminUrl, PostgresServer.USER, "", database, role);
        }
        StandaloneMain.markReady(readyFile);
        System.out.printf("PostgreSQL: ready on 127.0.0.1:%d in %d ms, databases %s owned by %s%n", postgres.port(),
                Duration.between(start, Instant.now()).toMillis(), databases, role);
        StandaloneMain.awaitTermination();
    }
}
