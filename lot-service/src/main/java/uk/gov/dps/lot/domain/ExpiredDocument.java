package uk.gov.dps.lot.domain;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A provider's mandatory document that expired and has not been validly replaced, as provider-service says. */
@Entity
@Table(name = "provider_expired_document")
@IdClass(ExpiredDocument.Key.class)
public class ExpiredDocument extends PanacheEntityBase {

    public record Key(UUID providerId, String documentType) implements Serializable {
    }

    @Id
    @Column(name = "provider_id")
    public UUID providerId;

    @Id
    @Column(name = "document_type")
    public String documentType;

    @Column(name = "document_id")
    public UUID documentId;

    @Column(name = "expires_on")
    public LocalDate expiresOn;
}
