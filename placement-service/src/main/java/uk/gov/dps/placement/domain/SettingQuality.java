package uk.gov.dps.placement.domain;

import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One setting's own latest judgement, from dps.quality inspections naming its URN (the regulator judges each home,
 * not the organisation): matched to a setting by {@code setting_view.ofsted_urn}.
 */
@Entity
@Table(name = "setting_quality")
public class SettingQuality extends PanacheEntityBase {

    @Id
    @Column(name = "ofsted_urn")
    public String ofstedUrn;

    @Column(name = "provider_id")
    public UUID providerId;

    @Column(name = "latest_judgement")
    public String latestJudgement;

    @Column(name = "judged_on")
    public LocalDate judgedOn;

    /** Keeps the most recent judgement of the setting; an older inspection recorded late changes nothing. */
    public static void inspected(UUID providerId, String urn, String judgement, LocalDate inspectedOn) {
        if (urn == null || urn.isBlank()) {
            return;
        }
        SettingQuality quality = findById(urn);
        if (quality == null) {
            quality = new SettingQuality();
            quality.ofstedUrn = urn;
            quality.providerId = providerId;
            quality.latestJudgement = judgement;
            quality.judgedOn = inspectedOn;
            quality.persist();
        } else if (!inspectedOn.isBefore(quality.judgedOn)) {
            quality.latestJudgement = judgement;
            quality.judgedOn = inspectedOn;
        }
    }
}
