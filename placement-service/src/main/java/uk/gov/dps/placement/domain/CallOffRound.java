package uk.gov.dps.placement.domain;

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

/** One call-off round of a referral that was re-run: its terms and whom it invited, kept as history. */
@Entity
@Table(name = "call_off_round")
@IdClass(CallOffRound.Key.class)
public class CallOffRound extends PanacheEntityBase {

    public record Key(UUID referralId, int round) implements Serializable {
    }

    @Id
    @Column(name = "referral_id")
    public UUID referralId;

    @Id
    public int round;

    public String category;

    public String tier;

    @Column(name = "respond_by")
    public Instant respondBy;

    @Column(name = "called_off_at")
    public Instant calledOffAt;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "invited_provider_ids")
    public UUID[] invitedProviderIds = new UUID[0];
}
