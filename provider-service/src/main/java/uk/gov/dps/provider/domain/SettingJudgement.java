package uk.gov.dps.provider.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The latest regulator judgement of one setting, by the setting's URN: a setting is judged on its own, so an
 * Inadequate home is not hidden by the organisation's newer Good judgement elsewhere.
 */
@Entity
@Table(name = "setting_judgement")
public class SettingJudgement extends PanacheEntityBase {

    public static final String INADEQUATE = "INADEQUATE";

    @Id
    @Column(name = "setting_urn")
    public String settingUrn;

    @Column(name = "provider_id")
    public UUID providerId;

    @Column(name = "inspection_id")
    public UUID inspectionId;

    public String regulator;

    public String judgement;

    @Column(name = "inspected_on")
    public LocalDate inspectedOn;

    @Column(name = "report_reference")
    public String reportReference;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    public boolean isInadequate() {
        return INADEQUATE.equals(judgement);
    }

    /** Whether a judgement from an inspection on {@code inspectedOn}, recorded at {@code recordedAt}, replaces this one. */
    public boolean isOlderThan(LocalDate otherInspectedOn, Instant otherRecordedAt) {
        int byDate = inspectedOn.compareTo(otherInspectedOn);
        return byDate < 0 || byDate == 0 && !recordedAt.isAfter(otherRecordedAt);
    }
}
