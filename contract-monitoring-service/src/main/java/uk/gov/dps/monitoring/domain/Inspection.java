package uk.gov.dps.monitoring.domain;

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

/** A regulator's inspection outcome for one registered setting of a provider. */
@Entity
@Table(name = "inspection")
public class Inspection extends PanacheEntityBase {

    public enum Regulator {
        OFSTED("Ofsted"), CQC("CQC");

        private final String label;

        Regulator(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The SCCIF four-point scale. */
    public enum Judgement {
        OUTSTANDING("Outstanding"), GOOD("Good"), REQUIRES_IMPROVEMENT_TO_BE_GOOD("Requires improvement to be good"),
        INADEQUATE("Inadequate");

        private final String label;

        Judgement(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    public UUID id;

    @Column(name = "provider_id")
    public UUID providerId;

    @Column(name = "setting_urn")
    public String settingUrn;

    @Enumerated(EnumType.STRING)
    public Regulator regulator;

    @Enumerated(EnumType.STRING)
    public Judgement judgement;

    @Column(name = "inspected_on")
    public LocalDate inspectedOn;

    @Column(name = "report_reference")
    public String reportReference;

    /** Monitoring is shared: any partner council may record, every partner may read. */
    @Column(name = "recording_council")
    public String recordingCouncil;

    @Column(name = "recorded_by")
    public String recordedBy;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
