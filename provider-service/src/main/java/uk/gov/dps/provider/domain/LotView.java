package uk.gov.dps.provider.domain;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A lot as lot-service last described it on {@code dps.lots}: what applications are checked against. */
@Entity
@Table(name = "lot_view")
public class LotView extends PanacheEntityBase {

    @Id
    @Column(name = "lot_id")
    public UUID lotId;

    @Column(name = "dps_id")
    public UUID dpsId;

    @Column(name = "dps_reference")
    public String dpsReference;

    public String code;

    public String name;

    @Column(name = "service_type")
    public String serviceType;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] categories = new String[0];

    public boolean tiered;

    public boolean open;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] councils = new String[0];

    @Column(name = "dps_valid_from")
    public LocalDate dpsValidFrom;

    @Column(name = "dps_valid_to")
    public LocalDate dpsValidTo;

    public boolean hasCategory(String code) {
        return Arrays.asList(categories).contains(code);
    }

    public boolean servesCouncil(String council) {
        return Arrays.asList(councils).contains(council);
    }

    public boolean dpsValidOn(LocalDate day) {
        return !day.isBefore(dpsValidFrom) && !day.isAfter(dpsValidTo);
    }
}
