package uk.gov.dps.spend.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A contract envelope: a council's ceiling on what placements in one lot with the named providers may commit over
 * the contract period (the seed: out-of-school tuition, valued £1m, committed £2m). Spot purchases with the same
 * providers are off contract and do not count against it; they are shown beside it.
 */
@Entity
@Table(name = "contract")
public class Contract extends PanacheEntityBase {

    @Id
    public UUID id;

    public String council;

    public String name;

    @Column(name = "lot_id")
    public UUID lotId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "provider_ids")
    public UUID[] providerIds;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Column(name = "value_pence")
    public long valuePence;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Version
    public long version;

    public boolean overlaps(FinancialYear year) {
        return !startDate.isAfter(year.lastDay()) && !endDate.isBefore(year.firstDay());
    }
}
