package uk.gov.dps.provider.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A provider organisation (private or voluntary) that may apply to join DPS lots. */
@Entity
@Table(name = "provider")
public class Provider extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    @Column(name = "ofsted_urn")
    public String ofstedUrn;

    @Column(name = "cqc_id")
    public String cqcId;

    @Column(name = "companies_house_number")
    public String companiesHouseNumber;

    public String postcode;

    public String address;

    /** Whom the platform emails at the provider, and about what (at least one contact for REFERRALS once set). */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<Contact> contacts = new ArrayList<>();

    /** A person or shared mailbox at the provider; {@code roles} says which notifications it receives. */
    public record Contact(String name, String email, List<ContactRole> roles, String jobTitle, String phone) {
    }

    @Column(name = "registered_at")
    public Instant registeredAt;

    @Column(name = "registered_by")
    public String registeredBy;

    @Version
    public long version;

    /**
     * Placements go only to providers registered with a regulator: an organisation needs an Ofsted URN or a
     * CQC id (or both) to register.
     */
    public static boolean hasRegulatorRegistration(String ofstedUrn, String cqcId) {
        return ofstedUrn != null && !ofstedUrn.isBlank() || cqcId != null && !cqcId.isBlank();
    }
}
