package uk.gov.dps.provider.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.events.quality.InspectionRecorded;
import uk.gov.dps.events.quality.RiskRatingChanged;
import uk.gov.dps.provider.domain.Provider;
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
        if ("INADEQUATE".equals(inspection.judgement())) {
            suspend(inspection.providerId(), "%s judgement Inadequate for setting %s (inspected %s%s)".formatted(
                    regulatorName(inspection.regulator()), inspection.settingUrn(), inspection.inspectedOn(),
                    inspection.reportReference() == null ? "" : ", report " + inspection.reportReference()));
        }
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
