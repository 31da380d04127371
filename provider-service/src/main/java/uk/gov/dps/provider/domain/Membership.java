package uk.gov.dps.provider.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A provider's membership of a lot. A suspended member stays a member but gets no new call-offs. */
@Entity
@Table(name = "membership")
@IdClass(Membership.Key.class)
public class Membership extends PanacheEntityBase {

    public enum Status {
        ACTIVE, SUSPENDED
    }

    /** The composite id: Hibernate accepts a record as id class. */
    public record Key(UUID providerId, UUID lotId) implements Serializable {
    }

    @Id
    @Column(name = "provider_id")
    public UUID providerId;

    @Id
    @Column(name = "lot_id")
    public UUID lotId;

    @Column(name = "application_id")
    public UUID applicationId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] categories = new String[0];

    public String tier;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "admitted_at")
    public Instant admittedAt;

    @Column(name = "suspended_reason")
    public String suspendedReason;

    @Version
    public long version;
}
