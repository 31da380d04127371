package uk.gov.dps.lot.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
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

/** A DPS: an open list of pre-qualified providers, split into lots, that councils call off from. */
@Entity
@Table(name = "dps")
public class DynamicPurchasingSystem extends PanacheEntityBase {

    /** The procurement rules the DPS runs under; they set how applications are handled. */
    public enum Regime {
        PCR2015_DPS, LIGHT_TOUCH_PSEUDO_DPS, PA2023_DYNAMIC_MARKET
    }

    @Id
    public UUID id;

    public String reference;

    public String title;

    @Enumerated(EnumType.STRING)
    public Regime regime;

    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] councils;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    @Column(name = "established_at")
    public Instant establishedAt;

    @Column(name = "established_by")
    public String establishedBy;

    @Version
    public long version;

    /** A DPS set up under the Public Contracts Regulations 2015 expires at the end of 23 February 2029. */
    public static final LocalDate PCR2015_LAST_DAY = LocalDate.of(2029, 2, 23);

    /** The Procurement Act 2023 came into force on 24 February 2025: no new PCR 2015 DPS from that day. */
    public static final LocalDate PA2023_IN_FORCE = LocalDate.of(2025, 2, 24);

    /** Why a validity period is not allowed under {@code regime}, or empty when it is. */
    public static Optional<String> validityProblem(Regime regime, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return Optional.of("validTo must not be before validFrom.");
        }
        if (regime == Regime.PCR2015_DPS && to.isAfter(PCR2015_LAST_DAY)) {
            return Optional.of("A PCR 2015 DPS expires at the end of 23 February 2029; later, use a "
                    + "Procurement Act 2023 dynamic market (PA2023_DYNAMIC_MARKET).");
        }
        if (regime == Regime.PCR2015_DPS && !from.isBefore(PA2023_IN_FORCE)) {
            return Optional.of("Procurement Act 2023 transition: no PCR 2015 DPS may start on or after 24 February "
                    + "2025, when the Act came into force; use a Procurement Act 2023 dynamic market "
                    + "(PA2023_DYNAMIC_MARKET).");
        }
        return Optional.empty();
    }

    public boolean isValidOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }

    public boolean servesCouncil(String council) {
        return Arrays.asList(councils).contains(council);
    }
}
