package uk.gov.dps.cli;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.core.Response;

import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.JacksonProvider;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.admin.client.spi.ResteasyClientClassicProvider;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import uk.gov.dps.infra.KeycloakDist;

/**
 * Real access tokens from the stack's Keycloak: what {@code dps token} prints and what the e2e tests use.
 * Provider ids are arbitrary, so a user per role + council (+ provider) is created or updated on demand through
 * Keycloak's admin client, then logged in with the password grant of the public client {@value DpsRealm#CLI_CLIENT}.
 * The admin client has no call that logs in another user, so the token requests go through its {@code TokenManager}
 * (built per user with that user's credentials), the same token endpoint the admin login uses.
 */
public final class KeycloakTokens {

    /** Password of every demo user; they exist only on developer stacks. */
    public static final String DEMO_PASSWORD = "dps-demo";
    public static final String ROLE_PROVIDER = "provider";

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One HTTP client for every Keycloak instance made here: each token request builds a Keycloak instance around it,
     * and those are never closed, because closing one would close this shared client.
     */
    private final Client http = ResteasyClientClassicProvider.createClientBuilder()
            .connectTimeout(3, TimeUnit.SECONDS).readTimeout(15, TimeUnit.SECONDS)
            .register(JacksonProvider.class, 100).build();
    private final String keycloakUrl;
    private final String realm;
    private final String adminUser;
    private final String adminPassword;
    private final DpsRealm definition = DpsRealm.load();
    private Keycloak admin;

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
            var file = KeycloakDist.adminPasswordFile(config.home());
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
        return invalidUserArguments(definition, role, council, providerId);
    }

    /** The same check against {@code realm}, before any Keycloak or admin password is needed. */
    static String invalidUserArguments(DpsRealm realm, String role, String council, String providerId) {
        List<String> roles = realm.roles();
        List<String> councils = realm.councils();
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

    /** A named user to sign in to the portal with (password {@value #DEMO_PASSWORD}); provider id only for role provider. */
    public record DemoUser(String username, String role, String council, String providerId) {
    }

    /**
     * One person per role (and one placement officer of a second council, to see council scoping), for the portal.
     * The provider user's organisation id is fixed, so its inbox fills once a provider with that id is invited.
     */
    public static final List<DemoUser> PORTAL_DEMO_USERS = List.of(
            new DemoUser("placement-officer", "placement-officer", "cambridgeshire", null),
            new DemoUser("placement-officer-peterborough", "placement-officer", "peterborough", null),
            new DemoUser("panel-member", "panel", "cambridgeshire", null),
            new DemoUser("commissioner", "commissioner", "cambridgeshire", null),
            new DemoUser("provider", ROLE_PROVIDER, "cambridgeshire", "00000000-0000-4000-8000-000000000001"),
            new DemoUser("monitoring-officer", "monitoring-officer", "cambridgeshire", null),
            new DemoUser("finance-officer", "finance-officer", "cambridgeshire", null));

    /** Makes or resets {@link #PORTAL_DEMO_USERS} (their role, council, provider and password); returns them. */
    public List<DemoUser> ensurePortalDemoUsers() {
        for (DemoUser user : PORTAL_DEMO_USERS) {
            upsertDemoUser(user.username(), user.role(), user.council(), user.providerId());
        }
        return PORTAL_DEMO_USERS;
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
        Keycloak client = KeycloakBuilder.builder().serverUrl(keycloakUrl).realm(realm)
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientId(clientId).clientSecret(secret)
                .resteasyClient(http).build();
        try {
            return call("client-credentials grant for " + clientId, () -> client.tokenManager().getAccessTokenString());
        } catch (WebApplicationException e) {
            throw new IllegalStateException("client-credentials grant for " + clientId + " failed: " + describe(e), e);
        }
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
        Keycloak user = KeycloakBuilder.builder().serverUrl(keycloakUrl).realm(realm).grantType(OAuth2Constants.PASSWORD)
                .clientId(DpsRealm.CLI_CLIENT).username(username).password(DEMO_PASSWORD).scope("openid")
                .resteasyClient(http).build();
        try {
            return call("password grant for " + username, () -> user.tokenManager().getAccessTokenString());
        } catch (NotAuthorizedException | BadRequestException e) {
            return null;
        } catch (WebApplicationException e) {
            throw new IllegalStateException("password grant for " + username + " failed: " + describe(e), e);
        }
    }

    private void upsertDemoUser(String username, String role, String council, String provider) {
        RealmResource dps = admin().realm(realm);
        UsersResource users = dps.users();
        UserRepresentation user = new UserRepresentation();
        // No e-mail: the realm does not require one, and a username with a provider id is longer than the 64
        // characters an address may have before the @.
        user.setUsername(username);
        user.setEnabled(true);
        user.setFirstName("Demo");
        user.setLastName(role + " " + council);
        user.setRequiredActions(List.of());
        Map<String, List<String>> attributes = new HashMap<>();
        attributes.put("council", List.of(council));
        attributes.put("provider_id", provider == null ? List.of() : List.of(provider));
        user.setAttributes(attributes);
        CredentialRepresentation password = new CredentialRepresentation();
        password.setType(CredentialRepresentation.PASSWORD);
        password.setValue(DEMO_PASSWORD);
        password.setTemporary(false);
        String what = "setting up the demo user " + username + " through the Keycloak admin API";
        try {
            call(what, () -> {
                List<UserRepresentation> found = users.searchByUsername(username, true);
                String id;
                if (found.isEmpty()) {
                    try (Response created = users.create(user)) {
                        id = CreatedResponseUtil.getCreatedId(created);
                    }
                } else {
                    id = found.get(0).getId();
                    users.get(id).update(user);
                }
                users.get(id).resetPassword(password);
                RoleRepresentation realmRole = dps.roles().get(role).toRepresentation();
                users.get(id).roles().realmLevel().add(List.of(realmRole));
                return id;
            });
        } catch (WebApplicationException e) {
            throw new IllegalStateException(what + " failed: " + describe(e), e);
        }
    }

    /** The admin client, logged in to the master realm once and refreshing its token itself. */
    private synchronized Keycloak admin() {
        if (admin == null) {
            admin = KeycloakBuilder.builder().serverUrl(keycloakUrl).realm("master").clientId("admin-cli")
                    .username(adminUser).password(adminPassword).resteasyClient(http).build();
            try {
                call("Keycloak admin login", () -> admin.tokenManager().getAccessTokenString());
            } catch (WebApplicationException e) {
                admin = null;
                throw new IllegalStateException("Keycloak admin login as '" + adminUser + "' failed: " + describe(e)
                        + " (local stack: password in .dps/keycloak/admin-password; external: DPS_KEYCLOAK_ADMIN_USER/PASSWORD)", e);
            }
        }
        return admin;
    }

    /** Runs a call to Keycloak; one that cannot be reached becomes a clear message. Refusals (HTTP 4xx) pass through. */
    private <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (ProcessingException e) {
            if (e.getCause() instanceof ConnectException) {
                throw new IllegalStateException("Keycloak is not reachable at " + keycloakUrl
                        + " (connection refused); start the stack with ./dps up", e);
            }
            throw new IllegalStateException(what + " at " + keycloakUrl + " failed: " + e.getMessage(), e);
        }
    }

    private static String describe(WebApplicationException e) {
        Response response = e.getResponse();
        String body = "";
        try {
            if (response != null && response.hasEntity()) {
                body = " " + response.readEntity(String.class);
            }
        } catch (RuntimeException unreadable) {
            // the status alone has to do
        }
        return "HTTP " + (response == null ? "?" : response.getStatus()) + body;
    }

    private static JsonNode readJson(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    private static boolean isUuid(String s) {
        try {
            return UUID.fromString(s).toString().equalsIgnoreCase(s);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
