package uk.gov.dps.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The shared defaults as they ship, read by SmallRye Config in the profile a service runs in. */
class DevelopmentCredentialsTest {

    @Test
    void aProductionServiceWithTheDevelopmentPasswordIsRefusedNamingIt() {
        assertEquals(List.of("quarkus.datasource.password (QUARKUS_DATASOURCE_PASSWORD) still has its development "
                + "value"), DevelopmentCredentials.inForce(config("prod", Map.of("quarkus.datasource.password", "dps"))));
    }

    @Test
    void aProductionServiceWithItsOwnSecretOrNoneStarts() {
        assertEquals(List.of(), DevelopmentCredentials.inForce(
                config("prod", Map.of("quarkus.datasource.password", "s3cret-from-the-vault"))));
        assertEquals(List.of(), DevelopmentCredentials.inForce(config("prod", Map.of())));
    }

    @Test
    void developmentAndTestRunWithTheDevelopmentValues() {
        assertEquals(List.of(), DevelopmentCredentials.inForce(config("dev", Map.of())));
        assertEquals(List.of(), DevelopmentCredentials.inForce(config("test", Map.of())));
        assertEquals(List.of(), DevelopmentCredentials.inForce(
                config("dev", Map.of("quarkus.datasource.password", "dps"))));
    }

    @Test
    void theSharedDefaultsGiveNoCredentialOutsideDevelopment() {
        SmallRyeConfig prod = config("prod", Map.of());
        assertEquals(java.util.Optional.empty(), prod.getOptionalValue("quarkus.datasource.password", String.class));
        assertEquals("dps", config("dev", Map.of()).getValue("quarkus.datasource.password", String.class));
    }

    /** This module's shared defaults (ordinal 100) under an environment-like source (ordinal 300). */
    private static SmallRyeConfig config(String profile, Map<String, String> environment) {
        return new SmallRyeConfigBuilder().withProfile(profile).addDefaultSources()
                .withSources(new PropertiesConfigSource(new HashMap<>(environment), "environment", 300))
                .build();
    }
}
