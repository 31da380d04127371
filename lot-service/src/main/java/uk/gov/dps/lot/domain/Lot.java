package uk.gov.dps.lot.domain;

import java.util.ArrayList;
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
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A lot of a DPS: one kind of service, with its own categories and selection criteria. */
@Entity
@Table(name = "lot")
public class Lot extends PanacheEntityBase {

    public enum ServiceType {
        RESIDENTIAL, IFA, SPECIAL_SCHOOL, OUT_OF_SCHOOL_TUITION, OTHER
    }

    /** How a special-school place is bought: per school day, 38 term weeks or 52 weeks a year. */
    public enum PlacementPattern {
        DAY, WEEKS_38, WEEKS_52
    }

    public record Category(String code, String name) {
    }

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "dps_id")
    public DynamicPurchasingSystem dps;

    public String code;

    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "service_type")
    public ServiceType serviceType;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "placement_patterns")
    public String[] placementPatterns = new String[0];

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Category> categories = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "selection_criteria")
    public List<String> selectionCriteria = new ArrayList<>();

    /** Members sit in tiers (the IFA framework's tiers 1 to 3), used by cascading call-offs. */
    public boolean tiered;

    public boolean open;

    @Version
    public long version;

    public boolean hasCategory(String code) {
        return categories.stream().anyMatch(c -> c.code().equals(code));
    }
}
