package uk.gov.dps.placement.domain;

import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The Ofsted URN a provider registered with, from dps.providers: the URN of the SSDA903 episodes report. */
@Entity
@Table(name = "provider_registration")
public class ProviderRegistration extends PanacheEntityBase {

    @Id
    @Column(name = "provider_id")
    public UUID providerId;

    @Column(name = "ofsted_urn")
    public String ofstedUrn;
}
