package uk.gov.dps.placement.domain;

import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What placement-service knows of a DPS's legal regime and its lots' terms, from dps.lots. */
public final class RegimeTerms {

    public static final String PCR2015_DPS = "PCR2015_DPS";
    public static final String PA2023_DYNAMIC_MARKET = "PA2023_DYNAMIC_MARKET";

    private RegimeTerms() {
    }

    @Entity
    @Table(name = "dps_regime")
    public static class DpsRegime extends PanacheEntityBase {

        @Id
        @Column(name = "dps_id")
        public UUID dpsId;

        public String regime;
    }

    @Entity
    @Table(name = "lot_terms")
    public static class LotTerms extends PanacheEntityBase {

        @Id
        @Column(name = "lot_id")
        public UUID lotId;

        @Column(name = "dps_id")
        public UUID dpsId;

        public boolean open;

        @Column(name = "valid_from")
        public LocalDate validFrom;

        @Column(name = "valid_to")
        public LocalDate validTo;
    }
}
