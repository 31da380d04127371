package uk.gov.dps.placement.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A lot member invited to a call-off: only invited providers may see the referral and respond. */
@Entity
@Table(name = "invitation")
@IdClass(Invitation.Key.class)
public class Invitation extends PanacheEntityBase {

    /** The composite id: Hibernate accepts a record as id class. */
    public record Key(UUID referralId, UUID providerId) implements Serializable {
    }

    @Id
    @Column(name = "referral_id")
    public UUID referralId;

    @Id
    @Column(name = "provider_id")
    public UUID providerId;

    @Column(name = "provider_name")
    public String providerName;

    public String tier;

    @Column(name = "invited_at")
    public Instant invitedAt;

    /** This provider's deadline: in a cascade each tier has its own window. */
    @Column(name = "respond_by")
    public Instant respondBy;

    /** The latest call-off round this provider was invited to. */
    public int round = 1;
}
