package uk.gov.dps.provider.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
import uk.gov.dps.events.provider.VacancySnapshot;

/**
 * A live vacancy a provider declared at one of its settings. Ages and needs narrow the setting's profile for this
 * vacancy; null means "as the setting's profile". Not confirmed for a while, it is stale (see {@link #isStale}).
 */
@Entity
@Table(name = "vacancy")
public class Vacancy extends PanacheEntityBase {

    public enum Status {
        OPEN, WITHDRAWN
    }

    public enum WithdrawnReason {
        FILLED, NO_LONGER_AVAILABLE, OTHER
    }

    @Id
    public UUID id;

    @Column(name = "setting_id")
    public UUID settingId;

    @Column(name = "provider_id")
    public UUID providerId;

    public int places;

    @Column(name = "available_from")
    public LocalDate availableFrom;

    @Column(name = "min_age")
    public Integer minAge;

    @Column(name = "max_age")
    public Integer maxAge;

    /** Null: as the setting's profile. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public String[] needs;

    public boolean emergency;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Enumerated(EnumType.STRING)
    @Column(name = "withdrawn_reason")
    public WithdrawnReason withdrawnReason;

    @Column(name = "declared_at")
    public Instant declaredAt;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "changed_at")
    public Instant changedAt;

    @Version
    public long version;

    /** An open vacancy the provider has not declared or confirmed within {@code staleAfter} of {@code now}. */
    public boolean isStale(Instant now, Duration staleAfter) {
        return status == Status.OPEN && !confirmedAt.plus(staleAfter).isAfter(now);
    }

    /** Whether a child of {@code age} fits this vacancy: its own ages when given, otherwise the setting's. */
    public boolean takesAge(int age, Setting setting) {
        return age >= (minAge == null ? setting.minAge : minAge) && age <= (maxAge == null ? setting.maxAge : maxAge);
    }

    /** Whether this vacancy is for {@code need}: its own needs when given, otherwise the setting's profile. */
    public boolean isFor(String need, Setting setting) {
        return needs == null ? setting.canMeet(need) : List.of(needs).contains(need);
    }

    public VacancySnapshot snapshot() {
        return new VacancySnapshot(id, settingId, providerId, places, availableFrom, minAge, maxAge,
                needs == null ? null : List.of(needs), emergency, status.name(),
                withdrawnReason == null ? null : withdrawnReason.name(), confirmedAt, changedAt);
    }
}
