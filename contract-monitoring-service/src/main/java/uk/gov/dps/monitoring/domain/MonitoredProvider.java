package uk.gov.dps.monitoring.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 * A provider as contract monitoring knows it: named and placed in lots by provider-service's events, its
 * children placed counted from placement-service's events, and its current risk rating with the reasons.
 */
@Entity
@Table(name = "monitored_provider")
public class MonitoredProvider extends PanacheEntityBase {

    @Id
    @Column(name = "provider_id")
    public UUID providerId;

    public String name;

    @Column(name = "ofsted_urn")
    public String ofstedUrn;

    @Column(name = "cqc_id")
    public String cqcId;

    @Column(name = "lot_ids")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] lotIds = new String[0];

    @Column(name = "suspended_lot_ids")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] suspendedLotIds = new String[0];

    @Column(name = "active_placements")
    public int activePlacements;

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_rating")
    public RiskRating riskRating = RiskRating.GREEN;

    @Column(name = "risk_rank")
    public short riskRank = (short) RiskRating.GREEN.rank();

    @Column(name = "risk_reasons")
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> riskReasons = new ArrayList<>();

    @Column(name = "rated_since")
    public Instant ratedSince;

    @Column(name = "assessed_at")
    public Instant assessedAt;

    @Version
    public long version;

    /** @return true when the rating changed (the reasons are always the latest) */
    public boolean rate(RiskRating rating, List<String> reasons, Instant at) {
        boolean changed = rating != riskRating;
        riskReasons = new ArrayList<>(reasons);
        assessedAt = at;
        if (changed) {
            riskRating = rating;
            riskRank = (short) rating.rank();
            ratedSince = at;
        }
        return changed;
    }

    public void admittedTo(UUID lotId) {
        lotIds = with(lotIds, lotId.toString());
        suspendedLotIds = without(suspendedLotIds, List.of(lotId.toString()));
    }

    public void withdrawnFrom(List<UUID> lots) {
        List<String> ids = lots.stream().map(UUID::toString).toList();
        lotIds = without(lotIds, ids);
        suspendedLotIds = without(suspendedLotIds, ids);
    }

    public void suspendedIn(List<UUID> lots) {
        for (UUID lot : lots) {
            if (Arrays.asList(lotIds).contains(lot.toString())) {
                suspendedLotIds = with(suspendedLotIds, lot.toString());
            }
        }
    }

    public void reinstatedIn(List<UUID> lots) {
        suspendedLotIds = without(suspendedLotIds, lots.stream().map(UUID::toString).toList());
    }

    public boolean isSuspendedAnywhere() {
        return suspendedLotIds.length > 0;
    }

    private static String[] with(String[] values, String value) {
        return Arrays.asList(values).contains(value) ? values
                : java.util.stream.Stream.concat(Arrays.stream(values), java.util.stream.Stream.of(value))
                        .toArray(String[]::new);
    }

    private static String[] without(String[] values, List<String> removed) {
        return Arrays.stream(values).filter(v -> !removed.contains(v)).toArray(String[]::new);
    }
}
