package uk.gov.dps.provider.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.events.quality.InspectionRecorded;
import uk.gov.dps.events.quality.RiskRatingChanged;
import uk.gov.dps.provider.domain.Provider;
import uk.gov.dps.provider.domain.SettingJudgement;
import uk.gov.dps.runtime.AuditTrail;

/**
 * Placements only go to providers who are safe to use: an Inadequate judgement or a red risk rating
 * suspends the provider from new call-offs in every lot at once, with the reason recorded. Lifting the
 * suspension is a commissioner's decision.
 */
@ApplicationScoped
public class QualityGate {

    @Inject
    MembershipService memberships;

    public void inspected(InspectionRecorded inspection) {
        keepSettingJudgement(inspection);
        if ("INADEQUATE".equals(inspection.judgement())) {
            suspend(inspection.providerId(), "%s judgement Inadequate for setting %s (inspected %s%s)".formatted(
                    regulatorName(inspection.regulator()), inspection.settingUrn(), inspection.inspectedOn(),
                    inspection.reportReference() == null ? "" : ", report " + inspection.reportReference()));
        }
    }

    /**
     * Each setting keeps its own latest judgement (by inspection date), so a setting judged Inadequate is shown as
     * such, and its vacancies are not offered, whatever the organisation's newer judgements elsewhere say.
     */
    private void keepSettingJudgement(InspectionRecorded inspection) {
        if (inspection.settingUrn() == null || inspection.settingUrn().isBlank()) {
            return;
        }
        String urn = inspection.settingUrn().strip().toUpperCase();
        SettingJudgement latest = SettingJudgement.findById(urn);
        if (latest != null && !latest.isOlderThan(inspection.inspectedOn(), inspection.recordedAt())) {
            return; // an older inspection recorded late does not replace a newer judgement
        }
        if (latest == null) {
            latest = new SettingJudgement();
            latest.settingUrn = urn;
        }
        latest.providerId = inspection.providerId();
        latest.inspectionId = inspection.inspectionId();
        latest.regulator = inspection.regulator();
        latest.judgement = inspection.judgement();
        latest.inspectedOn = inspection.inspectedOn();
        latest.reportReference = inspection.reportReference();
        latest.recordedAt = inspection.recordedAt();
        latest.persist();
    }

    public void riskRated(RiskRatingChanged rating) {
        if ("RED".equals(rating.to())) {
            suspend(rating.providerId(), "Risk rating red: " + String.join("; ", rating.reasons()));
        }
    }

    private void suspend(java.util.UUID providerId, String reason) {
        if (Provider.findById(providerId) == null) {
            return; // monitoring may know providers that never registered here: nothing to suspend
        }
        memberships.suspend(providerId, Optional.empty(), reason, true, AuditTrail.SYSTEM);
    }

    private static String regulatorName(String regulator) {
        return "CQC".equals(regulator) ? "CQC" : "Ofsted";
    }
}
