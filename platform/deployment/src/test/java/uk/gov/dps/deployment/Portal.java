package uk.gov.dps.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.DotName;

/**
 * What the portal serves and reads, from its sources. It is not among {@link Services#ALL} (no database, no Kafka,
 * no quarkus.application.name), so its deployment facts are its own: its port, the services it calls through its
 * REST clients (quarkus.rest-client.&lt;service&gt;.url), and the environment it reads.
 */
final class Portal {

    static final String MODULE = "portal";
    static final String NAME = "portal";
    /** The realm's placeholder for the portal's public address (its redirect URIs). */
    static final String URL_PLACEHOLDER = "DPS_PORTAL_URL";
    /** Its client secret, which Keycloak imports as the realm placeholder of the same meaning. */
    static final String CLIENT_SECRET = "QUARKUS_OIDC_CREDENTIALS_SECRET";
    static final String REALM_CLIENT_SECRET = "DPS_PORTAL_CLIENT_SECRET";

    private static final Pattern REST_CLIENT_URL = Pattern.compile("quarkus\\.rest-client\\.([a-z0-9-]+)\\.url");
    private static final DotName CONFIG_PROPERTY = DotName.createSimple("org.eclipse.microprofile.config.inject.ConfigProperty");

    private Portal() {
    }

    static Properties properties() {
        return Services.properties(Repo.path(MODULE).resolve("src/main/resources/application.properties"));
    }

    static int port() {
        String port = properties().getProperty("quarkus.http.port");
        assertTrue(port != null, "the portal sets no quarkus.http.port");
        return Integer.parseInt(port.trim());
    }

    /** Each service the portal calls (its REST clients' config keys, which are the services' names) → env name of its URL. */
    static Map<Services.Service, String> calledServices() {
        Map<Services.Service, String> called = new TreeMap<>((a, b) -> a.name().compareTo(b.name()));
        for (String key : properties().stringPropertyNames()) {
            Matcher m = REST_CLIENT_URL.matcher(key);
            if (m.matches()) {
                called.put(Services.named(m.group(1)), Services.environmentName(key));
            }
        }
        assertTrue(!called.isEmpty(), "the portal calls no service?");
        return called;
    }

    /** Environment names the portal reads: its properties' keys and @ConfigProperty names, and the JVM's. */
    static Set<String> knownEnvironment() {
        Set<String> keys = new TreeSet<>(properties().stringPropertyNames());
        for (AnnotationInstance a : Services.classes(MODULE).getAnnotations(CONFIG_PROPERTY)) {
            if (a.value("name") != null) {
                keys.add(a.value("name").asString());
            }
        }
        Set<String> names = new TreeSet<>(Services.JVM_ENVIRONMENT);
        keys.stream().map(k -> k.replaceFirst("^%[^.]+\\.", "")).map(Services::environmentName).forEach(names::add);
        names.add("QUARKUS_PROFILE");
        return names;
    }

    /** Settings whose default is this machine (`./dps up`): in a container each must be given. */
    static Set<String> localDefaults() {
        Properties p = properties();
        Set<String> names = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key);
            if (!key.startsWith("%") && (value.contains("localhost") || value.contains("127.0.0.1"))) {
                names.add(Services.environmentName(key));
            }
        }
        return names;
    }

    /** host:port of a URL, e.g. placement-service:8083 of http://placement-service:8083. */
    static String hostAndPort(String url) {
        URI uri = Workloads.uri(url);
        return uri.getHost() + ":" + uri.getPort();
    }

    static Path pom() {
        return Repo.path(MODULE).resolve("pom.xml");
    }
}
