package uk.gov.dps.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Signed bearer tokens for tests, accepted by the services when {@code OidcWiremockTestResource} runs:
 * the same claims Keycloak issues in the {@code dps} realm (role in {@code groups}, {@code council},
 * {@code provider_id}, audience {@code dps-api}).
 */
public final class Tokens {

    public static final String AUDIENCE = "dps-api";

    private Tokens() {
    }

    /** A council user with one role, e.g. {@code forCouncil("commissioner", "cambridgeshire")}. */
    public static String forCouncil(String role, String council) {
        return token(role + "@" + council, Set.of(role), Map.of("council", council));
    }

    /** A user of a provider organisation (role {@code provider}), scoped by {@code provider_id}. */
    public static String forProvider(String providerId) {
        return token("provider-" + providerId, Set.of("provider"), Map.of("provider_id", providerId));
    }

    public static String token(String user, Set<String> roles, Map<String, String> claims) {
        return OidcWiremockTestResource.generateJwtToken(user, roles, user, "Bearer", Set.of(AUDIENCE),
                new HashMap<>(claims));
    }
}
