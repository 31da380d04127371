package uk.gov.dps.notification.webhook.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A council system's callback: the event types it wants, posted to its URL and signed with its secret. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    /** PARKED: its deliveries failed for too long; nothing is sent or queued until the council enables it. */
    public enum Status {
        ACTIVE, PARKED
    }

    @Id
    public UUID id;

    public String council;

    public String url;

    public String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types")
    public String[] eventTypes;

    public String secret;

    @Column(name = "previous_secret")
    public String previousSecret;

    @Column(name = "previous_secret_until")
    public Instant previousSecretUntil;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "parked_reason")
    public String parkedReason;

    @Column(name = "parked_at")
    public Instant parkedAt;

    @Column(name = "failing_since")
    public Instant failingSince;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Version
    public long version;

    /** The secrets that sign a delivery at {@code now}: the current one, and the previous one for a while. */
    public List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(2);
        secrets.add(secret);
        if (previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }
}
