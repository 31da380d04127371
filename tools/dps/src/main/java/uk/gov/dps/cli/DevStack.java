package uk.gov.dps.cli;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.apache.commons.io.FileUtils;
import org.apache.commons.io.input.Tailer;
import org.apache.commons.io.input.TailerListenerAdapter;

import com.sun.management.HotSpotDiagnosticMXBean;

import uk.gov.dps.cli.DpsStack.Service;
import uk.gov.dps.demo.DemoLoader;
import uk.gov.dps.demo.DemoReport;
import uk.gov.dps.infra.KafkaMain;
import uk.gov.dps.infra.KafkaTopics;
import uk.gov.dps.infra.KeycloakDist;
import uk.gov.dps.infra.PostgresMain;
import uk.gov.dps.infra.PostgresServer;
import uk.gov.dps.infra.SmtpServer;
import uk.gov.dps.infra.StandaloneMain;

/**
 * What the {@code dps} commands do to the local stack (up, down, status, logs, reset, demo); {@link Dps} reads the
 * command line. The {@code ./dps} script builds what is missing and then runs the CLI; {@code dps test} is composed
 * in the script from Maven, up and down.
 */
final class DevStack {

    static final String POSTGRES = PostgresMain.COMPONENT;
    static final String KAFKA = KafkaMain.COMPONENT;
    static final String KEYCLOAK = "keycloak";
    /** GreenMail (SmtpServer): the services' email goes there and stays there, readable over its HTTP API. */
    static final String SMTP = "smtp";
    /** What runs before and beside the services, and is stopped after them. */
    static final List<String> INFRASTRUCTURE = List.of(POSTGRES, KAFKA, KEYCLOAK, SMTP);

    /**
     * JVM options per service. Measured here, five services starting together next to Keycloak on 2 cores: with C1
     * only (TieredStopAtLevel=1) all were ready in 17 s instead of 24 s, used half the CPU to get there and ~25 MB
     * less memory each, and GET /providers after warm-up was 2.7 ms p50 against 4.9 ms while C2 was still compiling.
     * C2 pays off only under sustained load, which a dev stack never sees; production images use their own settings.
     * The heap free ratios let the serial collector give back what a burst took (~7 MB each after ./dps bench).
     * DPS_SERVICE_JAVA_OPTS replaces these.
     */
    static final String SERVICE_JAVA_OPTS = "-Xms32m -Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k"
            + " -XX:ReservedCodeCacheSize=64m -XX:MaxDirectMemorySize=64m -XX:+ExitOnOutOfMemoryError"
            + " -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30";

    private final StackConfig config;
    /** What the services get besides their connections: the platform clock and rules (see platformSettings). */
    private final Map<String, String> settings = platformSettings(System.getenv());
    private final ManagedProcesses processes;
    private final RuntimeSnapshots snapshots;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final long startNanos = System.nanoTime();

    DevStack(StackConfig config) {
        this.config = config;
        this.processes = new ManagedProcesses(config);
        this.snapshots = new RuntimeSnapshots(config);
    }

    // ------------------------------------------------------------------------------------------------- up

    /**
     * The committee paper's DPS as of a day in 2018/19: (re)starts the services on the demo clock, loads the demo
     * data through the public APIs (a re-run changes nothing) and prints the report.
     */
    int demo(boolean reportOnly) throws Exception {
        if (!reportOnly) {
            settings.putAll(DemoLoader.SERVICE_ENVIRONMENT);
            System.out.println("dps demo: the platform runs as of " + DemoLoader.AS_OF);
            int status = up(false);
            if (status != 0) {
                return status;
            }
        }
        // After `up`: on a new stack, Keycloak's admin password exists only once `up` has started it.
        var stack = DpsStack.forDemo(KeycloakTokens.forStack(config));
        if (!reportOnly) {
            new DemoLoader(stack, System.out).load();
            System.out.println();
        }
        new DemoReport(stack).print(System.out);
        return 0;
    }

