package uk.gov.dps.spend.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * A placement as spend knows it from {@code dps.placements}: who pays, how much, from when to when. Its figures
 * are recomputed from this state whenever one of its events arrives.
 */
@Entity
@Table(name = "tracked_placement")
public class TrackedPlacement extends PanacheEntityBase {

    @Id
    public UUID id;

    public String council;

    @Column(name = "lot_id")
    public UUID lotId;

    @Column(name = "lot_key")
    public UUID lotKey;

    @Column(name = "provider_id")
    public UUID providerId;

    @Column(name = "provider_key")
    public UUID providerKey;

    @Column(name = "service_type")
    public String serviceType;

    @Enumerated(EnumType.STRING)
    public PlacementPattern pattern;

    @Column(name = "off_contract")
    public boolean offContract;

    @Column(name = "planned_start")
    public LocalDate plannedStart;

    @Column(name = "start_date")
    public LocalDate startDate;

    @Column(name = "end_date")
    public LocalDate endDate;

    @Column(name = "expected_end")
    public LocalDate expectedEnd;

    @Column(name = "weekly_fee_pence")
    public long weeklyFeePence;

    /** ISO date → weekly fee in pence from that day. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "fee_changes")
    public Map<String, Long> feeChanges = new HashMap<>();

    /** Funding stream → basis points (hundredths of a percent), adding up to 10,000. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "funding_shares")
    public Map<String, Integer> fundingShares = new HashMap<>();

    @Column(name = "horizon_year")
    public int horizonYear;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    /** The actual start once it started, the planned one until then. */
    public LocalDate firstDay() {
        return startDate != null ? startDate : plannedStart;
    }

    public FundingSplit split() {
        List<FundingSplit.Share> shares = new ArrayList<>();
        fundingShares.forEach((stream, bp) -> shares.add(new FundingSplit.Share(FundingStream.valueOf(stream), bp)));
        return new FundingSplit(shares);
    }

    public void setSplit(FundingSplit split) {
        Map<String, Integer> shares = new HashMap<>();
        split.shares().forEach(s -> shares.put(s.stream().name(), s.basisPoints()));
        fundingShares = shares;
    }

    public FeeTimeline fees() {
        TreeMap<LocalDate, Long> changes = new TreeMap<>();
        feeChanges.forEach((day, pence) -> changes.put(LocalDate.parse(day), pence));
        return FeeTimeline.of(weeklyFeePence, changes);
    }

    public void changeFee(LocalDate effectiveFrom, long weeklyPence) {
        Map<String, Long> changes = new HashMap<>(feeChanges);
        changes.put(effectiveFrom.toString(), weeklyPence);
        feeChanges = changes; // a new map: Hibernate sees the JSON column changed
    }

    /** The terms as they stand, with the horizon as stored. */
    public PlacementTerms terms() {
        return new PlacementTerms(new PlacementTerms.Booking(council, lotKey, providerKey, offContract), pattern,
                firstDay(), endDate, fees(), split(), new FinancialYear(horizonYear));
    }

    /** Brings the horizon up to date for {@code today} (see {@link PlacementTerms#horizon}). */
    public void refreshHorizon(LocalDate today) {
        horizonYear = PlacementTerms.horizon(firstDay(), endDate, today).startYear();
    }
}
