package uk.gov.dps.placement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A recorded exemption to buy off the DPS (a spot purchase), e.g. IFA spot purchase or NASS-contract special
 * schools: with a reason, the contract it relies on, and an expiry.
 */
@Entity
@Table(name = "exemption")
public class Exemption extends PanacheEntityBase {

    @Id
    public UUID id;

    public String council;

    @Column(name = "service_type")
    public String serviceType;

    public String reason;

    @Column(name = "contract_basis")
    public String contractBasis;

    /** The last day it may be used. */
    @Column(name = "valid_until")
    public LocalDate validUntil;

    /** Whether its coming expiry has been announced (once). */
    @Column(name = "expiry_announced")
    public boolean expiryAnnounced;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    public boolean validOn(LocalDate day) {
        return !day.isAfter(validUntil);
    }

    public boolean expiresWithin(LocalDate today, int days) {
        return validOn(today) && !validUntil.isAfter(today.plusDays(days));
    }
}
