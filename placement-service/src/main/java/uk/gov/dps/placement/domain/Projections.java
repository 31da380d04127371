package uk.gov.dps.placement.domain;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** placement-service's own copies of other services' facts, kept from their events. */
public final class Projections {

    private Projections() {
    }

    /** A lot, from dps.lots. */
    @Entity
    @Table(name = "lot_view")
    public static class LotView extends PanacheEntityBase {

        @Id
        @Column(name = "lot_id")
        public UUID lotId;

        public String code;

        public String name;

        @Column(name = "service_type")
        public String serviceType;

        @JdbcTypeCode(SqlTypes.ARRAY)
        public String[] categories = new String[0];

        @JdbcTypeCode(SqlTypes.ARRAY)
        public String[] councils = new String[0];

        public boolean tiered;

        public boolean hasCategory(String code) {
            return Arrays.asList(categories).contains(code);
        }

        public boolean servesCouncil(String council) {
            return Arrays.asList(councils).contains(council);
        }
    }

    /** A member of a lot, from dps.providers. */
    @Entity
    @Table(name = "lot_member")
    @IdClass(LotMember.Key.class)
    public static class LotMember extends PanacheEntityBase {

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

        public boolean suspended;
    }

    /** A provider's latest judgement and risk rating, from dps.quality. */
    @Entity
    @Table(name = "provider_quality")
    public static class ProviderQuality extends PanacheEntityBase {

        @Id
        @Column(name = "provider_id")
        public UUID providerId;

        @Column(name = "latest_judgement")
        public String latestJudgement;

        @Column(name = "judged_on")
        public LocalDate judgedOn;

        @Column(name = "risk_rating")
        public String riskRating;
    }
}
