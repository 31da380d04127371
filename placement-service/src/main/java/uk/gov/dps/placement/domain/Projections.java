package uk.gov.dps.placement.domain;

import java.io.Serializable;
import java.time.Instant;
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

    /** A setting a provider runs, with its Statement of Purpose profile and owner group, from dps.providers. */
    @Entity
    @Table(name = "setting_view")
    public static class SettingView extends PanacheEntityBase {

        @Id
        @Column(name = "setting_id")
        public UUID settingId;

        @Column(name = "provider_id")
        public UUID providerId;

        public String name;

        public String kind;

        @Column(name = "ofsted_urn")
        public String ofstedUrn;

        @Column(name = "dfe_number")
        public String dfeNumber;

        @Column(name = "postcode_district")
        public String postcodeDistrict;

        public String country;

        @Column(name = "registered_places")
        public int registeredPlaces;

        @Column(name = "min_age")
        public int minAge;

        @Column(name = "max_age")
        public int maxAge;

        @JdbcTypeCode(SqlTypes.ARRAY)
        public String[] sexes = new String[0];

        @JdbcTypeCode(SqlTypes.ARRAY)
        public String[] needs = new String[0];

        @Column(name = "emergency_admissions")
        public boolean emergencyAdmissions;

        @Column(name = "solo_placement")
        public boolean soloPlacement;

        @Column(name = "owner_group_name")
        public String ownerGroupName;

        @Column(name = "owner_group_number")
        public String ownerGroupNumber;

        @Column(name = "for_profit")
        public boolean forProfit;

        public boolean active;

        @Column(name = "changed_at")
        public Instant changedAt;
    }

    /** A vacancy at a setting, open or withdrawn, from dps.providers. */
    @Entity
    @Table(name = "vacancy_view")
    public static class VacancyView extends PanacheEntityBase {

        @Id
        @Column(name = "vacancy_id")
        public UUID vacancyId;

        @Column(name = "setting_id")
        public UUID settingId;

        @Column(name = "provider_id")
        public UUID providerId;

        public int places;

        @Column(name = "available_from")
        public LocalDate availableFrom;

        @Column(name = "min_age")
        public Integer minAge;

        @Column(name = "max_age")
        public Integer maxAge;

        /** Null: as the setting's profile. */
        @JdbcTypeCode(SqlTypes.ARRAY)
        public String[] needs;

        public boolean emergency;

        public String status;

        @Column(name = "confirmed_at")
        public Instant confirmedAt;

        @Column(name = "changed_at")
        public Instant changedAt;
    }
}
