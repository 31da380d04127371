package uk.gov.dps.notification.webhook.domain;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One event for one subscription. Its id is the {@code webhook-id} header, the same on every attempt, so that a
 * receiver can drop repeats; its body is fixed when it is created, so every attempt signs the same bytes.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    public enum Status {
        PENDING, DELIVERED, FAILED
    }

    @Id
    public UUID id;

    @Column(name = "subscription_id")
    public UUID subscriptionId;

    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_type")
    public String eventType;

    public String body;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "attempt_count")
    public int attemptCount;

    @Column(name = "retry_step")
    public int retryStep;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Version
    public long version;
}
