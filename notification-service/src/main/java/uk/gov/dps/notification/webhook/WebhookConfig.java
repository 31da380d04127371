package uk.gov.dps.notification.webhook;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Webhooks for partner councils' systems ({@code dps.webhooks.*}; see application.properties). */
@ConfigMapping(prefix = "dps.webhooks")
public interface WebhookConfig {

    /**
     * Accept http://localhost and 127.0.0.1 callbacks (development and tests only): otherwise a callback must be
     * https on a host that resolves to public addresses only.
     */
    @WithDefault("false")
    boolean allowLocalhost();

    /** Delays before each retry of a failed delivery; once used up, the delivery is FAILED. */
    @WithDefault("5s,5m,30m,2h,5h,10h,10h")
    List<Duration> retrySchedule();

    /** Each delay is moved by up to this fraction either way, so that retries of many deliveries spread out. */
    @WithDefault("0.1")
    double retryJitter();

    /** A subscription whose deliveries have failed this long without one success is parked. */
    @WithDefault("24h")
    Duration parkAfter();

    /** How long one POST to a receiver may take, connection included. */
    @WithDefault("10s")
    Duration timeout();

    /** How many deliveries are posted at once (one at a time per subscription). */
    @WithDefault("8")
    int concurrency();

    /** How often the sender looks for due deliveries when nothing woke it. */
    @WithDefault("1s")
    Duration pollInterval();

    /** After a secret rotation, deliveries are signed with the old secret too for this long. */
    @WithDefault("24h")
    Duration previousSecretValidity();
}
