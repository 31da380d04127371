package uk.gov.dps.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The platform clock in tests (UK time): runs from {@code dps.clock.as-of} like the real one and can be moved on, so that
 * deadlines, reminders and retries fall due without the test sleeping (sleep-based waits fail on a loaded machine).
 * Only ever moved forwards: a module's test classes share one application. A module uses it by indexing this jar
 * ({@code quarkus.index-dependency.dps-testing.*} in its test application.properties).
 */
@Alternative
@Priority(1)
@Singleton
public class AdjustableClock extends Clock {

    private final Clock running;
    private volatile Duration movedOn = Duration.ZERO;

    @Inject
    AdjustableClock(@ConfigProperty(name = "dps.clock.as-of") Optional<Instant> asOf) {
        Clock system = Clock.system(ZoneId.of("Europe/London"));
        this.running = asOf.map(start -> Clock.offset(system, Duration.between(system.instant(), start))).orElse(system);
    }

    public void moveOn(Duration duration) {
        movedOn = movedOn.plus(duration);
    }

    @Override
    public Instant instant() {
        return running.instant().plus(movedOn);
    }

    @Override
    public ZoneId getZone() {
        return running.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(running.withZone(zone), movedOn);
    }
}
