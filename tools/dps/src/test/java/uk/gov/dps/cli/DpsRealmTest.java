package uk.gov.dps.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The realm file is the one place for roles, councils and client secrets; these are the facts the code reads. */
class DpsRealmTest {

    private final DpsRealm realm = DpsRealm.load();

    @Test
    void realmHasThePlatformRoles() {
        assertEquals("dps", realm.name());
        assertEquals(List.of("commissioner", "placement-officer", "panel", "provider", "monitoring-officer",
                "finance-officer"), realm.roles());
    }

    @Test
    void councilAttributeAllowsThePartnerCouncils() {
        assertEquals(List.of("cambridgeshire", "peterborough", "essex", "suffolk", "thurrock"), realm.councils());
    }

    @Test
    void eachSystemClientCarriesItsCouncil() {
        assertEquals(List.of("cambridgeshire-system", "peterborough-system"), realm.systemClients());
        assertEquals("cambridgeshire", realm.systemClientCouncil("cambridgeshire-system"));
        assertEquals("peterborough", realm.systemClientCouncil("peterborough-system"));
    }

    @Test
    void clientSecretsAreDevDefaultsUnlessTheEnvironmentSetsThem() {
        String secret = "${DPS_CAMBRIDGESHIRE_SYSTEM_SECRET:cambridgeshire-dev-secret}";

        assertEquals("cambridgeshire-dev-secret", DpsRealm.resolvePlaceholders(secret, Map.of()));
        assertEquals("from-env", DpsRealm.resolvePlaceholders(secret,
                Map.of("DPS_CAMBRIDGESHIRE_SYSTEM_SECRET", "from-env")));
        assertEquals("plain", DpsRealm.resolvePlaceholders("plain", Map.of()));
    }

    @Test
    void thePortalsTokensCarryTheSameClaimsAsTheCommandLines() throws Exception {
        // the services decide on roles, council, provider_id and the dps-api audience: a person signed in to the
        // portal must get exactly what `dps token` gives, or the portal would see more or less than the API
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                DpsRealm.class.getClassLoader().getResourceAsStream(DpsRealm.RESOURCE));
        var mappers = new java.util.HashMap<String, Object>();
        for (var client : json.path("clients")) {
            mappers.put(client.path("clientId").asText(), client.path("protocolMappers"));
        }
        assertEquals(mappers.get(DpsRealm.CLI_CLIENT), mappers.get(DpsRealm.PORTAL_CLIENT));
        for (var client : json.path("clients")) {
            if (DpsRealm.PORTAL_CLIENT.equals(client.path("clientId").asText())) {
                assertEquals("${DPS_PORTAL_CLIENT_SECRET:dps-portal-dev-secret}", client.path("secret").asText());
            }
        }
    }

    @Test
    void tokenArgumentsAreCheckedBeforeAskingKeycloak() {
        KeycloakTokens tokens = new KeycloakTokens("http://localhost:1", "dps", "admin", "unused");

        assertEquals(null, tokens.invalidUserArguments("commissioner", "essex", null));
        assertEquals(null, tokens.invalidUserArguments("provider", "essex", "3f2c7a9e-5b1d-4c2e-9a8f-0d6b1e2c3a4f"));
        assertEquals("unknown role 'mayor'; choose one of commissioner, placement-officer, panel, provider,"
                + " monitoring-officer, finance-officer", tokens.invalidUserArguments("mayor", "essex", null));
        assertEquals("unknown council 'kent'; choose one of cambridgeshire, peterborough, essex, suffolk, thurrock",
                tokens.invalidUserArguments("panel", "kent", null));
        assertEquals("role provider needs --provider PROVIDER_ID (the provider organisation's id)",
                tokens.invalidUserArguments("provider", "essex", null));
        assertEquals("provider id must be a UUID like 3f2c7a9e-5b1d-4c2e-9a8f-0d6b1e2c3a4f, was 'acme'",
                tokens.invalidUserArguments("provider", "essex", "acme"));
    }
}
