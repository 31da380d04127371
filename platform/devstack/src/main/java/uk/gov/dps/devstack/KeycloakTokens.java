package uk.gov.dps.devstack;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Real access tokens from the stack's Keycloak: what {@code dps token} prints and what the e2e tests use.
 * Provider ids are arbitrary, so a user per role + council (+ provider) is created or updated on demand through
 * the admin REST API, then logged in with the password grant of the public client {@value DpsRealm#CLI_CLIENT}.
 */
public final class KeycloakTokens {

    /** Password of every demo user; they exist only on developer stacks. */
    public static final String DEMO_PASSWORD = "dps-demo";
    public static final String ROLE_PROVIDER = "provider";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String keycloakUrl;
    private final String realm;
    private final String adminUser;
    private final String adminPassword;
    private final DpsRealm definition = DpsRealm.load();

    public KeycloakTokens(String keycloakUrl, String realm, String adminUser, String adminPassword) {
        this.keycloakUrl = keycloakUrl;
        this.realm = realm;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    /**
     * For the stack described by {@code config}: the local Keycloak's generated admin password, or for an external
     * Keycloak (DPS_OIDC_URL) the admin account in DPS_KEYCLOAK_ADMIN_USER / DPS_KEYCLOAK_ADMIN_PASSWORD.
     */
    public static KeycloakTokens forStack(StackConfig config) {
        String oidcUrl = config.oidcUrl();
        String realm = oidcUrl.substring(oidcUrl.indexOf("/realms/") + "/realms/".length());
        String user = System.getenv().getOrDefault("DPS_KEYCLOAK_ADMIN_USER", KeycloakDist.ADMIN_USER);
        String password = System.getenv("DPS_KEYCLOAK_ADMIN_PASSWORD");
        if (password == null) {
            var file = KeycloakDist.adminPasswordFile(config);
            try {
                password = Files.readString(file).trim();
            } catch (IOException e) {
                throw new IllegalStateException("no Keycloak admin password: " + file + " is missing (it is made by"
                        + " `./dps up`); for an external Keycloak set DPS_KEYCLOAK_ADMIN_USER and DPS_KEYCLOAK_ADMIN_PASSWORD");
            }
        }
        return new KeycloakTokens(config.keycloakUrl(), realm, user, password);
    }

    /** Why these arguments cannot make a token, or null when they can. Checked before any call to Keycloak. */
    public String invalidUserArguments(String role, String council, String providerId) {
        List<String> roles = definition.roles();
        List<String> councils = definition.councils();
        if (role == null) {
            return "--role is missing; choose one of " + String.join(", ", roles);
        }
        if (council == null) {
            return "--council is missing; choose one of " + String.join(", ", councils);
        }
        if (!roles.contains(role)) {
            return "unknown role '" + role + "'; choose one of " + String.join(", ", roles);
        }
        if (!councils.contains(council)) {
            return "unknown council '" + council + "'; choose one of " + String.join(", ", councils);
        }
        if (providerId != null && !isUuid(providerId)) {
            return "provider id must be a UUID like 3f2c7a9e-5b1d-4c2e-9a8f-0d6b1e2c3a4f, was '" + providerId + "'";
        }
        if (ROLE_PROVIDER.equals(role) && providerId == null) {
            return "role provider needs --provider PROVIDER_ID (the provider organisation's id)";
        }
        return null;
    }

    /** An access token of a demo user with exactly {@code role}, claim {@code council} and optional {@code provider_id}. */
    public String userToken(String role, String council, String providerId) {
        String problem = invalidUserArguments(role, council, providerId);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        String provider = providerId == null ? null : providerId.toLowerCase();
        String username = "demo-" + role + "-" + council + (provider == null ? "" : "-" + provider);
        // Fast path: the user exists from an earlier call and still carries what was asked for.
        String token = passwordGrant(username);
        if (token != null && carries(claims(token), role, council, provider)) {
            return token;
        }
        upsertDemoUser(username, role, council, provider);
        token = passwordGrant(username);
        if (token == null) {
            throw new IllegalStateException("Keycloak refused the login of " + username + " right after setting it up");
        }
        return token;
    }

    /** A client-credentials token of a confidential system client of the realm, with the secret Keycloak imported. */
    public String systemToken(String clientId) {
        if (!definition.systemClients().contains(clientId)) {
            throw new IllegalArgumentException("unknown system client '" + clientId + "'; choose one of "
                    + String.join(", ", definition.systemClients()));
        }
        return clientCredentialsToken(clientId, definition.clientSecret(clientId));
    }

    public String clientCredentialsToken(String clientId, String secret) {
        HttpResponse<String> response = send(formPost(tokenUrl(realm), Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("client-credentials grant for " + clientId + " failed: HTTP "
                    + response.statusCode() + " " + response.body());
        }
        return readJson(response.body()).path("access_token").asText();
    }

    /** The claims of a JWT, decoded without checking the signature (the services check it). */
    public static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not a JWT");
        }
        return readJson(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    private static boolean carries(JsonNode claims, String role, String council, String provider) {
        boolean hasRole = false;
        for (JsonNode r : claims.path("realm_access").path("roles")) {
            hasRole |= role.equals(r.asText());
        }
        String tokenProvider = claims.hasNonNull("provider_id") ? claims.get("provider_id").asText() : null;
        return hasRole && council.equals(claims.path("council").asText()) && Objects.equals(provider, tokenProvider);
    }

    /** The access token, or null when Keycloak says the credentials are wrong (e.g. no such user yet). */
    private String passwordGrant(String username) {
        HttpResponse<String> response = send(formPost(tokenUrl(realm), Map.of("grant_type", "password",
                "client_id", DpsRealm.CLI_CLIENT, "username", username, "password", DEMO_PASSWORD, "scope", "openid")));
        if (response.statusCode() == 200) {
            return readJson(response.body()).path("access_token").asText();
        }
        if (response.statusCode() == 401 || response.statusCode() == 400) {
            return null;
        }
        throw new IllegalStateException("password grant for " + username + " failed: HTTP " + response.statusCode()
                + " " + response.body());
    }

    private void upsertDemoUser(String username, String role, String council, String provider) {
        String admin = adminToken();
        String users = keycloakUrl + "/admin/realms/" + realm + "/users";
        ObjectNode user = JSON.createObjectNode();
        // No e-mail: the realm does not require one, and a username with a provider id is longer than the 64
        // characters an address may have before the @.
        user.put("username", username).put("enabled", true)
                .put("firstName", "Demo").put("lastName", role + " " + council);
        user.putArray("requiredActions");
        ObjectNode attributes = user.putObject("attributes");
        attributes.putArray("council").add(council);
        ArrayNode providerIds = attributes.putArray("provider_id");
        if (provider != null) {
            providerIds.add(provider);
        }
        JsonNode found = readJson(adminCall(admin, "GET", users + "?exact=true&username=" + encode(username), null));
        String id;
        if (found.isArray() && found.size() > 0) {
            id = found.get(0).path("id").asText();
            adminCall(admin, "PUT", users + "/" + id, user);
        } else {
            adminCall(admin, "POST", users, user);
            id = readJson(adminCall(admin, "GET", users + "?exact=true&username=" + encode(username), null))
                    .get(0).path("id").asText();
        }
        ObjectNode password = JSON.createObjectNode().put("type", "password").put("value", DEMO_PASSWORD)
                .put("temporary", false);
        adminCall(admin, "PUT", users + "/" + id + "/reset-password", password);
        JsonNode roleRepresentation = readJson(adminCall(admin, "GET",
                keycloakUrl + "/admin/realms/" + realm + "/roles/" + encode(role), null));
        adminCall(admin, "POST", users + "/" + id + "/role-mappings/realm",
                JSON.createArrayNode().add(roleRepresentation));
    }

    private String adminToken() {
        HttpResponse<String> response = send(formPost(tokenUrl("master"), Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", adminUser, "password", adminPassword)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak admin login as '" + adminUser + "' failed: HTTP "
                    + response.statusCode() + " " + response.body()
                    + " (local stack: password in .dps/keycloak/admin-password; external: DPS_KEYCLOAK_ADMIN_USER/PASSWORD)");
        }
        return readJson(response.body()).path("access_token").asText();
    }

    private String adminCall(String token, String method, String url, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Keycloak admin API " + method + " " + url + " failed: HTTP "
                    + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private String tokenUrl(String realmName) {
        return keycloakUrl + "/realms/" + realmName + "/protocol/openid-connect/token";
    }

    private static HttpRequest formPost(String url, Map<String, String> form) {
        String body = new LinkedHashMap<>(form).entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + keycloakUrl
                    + " (connection refused); start the stack with ./dps up", e);
        } catch (IOException e) {
            throw new IllegalStateException("call to Keycloak at " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static JsonNode readJson(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak answered with something that is not JSON: " + body, e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static boolean isUuid(String s) {
        try {
            return UUID.fromString(s).toString().equalsIgnoreCase(s);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