    int up(boolean infraOnly) throws Exception {
        List<Service> services = infraOnly ? List.of() : DpsStack.SERVICES;
        requireServicesBuilt(services);
        Files.createDirectories(config.logs());
        Files.createDirectories(config.run());
        Files.createDirectories(config.tmp());
        System.out.println("dps up: state in " + config.home() + ", logs in " + config.logs());

        Set<String> waiting = new LinkedHashSet<>();
        if (config.runsKeycloak()) {
            startKeycloak();
        }
        waiting.add(KEYCLOAK);
        startSmtp();
        waiting.add(SMTP);
        if (config.runsPostgres()) {
            startMain(POSTGRES, PostgresMain.class, config.postgresPort(), "-Xmx256m",
                    PostgresMain.arguments(config.data().resolve("postgres"), config.postgresPort(),
                            readyFile(POSTGRES), DpsStack.DB_USER, DpsStack.databases()),
                    Map.of(PostgresMain.ROLE_PASSWORD_ENV, DpsStack.DB_PASSWORD));
        } else {
            createExternalDatabases();
        }
        waiting.add(POSTGRES);
        if (config.runsKafka()) {
            startMain(KAFKA, KafkaMain.class, config.kafkaPort(), "-Xms64m -Xmx384m",
                    KafkaMain.arguments(config.data().resolve("kafka"), config.kafkaPort(),
                            config.kafkaControllerPort(), DpsStack.TOPIC_PARTITIONS, readyFile(KAFKA),
                            DpsStack.topicPartitions()),
                    Map.of());
        } else {
            KafkaTopics.ensure(config.kafkaBootstrapServers(), DpsStack.topicPartitions());
        }
        waiting.add(KAFKA);
        services.forEach(s -> waiting.add(s.name()));

        Duration timeout = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("DPS_UP_TIMEOUT", "240")));
        boolean servicesStarted = services.isEmpty();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!waiting.isEmpty()) {
            for (String name : List.copyOf(waiting)) {
                boolean service = !INFRASTRUCTURE.contains(name);
                if (service && !servicesStarted) {
                    continue; // whatever answers on its port now is not ours
                }
                if (isReady(name)) {
                    waiting.remove(name);
                    report(name, "ready");
                } else if (isLocal(name) && started.contains(name) && processes.running(name).isEmpty()) {
                    printTail(name, 40);
                    return failed(name + " exited during start-up; its log: " + processes.logFile(name)
                            + "\n  the rest is left running: ./dps status, ./dps down");
                }
            }
            // Services migrate their database and connect to Kafka at start, so they wait for both. They need not
            // wait for Keycloak (quarkus-oidc retries reaching it until the first request) nor for SMTP (the mailer
            // connects when it sends).
            if (!servicesStarted && !waiting.contains(POSTGRES) && !waiting.contains(KAFKA)) {
                services.forEach(this::startService);
                servicesStarted = true;
            }
            if (System.nanoTime() > deadline) {
                for (String name : waiting) {
                    System.err.println("  " + pad(name) + "not ready after " + timeout.toSeconds() + " s");
                    printTail(name, 20);
                }
                return failed("timed out waiting for " + String.join(", ", waiting)
                        + " (DPS_UP_TIMEOUT=" + timeout.toSeconds() + " s); the stack is left running, ./dps down stops it");
            }
            Thread.sleep(250);
        }
        deleteUnusedSnapshots();
        System.out.printf("All %d components ready in %.1f s.%n%n", INFRASTRUCTURE.size() + services.size(),
                elapsedSeconds());
        printUrls(services);
        return 0;
    }

    /** Components this invocation started (not those found running), so a death during start-up is noticed. */
    private final Set<String> started = new LinkedHashSet<>();

    private void requireServicesBuilt(List<Service> services) {
        List<String> missing = services.stream().filter(s -> !Files.isRegularFile(serviceJar(s)))
                .map(s -> config.root().relativize(serviceJar(s)).toString()).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("not built: " + String.join(", ", missing)
                    + "\n  build with: mvn -B install -DskipTests (./dps up does it when sources changed)"
                    + "\n  or start only the infrastructure: ./dps up --infra");
        }
    }

    private Path serviceJar(Service service) {
        return config.root().resolve(service.name()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private void startKeycloak() throws IOException, InterruptedException {
        if (alreadyRunning(KEYCLOAK)) {
            return;
        }
        requirePortFree(KEYCLOAK, config.keycloakPort());
        KeycloakDist keycloak = keycloak();
        if (!keycloak.isInstalled()) {
            System.out.println("  " + pad(KEYCLOAK) + "downloading and unpacking the distribution (once) into "
                    + config.root().relativize(keycloak.home()));
            keycloak.install(config.root().resolve("platform/infra/pom.xml"));
        }
        if (keycloak.syncRealm()) {
            System.out.println("  " + pad(KEYCLOAK) + "realm file changed: dev database reset, realm imported afresh");
        }
        String password = keycloak.adminPassword();
        ProcessHandle process = processes.start(KEYCLOAK, keycloak.command(),
                keycloak.environment(password, processes.markerArgs(KEYCLOAK), javaHome().toString()), keycloak.home());
        started.add(KEYCLOAK);
        report(KEYCLOAK, "starting (pid " + process.pid() + ")");
    }

    private void startSmtp() {
        if (alreadyRunning(SMTP)) {
            return;
        }
        requirePortFree(SMTP, config.smtpPort());
        requirePortFree(SMTP, config.smtpApiPort());
        List<String> command = new ArrayList<>(SmtpServer.command(javaHome().toString(), config.smtpPort(),
                config.smtpApiPort()));
        command.addAll(1, processes.markerArgs(SMTP)); // JVM options go before -jar
        ProcessHandle process = processes.start(SMTP, command, Map.of(), config.root());
        started.add(SMTP);
        report(SMTP, "starting (pid " + process.pid() + ")");
    }

    private KeycloakDist keycloak() {
        return new KeycloakDist(config.home(), config.keycloakPort());
    }

    /** Written by a stand-alone main once its component can serve: a port opens before topics or databases exist. */
    private Path readyFile(String component) {
        return config.run().resolve(component + ".ready");
    }

    private void startMain(String name, Class<?> mainClass, int port, String heapOptions, List<String> arguments,
            Map<String, String> environment) throws IOException {
        if (alreadyRunning(name)) {
            return;
        }
        if (name.equals(POSTGRES)) {
            stopOrphanPostmaster();
        }
        requirePortFree(name, port);
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(List.of(heapOptions.split(" ")));
        command.add("-XX:+UseSerialGC");
        command.add("-Djava.io.tmpdir=" + config.tmp().toAbsolutePath());
        command.addAll(processes.markerArgs(name));
        command.add("-cp");
        command.add(runtimeClasspath());
        command.add(mainClass.getName());
        command.addAll(arguments);
        ProcessHandle process = processes.start(name, command, environment, config.root());
        started.add(name);
        report(name, "starting (pid " + process.pid() + ")");
    }

    private void startService(Service service) {
        Path jar;
        try {
            Path app = serviceJar(service).getParent();
            jar = snapshots.snapshot(service.name(), app, RuntimeSnapshots.filesBelow(app)).resolve("quarkus-run.jar");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + service.name() + " to .dps/runtime: " + e.getMessage(), e);
        }
        String settingsMark = "-Ddps.settings=" + Integer.toHexString(settings.toString().hashCode());
        Optional<ProcessHandle> running = processes.running(service.name());
        if (running.isPresent()) {
            String commandLine = ManagedProcesses.commandLine(running.get().pid());
            if (commandLine.contains(jar.toString()) && commandLine.contains(settingsMark)) {
                report(service.name(), "already running (pid " + running.get().pid() + ")");
                return;
            }
            report(service.name(), "rebuilt or settings changed since it started: restarting");
            ManagedProcesses.stopTree(running.get(), Duration.ofSeconds(20));
        }
        requirePortFree(service.name(), service.port());
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        String options = System.getenv().getOrDefault("DPS_SERVICE_JAVA_OPTS", defaultServiceJavaOptions());
        command.addAll(List.of(options.trim().split("\\s+")));
        command.add(settingsMark); // lets a later `up` see that the settings changed and restart the service
        command.addAll(processes.markerArgs(service.name()));
        command.add("-jar");
        command.add(jar.toString());
        // The working directory is the module, as for `java -jar` by hand: a service's .env or config/ applies.
        ProcessHandle process = processes.start(service.name(), command, serviceEnvironment(service),
                config.root().resolve(service.name()));
        started.add(service.name());
        report(service.name(), "starting (pid " + process.pid() + ")");
    }

    /**
     * SERVICE_JAVA_OPTS, plus returning freed native memory to the system every few seconds where the JDK can
     * (17.0.9 and later; ~4 MB each after ./dps bench). The services run on this same JDK.
     */
    static String defaultServiceJavaOptions() {
        try {
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class).getVMOption("TrimNativeHeapInterval");
            return SERVICE_JAVA_OPTS + " -XX:TrimNativeHeapInterval=5000";
        } catch (IllegalArgumentException unknownOption) {
            return SERVICE_JAVA_OPTS;
        }
    }

    /** What each service reads (standard Quarkus/SmallRye names), in one place. */
    Map<String, String> serviceEnvironment(Service service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(service.port()));
        if (service.hasDatabase()) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", config.jdbcUrl(service.database()));
            env.put("QUARKUS_DATASOURCE_USERNAME", config.databaseUser());
            env.put("QUARKUS_DATASOURCE_PASSWORD", config.databasePassword());
        } else {
            // the portal: signs people in with the realm's dps-portal client and calls the services on their ports
            env.put("QUARKUS_OIDC_CREDENTIALS_SECRET", DpsRealm.load().clientSecret(DpsRealm.PORTAL_CLIENT));
            for (Service other : DpsStack.SERVICES) {
                if (other.hasDatabase()) {
                    env.put("QUARKUS_REST_CLIENT_" + other.name().toUpperCase().replace('-', '_') + "_URL",
                            other.baseUrl());
                }
            }
        }
        env.put("KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrapServers());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", config.oidcUrl());
        // email to the stack's SMTP server, for real even in the dev profile (a service that sends none ignores these)
        env.put("QUARKUS_MAILER_HOST", config.smtpHost());
        env.put("QUARKUS_MAILER_PORT", Integer.toString(config.smtpPort()));
        env.put("QUARKUS_MAILER_MOCK", "false");
        // the packaged jars run as prod, which refuses the stack's development credentials (dps/dps)
        env.put("QUARKUS_PROFILE", "dev");
        // glibc's per-thread malloc arenas cost tens of MB of resident memory in a JVM that needs none of them
        env.put("MALLOC_ARENA_MAX", "2");
        env.putAll(settings);
        return env;
    }

    /**
     * The platform settings given to `dps up` (e.g. {@code DPS_CLOCK_AS_OF}, {@code DPS_PLACEMENT_*}), passed on
     * to every service; `dps demo` uses them to run the platform as of a day in 2018/19.
     */
    static Map<String, String> platformSettings(Map<String, String> environment) {
        Map<String, String> settings = new java.util.TreeMap<>();
        environment.forEach((name, value) -> {
            if (name.matches("DPS_(CLOCK|OUTBOX|PLACEMENT|PROVIDER|MONITORING|SPEND|COUNCILS|NOTIFICATIONS|WEBHOOKS|TRANSPARENCY)_[A-Z0-9_]+")) {
                settings.put(name, value);
            }
        });
        return settings;
    }

    private boolean alreadyRunning(String name) {
        Optional<ProcessHandle> running = processes.running(name);
        running.ifPresent(p -> report(name, "already running (pid " + p.pid() + ")"));
        return running.isPresent();
    }

    private void requirePortFree(String name, int port) {
        if (portInUse(port)) {
            throw new IllegalStateException(name + " cannot start: port " + port + " is already in use by a process"
                    + " that dps did not start (see: ss -ltnp 'sport = :" + port + "')");
        }
    }

    private void createExternalDatabases() {
        String adminUrl = config.jdbcUrl("postgres");
        for (String database : DpsStack.databases()) {
            PostgresServer.createDatabaseIfMissing(adminUrl, config.databaseUser(), config.databasePassword(), database);
        }
        report(POSTGRES, "external " + config.jdbcBaseUrl() + ": databases present");
    }

    private int failed(String message) {
        System.err.println("dps up: " + message);
        return 1;
    }

    private void report(String name, String what) {
        System.out.printf("  %s%s%s%n", pad(name), what,
                what.equals("ready") ? String.format(" after %.1f s", elapsedSeconds()) : "");
    }

    // ---------------------------------------------------------------------------------------------- ready?

    boolean isLocal(String name) {
        return switch (name) {
            case POSTGRES -> config.runsPostgres();
            case KAFKA -> config.runsKafka();
            case KEYCLOAK -> config.runsKeycloak();
            default -> true; // SMTP and the services always run here
        };
    }

    boolean isReady(String name) {
        return switch (name) {
            case POSTGRES -> config.runsPostgres() ? mainReady(POSTGRES) : canConnectToDatabase();
            case KAFKA -> config.runsKafka() ? mainReady(KAFKA) : kafkaReachable();
            case KEYCLOAK -> httpOk(config.oidcUrl() + "/.well-known/openid-configuration");
            case SMTP -> SmtpServer.isReady(config.smtpApiUrl());
            default -> httpOk(DpsStack.service(name).readinessUrl());
        };
    }

    private boolean mainReady(String name) {
        return processes.running(name).map(p -> StandaloneMain.isReady(readyFile(name), p.pid())).orElse(false);
    }

    private boolean canConnectToDatabase() {
        try (var c = DriverManager.getConnection(config.jdbcUrl("postgres"), config.databaseUser(),
                config.databasePassword())) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }

    private boolean kafkaReachable() {
        String first = config.kafkaBootstrapServers().split(",")[0].trim();
        int colon = first.lastIndexOf(':');
        return canConnect(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1)));
    }

    boolean httpOk(String url) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static boolean portInUse(int port) {
        return canConnect("127.0.0.1", port);
    }

    static boolean canConnect(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    // ----------------------------------------------------------------------------------------------- down

    int down() throws Exception {
        long start = System.nanoTime();
        List<String> stopped = new ArrayList<>();
        // Services first (they hold connections to the rest), then the infrastructure, in parallel within each step.
        stopAll(DpsStack.SERVICES.stream().map(Service::name).toList(), Duration.ofSeconds(20), stopped);
        stopAll(List.of(KEYCLOAK, KAFKA, POSTGRES, SMTP), Duration.ofSeconds(30), stopped);
        stopOrphanPostmaster();
        for (ProcessHandle leftover : processes.allOurs()) {
            System.out.println("  stopping left-over process " + leftover.pid() + ": "
                    + abbreviate(ManagedProcesses.commandLine(leftover.pid())));
            ManagedProcesses.stopTree(leftover, Duration.ofSeconds(10));
        }
        for (String name : allComponentNames()) {
            processes.forget(name);
            StandaloneMain.unmarkReady(readyFile(name));
        }
        deleteUnusedSnapshots();
        List<String> busy = new ArrayList<>();
        ports().forEach((name, port) -> {
            if (isLocal(name) && portInUse(port)) {
                busy.add(name + " :" + port);
            }
        });
        if (portInUse(config.smtpApiPort())) {
            busy.add(SMTP + " API :" + config.smtpApiPort());
        }
        System.out.printf("dps down: %s in %.1f s%n", stopped.isEmpty() ? "nothing was running"
                : "stopped " + String.join(", ", stopped), (System.nanoTime() - start) / 1e9);
        if (!busy.isEmpty()) {
            System.err.println("dps down: ports still in use by processes dps did not start: " + String.join(", ", busy));
            return 1;
        }
        return 0;
    }

    /** Throws away what the stack stored, e.g. after migrations were rewritten during development. */
    int reset() throws Exception {
        int status = down();
        FileUtils.deleteDirectory(config.data().toFile());
        Path keycloakDatabase = keycloak().database();
        FileUtils.deleteDirectory(keycloakDatabase.toFile());
        System.out.println("dps reset: deleted " + config.data() + " and " + keycloakDatabase);
        return status;
    }

    private void stopAll(List<String> names, Duration grace, List<String> stopped) {
        List<CompletableFuture<Void>> stops = new ArrayList<>();
        for (String name : names) {
            processes.running(name).ifPresent(process -> stops.add(CompletableFuture.runAsync(() -> {
                long start = System.nanoTime();
                boolean graceful = ManagedProcesses.stopTree(process, grace);
                String took = String.format("%.1f s", (System.nanoTime() - start) / 1e9);
                synchronized (stopped) {
                    stopped.add(name + (graceful ? " (" + took + ")" : " (killed after " + took + ")"));
                }
            })));
        }
        stops.forEach(CompletableFuture::join);
    }

    /**
     * pg_ctl starts postgres as a daemon, so it is not a child of PostgresMain. If that JVM was killed without its
     * shutdown hook, postgres is still running and would refuse the next start: stop it through its pid file.
     */
    private void stopOrphanPostmaster() {
        Path pidFile = config.data().resolve("postgres/postmaster.pid");
        try {
            if (!Files.exists(pidFile) || processes.running(POSTGRES).isPresent()) {
                return;
            }
            long pid = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
            Optional<ProcessHandle> postmaster = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> ManagedProcesses.commandLine(pid).contains("postgres"));
            if (postmaster.isPresent()) {
                System.out.println("  " + pad(POSTGRES) + "stopping orphaned postgres (pid " + pid + ")");
                ManagedProcesses.stopTree(postmaster.get(), Duration.ofSeconds(20));
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("  could not check for an orphaned postgres: " + e.getMessage());
        }
    }

    // --------------------------------------------------------------------------------------------- status

    int status() {
        System.out.printf("%-30s %-8s %-24s %s%n", "COMPONENT", "PID", "ADDRESS", "STATE");
        boolean allReady = true;
        for (String name : allComponentNames()) {
            String address;
            String pid;
            String state;
            if (!isLocal(name)) {
                pid = "-";
                address = name.equals(POSTGRES) ? config.jdbcBaseUrl()
                        : name.equals(KAFKA) ? config.kafkaBootstrapServers() : config.keycloakUrl();
                state = isReady(name) ? "external, reachable" : "external, NOT reachable";
            } else {
                Optional<ProcessHandle> process = processes.running(name);
                pid = process.map(p -> Long.toString(p.pid())).orElse("-");
                address = ":" + ports().get(name) + (name.equals(SMTP) ? ", API :" + config.smtpApiPort() : "");
                state = process.isEmpty() ? (portInUse(ports().get(name)) ? "stopped (port used by another process)"
                        : "stopped") : isReady(name) ? "ready" : "starting / not ready";
            }
            allReady &= state.startsWith("ready") || state.equals("external, reachable");
            System.out.printf("%-30s %-8s %-24s %s%n", name, pid, address, state);
        }
        return allReady ? 0 : 3;
    }

    // ----------------------------------------------------------------------------------------------- logs

    /**
     * The last {@code lines} lines of each component's log, then (when {@code follow}) what is appended, through
     * commons-io's {@link Tailer}, which also notices a log that was truncated or replaced.
     */
    int logs(int lines, boolean follow, List<String> components) throws Exception {
        List<String> names = new ArrayList<>(components);
        if (names.isEmpty()) {
            names.addAll(allComponentNames());
        }
        for (String name : names) {
            if (!allComponentNames().contains(name)) {
                throw new IllegalArgumentException("no component '" + name + "'; choose from "
                        + String.join(", ", allComponentNames()));
            }
        }
        List<String> present = names.stream().filter(n -> Files.exists(processes.logFile(n))).toList();
        if (present.isEmpty()) {
            System.err.println("dps logs: no logs yet in " + config.logs());
            return 1;
        }
        boolean prefix = present.size() > 1;
        List<Tailer> tailers = new ArrayList<>();
        for (String name : present) {
            Path log = processes.logFile(name);
            for (String line : lastLines(log, lines)) {
                System.out.println(prefix ? pad(name) + "| " + line : line);
            }
            if (follow) {
                tailers.add(Tailer.builder().setFile(log.toFile()).setTailFromEnd(true)
                        .setDelayDuration(Duration.ofMillis(300)).setStartThread(true)
                        .setTailerListener(new TailerListenerAdapter() {
                            @Override
                            public void handle(String line) {
                                synchronized (System.out) {
                                    System.out.println(prefix ? pad(name) + "| " + line : line);
                                }
                            }
                        }).get());
            }
        }
        if (follow) {
            Thread.currentThread().join(); // until Ctrl-C
        }
        return 0;
    }

    private void printTail(String name, int lines) {
        Path log = processes.logFile(name);
        try {
            System.err.println("  ---- last lines of " + log + " ----");
            lastLines(log, lines).forEach(l -> System.err.println("  | " + l));
        } catch (IOException e) {
            System.err.println("  (no log at " + log + ")");
        }
    }

    private static List<String> lastLines(Path file, int count) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            long from = Math.max(0, length - 256L * 1024);
            raf.seek(from);
            byte[] bytes = new byte[(int) (length - from)];
            raf.readFully(bytes);
            List<String> all = List.of(new String(bytes, StandardCharsets.UTF_8).split("\n"));
            return all.subList(Math.max(0, all.size() - count), all.size());
        }
    }

    // ------------------------------------------------------------------------------------------- helpers

    private void printUrls(List<Service> services) {
        for (Service s : services) {
            if (s.hasDatabase()) {
                System.out.printf("  %s%-24s swagger %s/q/swagger-ui%n", pad(s.name()), s.baseUrl(), s.baseUrl());
            }
        }
        System.out.printf("  %s%-24s realm %s, admin console %s/admin (user %s, password in %s)%n", pad("Keycloak"),
                config.keycloakUrl(), config.oidcUrl(), config.keycloakUrl(), KeycloakDist.ADMIN_USER,
                config.root().relativize(KeycloakDist.adminPasswordFile(config.home())));
        System.out.printf("  %s%-24s user %s, databases %s%n", pad("PostgreSQL"), config.jdbcBaseUrl(),
                config.databaseUser(), String.join(", ", DpsStack.databases()));
        System.out.printf("  %s%s%n", pad("Kafka"), config.kafkaBootstrapServers());
        System.out.printf("  %s%-24s keeps every message; read them: curl %sapi/user/<address>/messages/INBOX%n",
                pad("SMTP (email)"), config.smtpHost() + ":" + config.smtpPort(), config.smtpApiUrl());
        printPortal(services);
        System.out.println();
        System.out.println("  TOKEN=$(./dps token --role commissioner --council cambridgeshire)");
        System.out.println("  ./dps status | ./dps logs [component] | ./dps down");
    }

    /**
     * The portal's address and the named demo users people sign in with. They are made (or reset) here on the local
     * Keycloak only: a realm that is not the development one never gets users with a published password.
     */
    private void printPortal(List<Service> services) {
        Optional<Service> portal = services.stream().filter(s -> !s.hasDatabase()).findFirst();
        if (portal.isEmpty()) {
            return;
        }
        System.out.println();
        System.out.printf("  %s%s%n", pad("Portal"), portal.get().baseUrl());
        if (!config.runsKeycloak()) {
            System.out.println("  (external Keycloak: sign in with its users; no demo users are made there)");
            return;
        }
        List<KeycloakTokens.DemoUser> users = KeycloakTokens.forStack(config).ensurePortalDemoUsers();
        System.out.printf("  demo users, password %s:%n", KeycloakTokens.DEMO_PASSWORD);
        for (KeycloakTokens.DemoUser user : users) {
            System.out.printf("    %-32s %s, %s%s%n", user.username(), user.role(), user.council(),
                    user.providerId() == null ? "" : ", provider " + user.providerId());
        }
    }

    private Map<String, Integer> ports() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put(POSTGRES, config.postgresPort());
        ports.put(KAFKA, config.kafkaPort());
        ports.put(KEYCLOAK, config.keycloakPort());
        ports.put(SMTP, config.smtpPort());
        DpsStack.SERVICES.forEach(s -> ports.put(s.name(), s.port()));
        return ports;
    }

    private List<String> allComponentNames() {
        return List.copyOf(ports().keySet());
    }

    /** The stand-alone mains run from a copy of the CLI jar and its class path (see {@link RuntimeSnapshots}). */
    private String runtimeClasspath() throws IOException {
        Path target = config.root().resolve("tools/dps/target");
        List<Path> files = new ArrayList<>();
        files.add(target.resolve("dps-cli.jar"));
        files.addAll(RuntimeSnapshots.filesBelow(target.resolve("lib")));
        Path snapshot = snapshots.snapshot("cli", target, files);
        return snapshot.resolve("dps-cli.jar") + ":" + snapshot.resolve("lib") + "/*";
    }

    private void deleteUnusedSnapshots() {
        snapshots.deleteUnused(processes.allOurs().stream().map(p -> ManagedProcesses.commandLine(p.pid())).toList());
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse(javaHome().resolve("bin/java").toString());
    }

    private static Path javaHome() {
        return Path.of(System.getProperty("java.home"));
    }

    private double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String pad(String name) {
        return String.format("%-30s", name);
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
