package uk.gov.dps.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * A service outside the {@code dev} and {@code test} profiles (a packaged jar runs as {@code prod}) refuses to start
 * while a secret still has the value the {@code %dev} or {@code %test} profile gives it, naming the setting: the
 * development credentials in this module's defaults must never guard real data. {@code ./dps up} and the compose
 * file run the services with {@code QUARKUS_PROFILE=dev}. The check runs when Flyway is set up, before it migrates
 * anything, and again at startup.
 */
@Singleton
public class DevelopmentCredentials implements FlywayConfigurationCustomizer {

    /** The settings that hold secrets; their development values are whatever the dev and test profiles set. */
    static final List<String> SECRETS = List.of("quarkus.datasource.password");

    static final List<String> DEVELOPMENT_PROFILES = List.of("dev", "test");

    @Inject
    Config config;

    /** Flyway's migration at start is the first thing a service does with its database. */
    @Override
    public void customize(FluentConfiguration flyway) {
        refuseInProduction();
    }

    void onStart(@Observes @Priority(1) StartupEvent started) {
        refuseInProduction();
    }

    private void refuseInProduction() {
        List<String> inForce = inForce(config);
        if (!inForce.isEmpty()) {
            throw new IllegalStateException("Refusing to start in profile "
                    + config.unwrap(SmallRyeConfig.class).getProfiles() + " with development credentials: "
                    + String.join("; ", inForce)
                    + ". Set real secrets, or run with QUARKUS_PROFILE=dev on a development machine.");
        }
    }

    /** What is wrong, one entry per secret that still has its development value; empty in dev and test. */
    static List<String> inForce(Config config) {
        List<String> profiles = config.unwrap(SmallRyeConfig.class).getProfiles();
        if (profiles.stream().anyMatch(DEVELOPMENT_PROFILES::contains)) {
            return List.of();
        }
        List<String> inForce = new ArrayList<>();
        for (String secret : SECRETS) {
            Optional<String> value = config.getOptionalValue(secret, String.class);
            if (value.isPresent() && developmentValues(config, secret).contains(value.get())) {
                inForce.add(secret + " (" + environmentName(secret) + ") still has its development value");
            }
        }
        return inForce;
    }

    /** The raw {@code %dev.} and {@code %test.} values of a setting in every configuration source. */
    private static List<String> developmentValues(Config config, String name) {
        List<String> values = new ArrayList<>();
        for (ConfigSource source : config.getConfigSources()) {
            for (String profile : DEVELOPMENT_PROFILES) {
                values.add(source.getValue("%" + profile + "." + name));
            }
        }
        values.removeIf(Objects::isNull);
        return values;
    }

    private static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }
}
