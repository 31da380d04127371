package uk.gov.dps.portal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;

/**
 * Outside the {@code dev} and {@code test} profiles (a packaged jar runs as {@code prod}) the portal refuses to start
 * while its client secret is missing or still has the value the {@code %dev} or {@code %test} profile gives it, as
 * the services do with their database credentials (DevelopmentCredentials in platform/runtime, which the portal does
 * not carry: it has no database). The real secret comes from QUARKUS_OIDC_CREDENTIALS_SECRET.
 */
@Singleton
public class DevelopmentSecret {

    static final String SECRET = "quarkus.oidc.credentials.secret";
    static final String ENVIRONMENT = "QUARKUS_OIDC_CREDENTIALS_SECRET";
    static final List<String> DEVELOPMENT_PROFILES = List.of("dev", "test");

    @Inject
    Config config;

    void onStart(@Observes @Priority(1) StartupEvent started) {
        String problem = problem(config);
        if (problem != null) {
            throw new IllegalStateException("Refusing to start in profile "
                    + config.unwrap(SmallRyeConfig.class).getProfiles() + ": " + problem
                    + ". Set the dps-portal client's real secret, or run with QUARKUS_PROFILE=dev on a development"
                    + " machine.");
        }
    }

    /** What is wrong with the client secret in this configuration, or null (always null in dev and test). */
    static String problem(Config config) {
        List<String> profiles = config.unwrap(SmallRyeConfig.class).getProfiles();
        if (profiles.stream().anyMatch(DEVELOPMENT_PROFILES::contains)) {
            return null;
        }
        Optional<String> value = config.getOptionalValue(SECRET, String.class);
        if (value.isEmpty() || value.get().isBlank()) {
            return SECRET + " (" + ENVIRONMENT + ") is not set";
        }
        if (developmentValues(config).contains(value.get())) {
            return SECRET + " (" + ENVIRONMENT + ") still has its development value";
        }
        return null;
    }

    private static List<String> developmentValues(Config config) {
        List<String> values = new ArrayList<>();
        for (ConfigSource source : config.getConfigSources()) {
            for (String profile : DEVELOPMENT_PROFILES) {
                values.add(source.getValue("%" + profile + "." + SECRET));
            }
        }
        values.removeIf(Objects::isNull);
        return values;
    }
}
