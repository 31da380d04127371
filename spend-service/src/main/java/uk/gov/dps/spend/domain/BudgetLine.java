package uk.gov.dps.spend.domain;

import java.math.BigDecimal;
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
 * One council's budget for one funding stream in one financial year, optionally for one lot or one contract only.
 * Money is held in pence.
 */
@Entity
@Table(name = "budget_line")
public class BudgetLine extends PanacheEntityBase {

    @Id
    public UUID id;

    public String council;

    /** The calendar year the financial year starts in: 2018 is 1 April 2018 to 31 March 2019. */
    @Column(name = "financial_year")
    public int financialYear;

    @Enumerated(EnumType.STRING)
    @Column(name = "funding_stream")
    public FundingStream fundingStream;

    public String name;

    @Column(name = "amount_pence")
    public long amountPence;

    /** Only placements in this lot count against the line. */
    @Column(name = "lot_id")
    public UUID lotId;

    /** Only placements under this contract (its lot and providers, on contract, in its period) count. */
    @Column(name = "contract_id")
    public UUID contractId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    @Version
    public long version;

    public BigDecimal amountPounds() {
        return Money.pounds(amountPence);
    }

    public FinancialYear year() {
        return new FinancialYear(financialYear);
    }
}
