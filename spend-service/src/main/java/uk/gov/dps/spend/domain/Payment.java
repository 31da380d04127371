package uk.gov.dps.spend.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
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

/**
 * A council paid an approved invoice in full on {@link #paidOn}. Split between the placement's funders to the penny
 * ({@link FundingSplit#allocate}); the HEALTH share is recharged to {@link #icbCode}.
 */
@Entity
@Table(name = "payment")
public class Payment extends PanacheEntityBase {

    /** Who recorded it: a finance officer by hand, or the council's finance system over REST. */
    public enum Source {
        FINANCE_OFFICER, FINANCE_SYSTEM
    }

    @Id
    public UUID id;

    @Column(name = "invoice_id")
    public UUID invoiceId;

    public String council;

    @Column(name = "placement_id")
    public UUID placementId;

    @Column(name = "provider_id")
    public UUID providerId;

    @Column(name = "amount_pence")
    public long amountPence;

    /** Funding stream → pence, adding up to the amount. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Long> shares = new HashMap<>();

    @Column(name = "icb_code")
    public String icbCode;

    @Column(name = "paid_on")
    public LocalDate paidOn;

    @Column(name = "payment_reference")
    public String paymentReference;

    @Enumerated(EnumType.STRING)
    public Source source;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;
}
