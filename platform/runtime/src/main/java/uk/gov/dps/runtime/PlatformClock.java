package uk.gov.dps.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

/**
 * The platform's clock, in UK time. {@code dps.clock.as-of} (an instant, e.g. {@code 2018-10-09T09:00:00Z})
 * makes the platform run as of that moment and tick on from it, so the working-day and commitment rules
 * behave as they did on the day the committee paper was written, and tests can pin the date.
 */
public class PlatformClock {

    public static final ZoneId UK = ZoneId.of("Europe/London");

    @Produces
    @Singleton
    Clock clock(@ConfigProperty(name = "dps.clock.as-of") Optional<Instant> asOf) {
        Clock system = Clock.system(UK);
        return asOf.map(start -> Clock.offset(system, Duration.between(system.instant(), start))).orElse(system);
    }
}
