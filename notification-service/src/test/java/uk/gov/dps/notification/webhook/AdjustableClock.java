package uk.gov.dps.notification.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import uk.gov.dps.runtime.PlatformClock;

/**
 * The platform clock in tests: runs from {@code dps.clock.as-of} like the real one and can be moved on, so that
 * retries fall due without the test sleeping through the back-off. Only ever moved forwards, and by minutes: the
 * test classes share one application.
 */
@Alternative
@Priority(1)
@Singleton
public class AdjustableClock extends Clock {

    private final Clock running;
    private volatile Duration movedOn = Duration.ZERO;

    @Inject
    AdjustableClock(@ConfigProperty(name = "dps.clock.as-of") Instant asOf) {
        Clock system = Clock.system(PlatformClock.UK);
        this.running = Clock.offset(system, Duration.between(system.instant(), asOf));
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
