package uk.gov.dps.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Index;
import org.jboss.jandex.Indexer;

import uk.gov.dps.events.Topics;

/**
 * What the five services serve and read, taken from their sources: the facts every deployment file must agree with.
 */
final class Services {

    /** One service module: its name, HTTP port, database and the channels it consumes. */
    record Service(String module, String name, int port, String database, Set<String> incomingTopics) {
    }

    /** Shared defaults every service loads (ordinal 100). */
    static final List<String> SHARED_CONFIG = List.of(
            "platform/runtime/src/main/resources/META-INF/microprofile-config.properties",
            "platform/messaging/src/main/resources/META-INF/microprofile-config.properties");

    /**
     * Read by the JVM or the Quarkus base image's run-java.sh rather than by Quarkus, and allowed for that reason:
     * JAVA_MAX_MEM_RATIO sizes the heap as a share of the memory limit.
     */
    static final Set<String> JVM_ENVIRONMENT = Set.of("JAVA_MAX_MEM_RATIO", "JAVA_TOOL_OPTIONS", "JAVA_OPTS_APPEND");

    /** What a service cannot run without in a container (its defaults point at `./dps up` on localhost). */
    static final List<String> REQUIRED_ENVIRONMENT = List.of("QUARKUS_DATASOURCE_JDBC_URL",
            "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS",
            "QUARKUS_OIDC_AUTH_SERVER_URL");

    private static final DotName INCOMING = DotName.createSimple("org.eclipse.microprofile.reactive.messaging.Incoming");
    /** The container of a repeated @Incoming. */
    private static final DotName INCOMINGS = DotName.createSimple("io.smallrye.reactive.messaging.annotations.Incomings");
    private static final DotName CONFIG_PROPERTY = DotName.createSimple("org.eclipse.microprofile.config.inject.ConfigProperty");
    private static final DotName CONFIG_MAPPING = DotName.createSimple("io.smallrye.config.ConfigMapping");
    private static final Pattern LOCAL_ADDRESS = Pattern.compile("(^|[/@:])(127\\.0\\.0\\.1|localhost)([:/]|$)");
    private static final Pattern JDBC_DATABASE = Pattern.compile("jdbc:postgresql://[^/]+/([A-Za-z0-9_]+)");

    /** Compiled classes per module, indexed once (declared before ALL, which needs it). */
    private static final Map<String, Index> INDEXES = new ConcurrentHashMap<>();

    static final List<Service> ALL = load();

    private Services() {
    }

    /** Modules of the parent pom whose application.properties names a Quarkus application. */
    private static List<Service> load() {
        List<Service> services = new ArrayList<>();
        for (String module : Repo.pom("pom.xml").getModules()) {
            Path properties = Repo.path(module).resolve("src/main/resources/application.properties");
            if (!Files.isRegularFile(properties)) {
                continue;
            }
            Properties p = properties(properties);
            String name = p.getProperty("quarkus.application.name");
            if (name == null) {
                continue;
            }
            String port = p.getProperty("quarkus.http.port");
            assertTrue(port != null, module + " sets no quarkus.http.port");
            String url = p.getProperty("quarkus.datasource.jdbc.url", "");
            Matcher db = JDBC_DATABASE.matcher(url);
            assertTrue(db.find(), module + ": no database in quarkus.datasource.jdbc.url=" + url);
            Set<String> incoming = new TreeSet<>();
            for (String channel : incomingChannels(classes(module))) {
                // the channel is named after its topic unless configured otherwise
                incoming.add(p.getProperty("mp.messaging.incoming." + channel + ".topic", channel));
            }
            services.add(new Service(module, name, Integer.parseInt(port.trim()), db.group(1), incoming));
        }
        assertTrue(services.size() >= 5, "expected the five DPS services among the modules, found " + services);
        return List.copyOf(services);
    }

    static Service named(String name) {
        return ALL.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no service " + name));
    }

    /** Topics.ALL, their dead-letter topics, and every topic a service consumes (@Incoming). */
    static Set<String> requiredTopics() {
        Set<String> topics = new TreeSet<>();
        for (String topic : Topics.ALL) {
            topics.add(topic);
            topics.add(Topics.deadLetter(topic));
        }
        for (Service s : ALL) {
            for (String topic : s.incomingTopics()) {
                topics.add(topic);
                topics.add(Topics.deadLetter(topic)); // the Inbox parks poison events there
            }
        }
        return topics;
    }

