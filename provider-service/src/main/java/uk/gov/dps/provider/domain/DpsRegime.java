package uk.gov.dps.provider.domain;

import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A DPS's legal regime as lot-service announced it (dps.purchasing-system.established.v1). */
@Entity
@Table(name = "dps_regime")
public class DpsRegime extends PanacheEntityBase {

    public static final String PA2023_DYNAMIC_MARKET = "PA2023_DYNAMIC_MARKET";

    @Id
    @Column(name = "dps_id")
    public UUID dpsId;

    public String regime;

    /** A lot of a DPS whose establishment this service never heard of is treated as not under PA2023. */
    public static boolean isPa2023(UUID dpsId) {
        DpsRegime dps = findById(dpsId);
        return dps != null && PA2023_DYNAMIC_MARKET.equals(dps.regime);
    }
}
