package uk.gov.dps.cli;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the stack lives and how to reach each part, from environment variables with local defaults. A part
 * given from outside (DPS_DB_URL, DPS_KAFKA_BOOTSTRAP, DPS_OIDC_URL) is used as it is and not started; the SMTP
 * server for the services' email always runs locally.
 *
 * @param root repository root (holds {@code dps} and the parent pom)
 * @param home state directory {@code <root>/.dps}: data, logs, pids, Keycloak
 */
public record StackConfig(Path root, Path home, int postgresPort, int kafkaPort, int kafkaControllerPort,
        int keycloakPort, int smtpPort, int smtpApiPort, Optional<ExternalDatabase> externalDatabase,
        Optional<String> externalKafka, Optional<String> externalOidcUrl) {

    public StackConfig {
        // two parts on one port: the second would fail to start with a message about a process dps did not start
        Map<Integer, String> byPort = new java.util.TreeMap<>();
        Map<String, Integer> ports = new java.util.LinkedHashMap<>();
        ports.put("DPS_POSTGRES_PORT", postgresPort);
        ports.put("DPS_KAFKA_PORT", kafkaPort);
        ports.put("DPS_KAFKA_CONTROLLER_PORT", kafkaControllerPort);
        ports.put("DPS_KEYCLOAK_PORT", keycloakPort);
        ports.put("DPS_SMTP_PORT", smtpPort);
        ports.put("DPS_SMTP_API_PORT", smtpApiPort);
        DpsStack.SERVICES.forEach(s -> ports.put(s.name(), s.port()));
        ports.forEach((name, port) -> {
            String other = byPort.putIfAbsent(port, name);
            if (other != null) {
                throw new IllegalArgumentException(name + " and " + other + " are both port " + port);
            }
        });
    }

    /** An existing PostgreSQL server: {@code url} is a JDBC base without database, e.g. jdbc:postgresql://db:5432. */
    public record ExternalDatabase(String url, String user, String password) {
    }

    public static StackConfig fromEnvironment() {
        return fromEnvironment(System.getenv(), findRoot());
    }

    static StackConfig fromEnvironment(Map<String, String> env, Path root) {
        Optional<ExternalDatabase> db = Optional.ofNullable(blankToNull(env.get("DPS_DB_URL")))
                .map(url -> new ExternalDatabase(stripTrailingSlash(url),
                        required(env, "DPS_DB_USER", "DPS_DB_URL is set"),
                        env.getOrDefault("DPS_DB_PASSWORD", "")));
        return new StackConfig(root, root.resolve(".dps"),
                port(env, "DPS_POSTGRES_PORT", 15432),
                port(env, "DPS_KAFKA_PORT", 19092),
                port(env, "DPS_KAFKA_CONTROLLER_PORT", 19093),
                port(env, "DPS_KEYCLOAK_PORT", 8180),
                port(env, "DPS_SMTP_PORT", 3025),
                port(env, "DPS_SMTP_API_PORT", 8025),
                db,
                Optional.ofNullable(blankToNull(env.get("DPS_KAFKA_BOOTSTRAP"))),
                Optional.ofNullable(blankToNull(env.get("DPS_OIDC_URL"))).map(StackConfig::stripTrailingSlash));
    }

    /** The repository root: -Ddps.root, else DPS_ROOT, else the nearest directory upwards holding {@code dps} and pom.xml. */
    static Path findRoot() {
        String explicit = System.getProperty("dps.root", System.getenv("DPS_ROOT"));
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("dps")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (a directory with `dps` and pom.xml) above "
                + Path.of("").toAbsolutePath() + "; set DPS_ROOT");
    }

    public boolean runsPostgres() {
        return externalDatabase.isEmpty();
    }

    public boolean runsKafka() {
        return externalKafka.isEmpty();
    }

    public boolean runsKeycloak() {
        return externalOidcUrl.isEmpty();
    }

    /** JDBC URL without the database part. */
    public String jdbcBaseUrl() {
        return externalDatabase.map(ExternalDatabase::url).orElse("jdbc:postgresql://127.0.0.1:" + postgresPort);
    }

    public String jdbcUrl(String database) {
        return jdbcBaseUrl() + "/" + database;
    }

    public String databaseUser() {
        return externalDatabase.map(ExternalDatabase::user).orElse(DpsStack.DB_USER);
    }

    public String databasePassword() {
        return externalDatabase.map(ExternalDatabase::password).orElse(DpsStack.DB_PASSWORD);
    }

    public String kafkaBootstrapServers() {
        return externalKafka.orElse("127.0.0.1:" + kafkaPort);
    }

    /**
     * The issuer URL of realm {@code dps}. Services and token requests must use the same host name: Keycloak
     * in dev mode puts the host it was called with into {@code iss}, and services compare it.
     */
    public String oidcUrl() {
        return externalOidcUrl.orElse(keycloakUrl() + "/realms/" + DpsStack.REALM);
    }

    /** Keycloak's base URL (without /realms/...). */
    public String keycloakUrl() {
        return externalOidcUrl.map(url -> url.substring(0, url.indexOf("/realms/")))
                .orElse("http://localhost:" + keycloakPort);
    }

    /** The SMTP server `dps up` runs for the services' email: it accepts any message and keeps it. */
    public String smtpHost() {
        return "127.0.0.1";
    }

    /** Where to read what the SMTP server kept: {@code <api>/api/user/<address>/messages/INBOX}. */
    public URI smtpApiUrl() {
        return URI.create("http://127.0.0.1:" + smtpApiPort + "/");
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path run() {
        return home.resolve("run");
    }

    public Path data() {
        return home.resolve("data");
    }

    public Path tmp() {
        return home.resolve("tmp");
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = blankToNull(env.get(name));
        if (value == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a TCP port number, was '" + value + "'");
        }
    }

    private static String required(Map<String, String> env, String name, String because) {
        String value = blankToNull(env.get(name));
        if (value == null) {
            throw new IllegalArgumentException(name + " must be set because " + because);
        }
        return value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String stripTrailingSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
