package uk.gov.dps.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.gov.dps.infra.KeycloakDist;

/**
 * Facts read from the realm definition {@code keycloak/dps-realm.json} of dps-infra (the file Keycloak imports), so role
 * names, council names and client secrets are written once: there.
 */
public final class DpsRealm {

    public static final String RESOURCE = KeycloakDist.REALM_RESOURCE;
    public static final String CLI_CLIENT = "dps-cli";
    /** The portal's confidential client (authorization-code sign-in of people). */
    public static final String PORTAL_CLIENT = "dps-portal";
    public static final String AUDIENCE = "dps-api";

    // Keycloak's import placeholder syntax: ${ENV_VAR} or ${ENV_VAR:default}
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_]+)(?::([^}]*))?}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode realm;

    private DpsRealm(JsonNode realm) {
        this.realm = realm;
    }

    public static DpsRealm load() {
        try (InputStream in = DpsRealm.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path");
            }
            return new DpsRealm(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return realm.path("realm").asText();
    }

    /** The platform's realm roles. */
    public List<String> roles() {
        List<String> roles = new ArrayList<>();
        realm.path("roles").path("realm").forEach(r -> roles.add(r.path("name").asText()));
        return roles;
    }

    /** Allowed values of the {@code council} user attribute (the user-profile validator's options). */
    public List<String> councils() {
        JsonNode council = userProfileAttribute("council");
        List<String> councils = new ArrayList<>();
        council.path("validations").path("options").path("options").forEach(c -> councils.add(c.asText()));
        return councils;
    }

    /** Client ids of the confidential system-to-system clients (those with a service account). */
    public List<String> systemClients() {
        List<String> clients = new ArrayList<>();
        realm.path("clients").forEach(c -> {
            if (c.path("serviceAccountsEnabled").asBoolean()) {
                clients.add(c.path("clientId").asText());
            }
        });
        return clients;
    }

    /** The secret Keycloak imported for {@code clientId}: its environment override if set, else the dev default. */
    public String clientSecret(String clientId) {
        return resolvePlaceholders(client(clientId).path("secret").asText(), System.getenv());
    }

    /** The {@code council} claim a system client's service account token carries. */
    public String systemClientCouncil(String clientId) {
        for (JsonNode mapper : client(clientId).path("protocolMappers")) {
            if ("council".equals(mapper.path("config").path("claim.name").asText())
                    && mapper.path("config").has("claim.value")) {
                return mapper.path("config").path("claim.value").asText();
            }
        }
        throw new IllegalStateException(clientId + " has no hard-coded council claim in " + RESOURCE);
    }

    static String resolvePlaceholders(String value, Map<String, String> env) {
        Matcher m = PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement = env.get(m.group(1));
            if (replacement == null) {
                replacement = m.group(2) != null ? m.group(2) : "";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private JsonNode client(String clientId) {
        for (JsonNode c : realm.path("clients")) {
            if (clientId.equals(c.path("clientId").asText())) {
                return c;
            }
        }
        throw new IllegalArgumentException("no client " + clientId + " in " + RESOURCE);
    }

    private JsonNode userProfileAttribute(String name) {
        JsonNode providers = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider");
        for (JsonNode provider : providers) {
            String config = provider.path("config").path("kc.user.profile.config").path(0).asText();
            try {
                for (JsonNode attribute : JSON.readTree(config).path("attributes")) {
                    if (name.equals(attribute.path("name").asText())) {
                        return attribute;
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("user profile in " + RESOURCE + " is not valid JSON", e);
            }
        }
        throw new IllegalStateException("no user-profile attribute " + name + " in " + RESOURCE);
    }
}
