package uk.gov.dps.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.stream.Stream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Real PostgreSQL binaries (from Maven Central) run as a child process; works as root too. Tests use it
 * non-durable (fast); {@code dps up} keeps people's data, so there it runs with fsync and synchronous
 * commit on.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * @param dataDir where the cluster lives; kept between starts
     * @param port    0 picks a free port
     * @param durable true for data people keep, false for throw-away test databases
     */
    public static PostgresServer start(Path dataDir, int port, boolean durable) {
        try {
            Files.createDirectories(dataDir);
            removeHalfExtractedBinaries();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(!durable)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("listen_addresses", "127.0.0.1");
            if (port > 0) {
                builder.setPort(port);
            }
            if (durable) {
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            return new PostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * zonky unpacks the binaries into {@code java.io.tmpdir/embedded-pg/PG-<digest>} and marks the end with
     * {@code .exists}. An unpack that died half-way (killed JVM, full disk) is never repaired: the next unpack
     * fails on the first file that exists. Remove such a directory unless another JVM is unpacking into it now.
     */
    private static void removeHalfExtractedBinaries() throws IOException {
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg");
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(d -> d.getFileName().toString().startsWith("PG-")).toList()) {
                if (Files.exists(dir.resolve(".exists"))) {
                    continue;
                }
                try (FileChannel lock = FileChannel.open(dir.resolve("epg-lock"), StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE); FileLock held = lock.tryLock()) {
                    if (held == null) {
                        continue; // being unpacked right now
                    }
                    try (Stream<Path> files = Files.walk(dir)) {
                        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                            Files.deleteIfExists(file);
                        }
                    }
                } catch (OverlappingFileLockException e) {
                    // this JVM is unpacking into it
                }
            }
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Creates {@code database} unless it exists; PostgreSQL has no CREATE DATABASE IF NOT EXISTS. */
    public void createDatabaseIfMissing(String database) {
        createDatabaseIfMissing(jdbcUrl("postgres"), USER, "", database);
    }

    public static void createDatabaseIfMissing(String adminJdbcUrl, String user, String password, String database) {
        createDatabaseIfMissing(adminJdbcUrl, user, password, database, null);
    }

    /**
     * Creates {@code database} owned by {@code owner} (null: the connecting user) unless it exists; an existing
     * one is handed to {@code owner}, so a cluster made before the role existed ends up the same.
     */
    public static void createDatabaseIfMissing(String adminJdbcUrl, String user, String password, String database,
            String owner) {
        requireSafeName(database);
        if (owner != null) {
            requireSafeName(owner);
        }
        try (Connection c = DriverManager.getConnection(adminJdbcUrl, user, password);
                PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
                Statement ddl = c.createStatement()) {
            exists.setString(1, database);
            boolean present;
            try (ResultSet rs = exists.executeQuery()) {
                present = rs.next();
            }
            if (!present) {
                ddl.execute("CREATE DATABASE " + database + (owner == null ? "" : " OWNER " + owner));
            } else if (owner != null) {
                ddl.execute("ALTER DATABASE " + database + " OWNER TO " + owner);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database + " at " + adminJdbcUrl + " as " + user
                    + ": " + e.getMessage(), e);
        }
    }

    /** Creates the login role (or resets its password), so services connect as an ordinary user, not the superuser. */
    public static void ensureLoginRole(String adminJdbcUrl, String user, String password, String role,
            String rolePassword) {
        requireSafeName(role);
        try (Connection c = DriverManager.getConnection(adminJdbcUrl, user, password);
                PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?");
                Statement ddl = c.createStatement()) {
            exists.setString(1, role);
            boolean present;
            try (ResultSet rs = exists.executeQuery()) {
                present = rs.next();
            }
            // DDL takes no bind parameters; the password is quoted as an SQL literal instead.
            String quotedPassword = "'" + rolePassword.replace("'", "''") + "'";
            ddl.execute((present ? "ALTER ROLE " : "CREATE ROLE ") + role + " LOGIN PASSWORD " + quotedPassword);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create role " + role + ": " + e.getMessage(), e);
        }
    }

    private static void requireSafeName(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("unsafe SQL identifier: " + name);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
