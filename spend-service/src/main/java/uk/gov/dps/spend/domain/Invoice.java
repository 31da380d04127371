package uk.gov.dps.spend.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
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
import jakarta.persistence.Version;

/**
 * A provider's invoice for one placement and one period inside a financial year, checked against the agreement when
 * it arrived ({@link #expectedPence}: what the commitment puts on the period's days). A finance officer of the
 * placement's council approves or disputes it once; an approved invoice is paid once, in full.
 */
@Entity
@Table(name = "invoice")
public class Invoice extends PanacheEntityBase {

    public enum Status {
        SUBMITTED, APPROVED, DISPUTED, PAID
    }

    /** A difference of up to a penny either way is rounding, not a mismatch. */
    public static final long TOLERANCE_PENCE = 1;

    @Id
    public UUID id;

    @Column(name = "invoice_number")
    public String invoiceNumber;

    @Column(name = "placement_id")
    public UUID placementId;

    @Column(name = "provider_id")
    public UUID providerId;

    public String council;

    @Column(name = "financial_year")
    public int financialYear;

    @Column(name = "lot_key")
    public UUID lotKey;

    @Column(name = "provider_key")
    public UUID providerKey;

    @Column(name = "off_contract")
    public boolean offContract;

    @Column(name = "period_from")
    public LocalDate periodFrom;

    @Column(name = "period_to")
    public LocalDate periodTo;

    @Column(name = "amount_pence")
    public long amountPence;

    @Column(name = "expected_pence")
    public long expectedPence;

    public boolean flagged;

    /** Funding stream → pence of the amount. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "amount_shares")
    public Map<String, Long> amountShares = new HashMap<>();

    /** Funding stream → pence the commitment puts on the period's days, as the placement's terms now stand. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "commitment_shares")
    public Map<String, Long> commitmentShares = new HashMap<>();

    @Enumerated(EnumType.STRING)
    public Status status;

    public String reason;

    @Column(name = "received_on")
    public LocalDate receivedOn;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Version
    public long version;

    /** Amount minus expected: positive when the provider asks for more than the agreement says. */
    public long differencePence() {
        return amountPence - expectedPence;
    }

    public static boolean mismatch(long amountPence, long expectedPence) {
        return Math.abs(amountPence - expectedPence) > TOLERANCE_PENCE;
    }

    public boolean overlaps(LocalDate from, LocalDate to) {
        return !periodFrom.isAfter(to) && !periodTo.isBefore(from);
    }

    public static Map<String, Long> byName(Map<FundingStream, Long> byStream) {
        Map<String, Long> named = new HashMap<>();
        byStream.forEach((stream, pence) -> named.put(stream.name(), pence));
        return named;
    }

    public static Map<FundingStream, Long> byStream(Map<String, Long> byName) {
        Map<FundingStream, Long> streams = new EnumMap<>(FundingStream.class);
        byName.forEach((stream, pence) -> streams.put(FundingStream.valueOf(stream), pence));
        return streams;
    }
}
