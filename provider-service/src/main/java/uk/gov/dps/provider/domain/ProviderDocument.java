package uk.gov.dps.provider.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A provider organisation's current document of one type; recording the type again replaces it. */
@Entity
@Table(name = "provider_document")
public class ProviderDocument extends PanacheEntityBase {

    /**
     * The documents a provider keeps with the council, and the one place that says which are mandatory and
     * which must carry an expiry (insurance and registration lapse; policies may have a review date instead).
     */
    public enum Type {
        PUBLIC_LIABILITY_INSURANCE(true, true),
        EMPLOYERS_LIABILITY_INSURANCE(true, true),
        REGISTRATION_CERTIFICATE(true, true),
        SAFEGUARDING_POLICY(true, false),
        DBS_POLICY(false, false);

        public final boolean mandatory;
        public final boolean expiryRequired;

        Type(boolean mandatory, boolean expiryRequired) {
            this.mandatory = mandatory;
            this.expiryRequired = expiryRequired;
        }
    }

    @Id
    public UUID id;

    @Column(name = "provider_id")
    public UUID providerId;

    @Enumerated(EnumType.STRING)
    public Type type;

    public String reference;

    public String title;

    @Column(name = "issued_on")
    public LocalDate issuedOn;

    @Column(name = "expires_on")
    public LocalDate expiresOn;

    @Column(name = "review_on")
    public LocalDate reviewOn;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;

    /** dps.provider.document-expiring.v1 was published for this expiry. */
    @Column(name = "expiring_announced")
    public boolean expiringAnnounced;

    /** This expiry has passed and was handled (dps.provider.document-expired.v1 for a mandatory document). */
    @Column(name = "expired_announced")
    public boolean expiredAnnounced;

    @Version
    public long version;

    public boolean expiredOn(LocalDate today) {
        return expiresOn != null && expiresOn.isBefore(today);
    }

    /** Still valid today and lapsing within the warning period. */
    public boolean expiresWithin(LocalDate today, int warningDays) {
        return expiresOn != null && !expiresOn.isBefore(today) && !expiresOn.isAfter(today.plusDays(warningDays));
    }
}
