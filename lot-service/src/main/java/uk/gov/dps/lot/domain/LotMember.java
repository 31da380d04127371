package uk.gov.dps.lot.domain;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A provider's membership of a lot, as provider-service's events describe it. */
@Entity
@Table(name = "lot_member")
@IdClass(LotMember.Key.class)
public class LotMember extends PanacheEntityBase {

    /** The composite id: Hibernate accepts a record as id class. */
    public record Key(UUID lotId, UUID providerId) implements Serializable {
    }

    @Id
    @Column(name = "lot_id")
    public UUID lotId;

    @Id
    @Column(name = "provider_id")
    public UUID providerId;

    @Column(name = "provider_name")
    public String providerName;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] categories = new String[0];

    public String tier;

    /** Suspended members stay members but get no new call-offs. */
    public boolean suspended;

    @Column(name = "admitted_at")
    public Instant admittedAt;

    @Column(name = "changed_at")
    public Instant changedAt;
}
