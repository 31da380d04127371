package uk.gov.dps.deployment;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Keycloak realm `./dps up` imports, and the Keycloak version it runs: compose and k8s use the same. */
final class Realm {

    static final String SOURCE = "platform/infra/src/main/resources/keycloak/dps-realm.json";
    static final String K8S_COPY = "k8s/base/keycloak/dps-realm.json";

    /** Keycloak's import placeholders for environment variables: ${NAME} or ${NAME:default}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    private Realm() {
    }

    static String text() {
        return Repo.read(SOURCE);
    }

    static String name() {
        return Repo.json(Repo.path(SOURCE)).path("realm").asText();
    }

    /** Environment variables the realm file reads at import, with their defaults ("" when none). */
    static Map<String, String> placeholders() {
        Map<String, String> found = new TreeMap<>();
        Matcher m = PLACEHOLDER.matcher(text());
        while (m.find()) {
            found.put(m.group(1), m.group(2) == null ? "" : m.group(2));
        }
        return found;
    }

    /** keycloak.version of platform/infra (the distribution `./dps up` runs). */
    static String keycloakVersion() {
        String version = Repo.pom("platform/infra/pom.xml").getProperties().getProperty("keycloak.version");
        assertTrue(version != null, "platform/infra/pom.xml has no <keycloak.version>");
        return version.trim();
    }
}
