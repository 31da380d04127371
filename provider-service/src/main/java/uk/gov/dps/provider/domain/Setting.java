package uk.gov.dps.provider.domain;

import java.time.Instant;
import java.time.LocalDate;
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
import uk.gov.dps.events.provider.SettingSnapshot;

/**
 * A setting a provider organisation runs (a children's home, a fostering agency's office, a school, supported
 * accommodation), with its Statement of Purpose profile: what it can do, and for whom.
 */
@Entity
@Table(name = "setting")
public class Setting extends PanacheEntityBase {

    public enum Kind {
        CHILDRENS_HOME, FOSTERING_AGENCY, RESIDENTIAL_SCHOOL, SPECIAL_SCHOOL, SUPPORTED_ACCOMMODATION, OTHER;

        /** Schools are known to the DfE by their establishment number; homes and agencies to Ofsted by their URN. */
        public boolean isSchool() {
            return this == RESIDENTIAL_SCHOOL || this == SPECIAL_SCHOOL;
        }
    }

    @Id
    public UUID id;

    @Column(name = "provider_id")
    public UUID providerId;

    public String name;

    @Enumerated(EnumType.STRING)
    public Kind kind;

    @Column(name = "ofsted_urn")
    public String ofstedUrn;

    @Column(name = "dfe_number")
    public String dfeNumber;

    /** The full postcode: kept here only (children's homes' addresses are not published). */
    public String postcode;

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

    @Column(name = "statement_of_purpose_date")
    public LocalDate statementOfPurposeDate;

    @Column(name = "owner_group_name")
    public String ownerGroupName;

    @Column(name = "owner_group_number")
    public String ownerGroupNumber;

    @Column(name = "for_profit")
    public boolean forProfit;

    public boolean active;

    @Column(name = "registered_at")
    public Instant registeredAt;

    @Column(name = "changed_at")
    public Instant changedAt;

    @Version
    public long version;

    /** The regulator's reference for the setting: its Ofsted URN, or a school's DfE number. */
    public String regulatorReference() {
        return ofstedUrn != null ? ofstedUrn : dfeNumber;
    }

    public boolean takesAge(int age) {
        return age >= minAge && age <= maxAge;
    }

    public boolean canMeet(String need) {
        return List.of(needs).contains(need);
    }

    /** The whole setting as published (the district, never the full postcode). */
    public SettingSnapshot snapshot() {
        return new SettingSnapshot(id, providerId, name, kind.name(), ofstedUrn, dfeNumber, postcodeDistrict, country,
                registeredPlaces, new SettingSnapshot.Profile(minAge, maxAge, List.of(sexes), List.of(needs),
                        emergencyAdmissions, soloPlacement, statementOfPurposeDate),
                ownerGroupName == null ? null : new SettingSnapshot.OwnerGroup(ownerGroupName, ownerGroupNumber),
                forProfit, active, changedAt);
    }
}
