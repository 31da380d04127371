package uk.gov.dps.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import uk.gov.dps.cli.KeycloakTokens;

/** Tokens come from the stack's Keycloak and carry what the services authorise on. */
class TokensIT {

    @BeforeAll
    static void stackIsUp() {
        RunningStack.requireUp();
    }

    @Test
    void userTokenCarriesRoleCouncilAndAudience() {
        JsonNode claims = KeycloakTokens.claims(RunningStack.token("commissioner", "cambridgeshire"));

        assertEquals(RunningStack.CONFIG.oidcUrl(), claims.path("iss").asText());
        assertTrue(strings(claims.path("aud")).contains("dps-api"), "aud " + claims.path("aud"));
        assertTrue(strings(claims.path("realm_access").path("roles")).contains("commissioner"));
        assertTrue(strings(claims.path("groups")).contains("commissioner"), "groups " + claims.path("groups"));
        assertFalse(strings(claims.path("groups")).contains("finance-officer"));
        assertEquals("cambridgeshire", claims.path("council").asText());
        assertFalse(claims.has("provider_id"));
    }

    @Test
    void providerUserTokenCarriesItsProviderId() {
        String providerId = UUID.randomUUID().toString();

        // the longest council name: the demo username then holds 65 characters
        JsonNode claims = KeycloakTokens.claims(RunningStack.TOKENS.userToken("provider", "cambridgeshire", providerId));

        assertEquals(providerId, claims.path("provider_id").asText());
        assertEquals("cambridgeshire", claims.path("council").asText());
        assertTrue(strings(claims.path("groups")).contains("provider"));
    }

    @Test
    void theSameDemoUserCanBeAskedForAgain() {
        JsonNode first = KeycloakTokens.claims(RunningStack.token("panel", "suffolk"));
        JsonNode second = KeycloakTokens.claims(RunningStack.token("panel", "suffolk"));

        assertEquals(first.path("sub").asText(), second.path("sub").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"cambridgeshire", "peterborough"})
    void councilSystemGetsATokenByClientCredentials(String council) {
        JsonNode claims = KeycloakTokens.claims(RunningStack.TOKENS.systemToken(council + "-system"));

        assertEquals(council + "-system", claims.path("azp").asText());
        assertEquals(council, claims.path("council").asText());
        assertTrue(strings(claims.path("aud")).contains("dps-api"), "aud " + claims.path("aud"));
        List<String> roles = strings(claims.path("groups"));
        assertTrue(roles.containsAll(List.of("placement-officer", "finance-officer")), "groups " + roles);
        assertFalse(roles.contains("commissioner"));
    }

    @Test
    void aWrongClientSecretGetsNoToken() {
        assertThrows(IllegalStateException.class,
                () -> RunningStack.TOKENS.clientCredentialsToken("cambridgeshire-system", "not-the-secret"));
    }

    @Test
    void unknownRolesAndCouncilsAreRefusedWithAClearMessage() {
        IllegalArgumentException role = assertThrows(IllegalArgumentException.class,
                () -> RunningStack.TOKENS.userToken("admin", "essex", null));
        assertTrue(role.getMessage().contains("commissioner"), role.getMessage());
        IllegalArgumentException council = assertThrows(IllegalArgumentException.class,
                () -> RunningStack.TOKENS.userToken("panel", "kent", null));
        assertTrue(council.getMessage().contains("thurrock"), council.getMessage());
    }

    /** A claim that is one string or an array of strings (aud is either). */
    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        } else if (!node.isMissingNode()) {
            values.add(node.asText());
        }
        return values;
    }
}
