package uk.gov.dps.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Keycloak distribution of the local stack: unpacked once from Maven Central into
 * {@code <state>/keycloak-<version>/}, run in dev mode (H2 database in its {@code data/} directory) with the realm
 * file {@value #REALM_RESOURCE} imported at start.
 */
public final class KeycloakDist {

    public static final String ADMIN_USER = "admin";
    /** The realm Keycloak imports; docker-compose and k8s import the same file. */
    public static final String REALM_RESOURCE = "keycloak/dps-realm.json";
    /** Keycloak's version, written once in platform/infra/pom.xml and filtered into dps-infra.properties. */
    public static final String VERSION = InfraProperties.get("keycloak.version");

    private final Path state;
    private final int port;

    /**
     * @param state the stack's state directory (e.g. {@code .dps}): the distribution, its database, the admin password
     * @param port  Keycloak's HTTP port
     */
    public KeycloakDist(Path state, int port) {
        this.state = state;
        this.port = port;
    }

    public Path home() {
        return state.resolve("keycloak-" + VERSION);
    }

    /** Keycloak's dev database (realm and demo users). */
    public Path database() {
        return home().resolve("data/h2");
    }

    public static Path adminPasswordFile(Path state) {
        return state.resolve("keycloak").resolve("admin-password");
    }

    public boolean isInstalled() {
        return Files.isRegularFile(home().resolve("bin/kc.sh"));
    }

    /**
     * Unpacks the distribution through Maven (so it comes from the same repository and cache as everything else),
     * into a scratch directory first: an interrupted unpack never leaves a half distribution behind.
     */
    public void install(Path mavenProjectOfInfra) throws IOException, InterruptedException {
        Path scratch = state.resolve("tmp").resolve("keycloak-unpack");
        deleteRecursively(scratch);
        Files.createDirectories(scratch);
        List<String> mvn = new ArrayList<>(List.of("mvn", "-B", "-q", "-f", mavenProjectOfInfra.toString(),
                "dependency:unpack@keycloak-dist", "-Ddps.keycloak.unpack.dir=" + scratch.toAbsolutePath()));
        Process process = new ProcessBuilder(mvn).inheritIO().redirectInput(ProcessBuilder.Redirect.from(
                new java.io.File("/dev/null"))).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("downloading Keycloak " + VERSION + " with Maven failed: "
                    + String.join(" ", mvn));
        }
        Path unpacked = scratch.resolve("keycloak-" + VERSION);
        if (!Files.isRegularFile(unpacked.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("the Keycloak archive did not contain keycloak-" + VERSION + "/bin/kc.sh");
        }
        try (Stream<Path> scripts = Files.list(unpacked.resolve("bin"))) {
            for (Path script : scripts.filter(p -> p.toString().endsWith(".sh")).toList()) {
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        Files.move(unpacked, home(), StandardCopyOption.ATOMIC_MOVE);
        deleteRecursively(scratch);
    }

    /**
     * Puts the realm file where {@code --import-realm} reads it. Keycloak skips a realm that already exists, so when
     * the file changed since the last import the dev database is dropped and everything is imported afresh (it holds
     * only the realm and demo users, which {@code dps token} recreates).
     *
     * @return true when the dev database was reset
     */
    public boolean syncRealm() throws IOException {
        byte[] realm = realmDefinition();
        Path importDir = home().resolve("data/import");
        Files.createDirectories(importDir);
        Path hashFile = home().resolve("data/dps-realm.sha256");
        String hash = sha256(realm);
        boolean changed = !Files.exists(hashFile) || !Files.readString(hashFile).trim().equals(hash);
        Path database = database();
        boolean reset = changed && Files.exists(database);
        if (reset) {
            deleteRecursively(database);
        }
        Files.write(importDir.resolve("dps-realm.json"), realm);
        Files.writeString(hashFile, hash);
        return reset;
    }

    /**
     * The bootstrap admin's password: generated on first use, kept in {@code .dps/keycloak/admin-password} (0600).
     * Call after {@link #install}, before Keycloak starts.
     */
    public String adminPassword() throws IOException {
        Path file = adminPasswordFile(state);
        if (Files.exists(file)) {
            return Files.readString(file).trim();
        }
        Files.createDirectories(file.getParent());
        // Keycloak creates the bootstrap admin only with a new database: a database made with a lost password goes.
        deleteRecursively(database());
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return password;
    }

    public List<String> command() {
        return List.of("bash", home().resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + port, "--import-realm");
    }

    /** kc.sh passes JAVA_OPTS_APPEND to the JVM: the marker lets `dps down` find the JVM even without the pid file. */
    public Map<String, String> environment(String adminPassword, List<String> markerArgs, String javaHome) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        env.put("JAVA_HOME", javaHome);
        // Keycloak sizes its heap from the machine's RAM (70 %); a dev realm needs far less.
        env.put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
        env.put("JAVA_OPTS_APPEND", String.join(" ", markerArgs));
        return env;
    }

    /** The realm file as Keycloak imports it. */
    public static byte[] realmDefinition() {
        try (InputStream in = KeycloakDist.class.getClassLoader().getResourceAsStream(REALM_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(REALM_RESOURCE + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
