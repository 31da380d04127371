package uk.gov.dps.portal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** The portal's client secret in production: set, and never the development value. */
class DevelopmentSecretTest {

    private static final Map<String, String> FILE = Map.of("%dev.quarkus.oidc.credentials.secret", "dps-portal-dev-secret");

    @Test
    void productionRefusesTheDevelopmentSecret() {
        assertThat(DevelopmentSecret.problem(config("prod", "dps-portal-dev-secret")))
                .isEqualTo("quarkus.oidc.credentials.secret (QUARKUS_OIDC_CREDENTIALS_SECRET) still has its development value");
    }

    @Test
    void productionRefusesNoSecret() {
        assertThat(DevelopmentSecret.problem(config("prod", null)))
                .isEqualTo("quarkus.oidc.credentials.secret (QUARKUS_OIDC_CREDENTIALS_SECRET) is not set");
    }

    @Test
    void productionAcceptsARealSecret() {
        assertThat(DevelopmentSecret.problem(config("prod", "a-real-secret-from-the-vault"))).isNull();
    }

    @Test
    void developmentTakesItsOwnValue() {
        assertThat(DevelopmentSecret.problem(config("dev", null))).isNull();
    }

    private static SmallRyeConfig config(String profile, String environmentSecret) {
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withProfile(profile)
                .withSources(new PropertiesConfigSource(FILE, "application.properties", 250));
        if (environmentSecret != null) {
            builder.withSources(new PropertiesConfigSource(Map.of("quarkus.oidc.credentials.secret", environmentSecret),
                    "environment", 300));
        }
        return builder.build();
    }
}