    /**
     * Environment variable names the services read: every configuration key they set or inject (their
     * application.properties, the shared defaults, @ConfigProperty names), by SmallRye's environment rule
     * (non-alphanumerics become '_', upper case), plus the JVM-level names in {@link #JVM_ENVIRONMENT}.
     */
    static Set<String> knownEnvironment() {
        Set<String> keys = new TreeSet<>();
        List<String> modules = new ArrayList<>();
        for (Service s : ALL) {
            keys.addAll(properties(Repo.path(s.module()).resolve("src/main/resources/application.properties")).stringPropertyNames());
            modules.add(s.module());
        }
        for (String shared : SHARED_CONFIG) {
            keys.addAll(properties(Repo.path(shared)).stringPropertyNames());
        }
        modules.add("platform/runtime");
        modules.add("platform/messaging");
        for (String module : modules) {
            keys.addAll(stringValues(classes(module).getAnnotations(CONFIG_PROPERTY), "name"));
        }
        Set<String> names = new TreeSet<>(JVM_ENVIRONMENT);
        // a setting given for one profile (%dev.x) is read under its own name in every profile
        keys.stream().map(k -> k.replaceFirst("^%[^.]+\\.", "")).map(Services::environmentName).forEach(names::add);
        names.add("QUARKUS_PROFILE");
        return names;
    }

    /**
     * Environment names of the settings whose default points at this machine (`./dps up`: 127.0.0.1, localhost), in
     * the service's own configuration or the shared defaults: in a container each must be given, or it reaches nothing.
     */
    static Set<String> localDefaults(Service service) {
        Properties all = new Properties();
        for (String shared : SHARED_CONFIG) {
            all.putAll(properties(Repo.path(shared)));
        }
        all.putAll(properties(Repo.path(service.module()).resolve("src/main/resources/application.properties")));
        Set<String> names = new TreeSet<>();
        for (String key : all.stringPropertyNames()) {
            if (!key.startsWith("%") && LOCAL_ADDRESS.matcher(all.getProperty(key)).find()) {
                names.add(environmentName(key));
            }
        }
        return names;
    }

    /** @ConfigMapping prefixes as environment prefixes (e.g. DPS_PLACEMENT_): any name below them is read. */
    static Set<String> knownEnvironmentPrefixes() {
        Set<String> prefixes = new TreeSet<>();
        for (Service s : ALL) {
            stringValues(classes(s.module()).getAnnotations(CONFIG_MAPPING), "prefix")
                    .forEach(p -> prefixes.add(environmentName(p) + "_"));
        }
        return prefixes;
    }

    static boolean isKnownEnvironment(String name) {
        return knownEnvironment().contains(name) || knownEnvironmentPrefixes().stream().anyMatch(name::startsWith);
    }

    /** SmallRye Config's mapping of a property name to an environment variable. */
    static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(java.util.Locale.ROOT);
    }

    static Properties properties(Path file) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /**
     * The compiled classes of a module, indexed with Jandex: annotations as the compiler kept them (comments and
     * strings that merely look like annotations do not count). This module's test dependencies on the service
     * and platform modules make the reactor compile them first.
     */
    static Index classes(String module) {
        return INDEXES.computeIfAbsent(module, Services::index);
    }

    private static Index index(String module) {
        Path dir = Repo.path(module).resolve("target/classes");
        assertTrue(Files.isDirectory(dir), "no compiled classes in " + dir + ": build " + module + " first");
        Indexer indexer = new Indexer();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    indexer.index(in);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return indexer.complete();
    }

    /** The channels of @Incoming methods, repeated ones included. */
    private static Set<String> incomingChannels(Index index) {
        Set<String> channels = stringValues(index.getAnnotations(INCOMING), "value");
        for (AnnotationInstance container : index.getAnnotations(INCOMINGS)) {
            for (AnnotationInstance incoming : container.value().asNestedArray()) {
                channels.add(incoming.value().asString());
            }
        }
        return channels;
    }

    /** The given member of each annotation, where it is set. */
    private static Set<String> stringValues(List<AnnotationInstance> annotations, String member) {
        Set<String> found = new TreeSet<>();
        for (AnnotationInstance a : annotations) {
            AnnotationValue v = a.value(member);
            if (v != null && !v.asString().isEmpty()) {
                found.add(v.asString());
            }
        }
        return found;
    }
}
