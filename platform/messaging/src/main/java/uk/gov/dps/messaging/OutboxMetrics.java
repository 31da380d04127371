package uk.gov.dps.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * How far the outbox relay is behind, read from the outbox table when Prometheus scrapes:
 * {@code dps_outbox_backlog_events} (rows not yet acknowledged by Kafka) and {@code dps_outbox_oldest_age_seconds}
 * (how long the oldest of them has waited; 0 when none waits). Normally both stay near 0: the relay sends right
 * after each commit. A backlog that grows means Kafka is unreachable or the relay is stuck.
 * <p>
 * Both gauges share one query, re-run at most four times a second; the outbox is near empty, so it is cheap.
 */
@ApplicationScoped
public class OutboxMetrics {

    private static final Logger LOG = Logger.getLogger(OutboxMetrics.class);
    private static final Duration FRESH_FOR = Duration.ofMillis(250);

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry metrics;

    /** The clock the outbox stamps occurred_at with (the platform clock, possibly shifted): ages use it too. */
    @Inject
    Clock clock;

    private volatile Snapshot last = new Snapshot(Instant.MIN, Double.NaN, Double.NaN);

    void register(@Observes StartupEvent event) {
        Gauge.builder("dps.outbox.backlog", this, m -> m.snapshot().backlog())
                .description("Events written to the outbox and not yet acknowledged by Kafka")
                .baseUnit("events").register(metrics);
        Gauge.builder("dps.outbox.oldest.age", this, m -> m.snapshot().oldestAgeSeconds())
                .description("How long the oldest unsent outbox event has waited (0 when none waits)")
                .baseUnit("seconds").register(metrics);
    }

    synchronized Snapshot snapshot() {
        Instant now = Instant.now();
        if (Duration.between(last.readAt(), now).compareTo(FRESH_FOR) < 0) {
            return last;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT count(*), min(occurred_at) FROM outbox_event");
                ResultSet rs = select.executeQuery()) {
            rs.next();
            long backlog = rs.getLong(1);
            Timestamp oldest = rs.getTimestamp(2);
            double age = oldest == null ? 0
                    : Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toMillis() / 1000.0);
            last = new Snapshot(now, backlog, age);
        } catch (SQLException e) {
            // NaN, not a stale number: the database is unreachable, which readiness and other alerts report
            LOG.debugf("cannot read the outbox backlog: %s", e.getMessage());
            last = new Snapshot(now, Double.NaN, Double.NaN);
        }
        return last;
    }

    record Snapshot(Instant readAt, double backlog, double oldestAgeSeconds) {
    }
}
