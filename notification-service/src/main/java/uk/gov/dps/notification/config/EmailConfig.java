package uk.gov.dps.notification.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How emails are written and sent; the SMTP relay and From address are the standard {@code quarkus.mailer.*}. */
@ConfigMapping(prefix = "dps.notifications.email")
public interface EmailConfig {

    /** Where replies go (a monitored team address); none: replies go to From. */
    Optional<String> replyTo();

    /** The DPS web application's address, to which the links in emails are relative. */
    @WithDefault("http://localhost:8080")
    String linkBase();

    /** Deliveries claimed at once by one sender. */
    @WithDefault("100")
    int batchSize();

    /** Emails of a batch in flight at once. */
    @WithDefault("8")
    int parallelism();

    /** Attempts before a delivery is FAILED for good. */
    @WithDefault("5")
    int maxAttempts();

    /** Wait before the first retry; doubled after each further failure, up to {@link #maxRetryDelay}. */
    @WithDefault("PT1M")
    Duration retryDelay();

    @WithDefault("PT1H")
    Duration maxRetryDelay();

    /** How long a claimed delivery is left to its sender before another may take it (a sender that died). */
    @WithDefault("PT2M")
    Duration lease();

    /** A send that has not finished by then counts as failed. */
    @WithDefault("PT30S")
    Duration sendTimeout();

    /** How often the sender looks for due deliveries when nothing woke it (retries, other replicas' leftovers). */
    @WithDefault("PT5S")
    Duration safetyNetInterval();
}
