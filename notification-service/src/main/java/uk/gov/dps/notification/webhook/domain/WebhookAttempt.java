package uk.gov.dps.notification.webhook.domain;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One POST of a delivery: the receiver's status code, or the error when there was no answer. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "delivery_id")
    public UUID deliveryId;

    @Column(name = "attempted_at")
    public Instant attemptedAt;

    @Column(name = "status_code")
    public Integer statusCode;

    public String error;

    @Column(name = "duration_ms")
    public long durationMs;
}
