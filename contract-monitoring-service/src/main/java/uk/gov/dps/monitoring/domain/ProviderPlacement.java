package uk.gov.dps.monitoring.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A placement with a provider, known from dps.placements: awarded or spot-purchased makes it active, ended
 * makes it inactive for good. Kept after it ends so a repeated award is never counted twice.
 */
@Entity
@Table(name = "provider_placement")
public class ProviderPlacement extends PanacheEntityBase {

    @Id
    @Column(name = "placement_id")
    public UUID placementId;

    @Column(name = "provider_id")
    public UUID providerId;

    public String council;

    public boolean active;

    @Column(name = "started_on")
    public LocalDate startedOn;

    @Column(name = "ended_on")
    public LocalDate endedOn;

    @Column(name = "changed_at")
    public Instant changedAt;
}
