package uk.gov.dps.portal.web;

import io.quarkus.qute.TemplateExtension;
import uk.gov.dps.portal.services.PlacementService.PanelRequest;
import uk.gov.dps.portal.services.PlacementService.Placement;
import uk.gov.dps.portal.services.PlacementService.Referral;

/** What officers' and the panel's pages offer per status, and the colours of placements' and panel requests' tags. */
@TemplateExtension
final class OfficerFormats {

    private OfficerFormats() {
    }

    /** Called off at least once: there are offers (or declines) to rank. */
    static boolean offersVisible(Referral referral) {
        return java.util.Set.of("CALLED_OFF", "AWAITING_PANEL", "AWARDED", "UNMET").contains(referral.status());
    }

    static boolean readyToCallOff(Referral referral) {
        return "RAISED".equals(referral.status()) && "NOT_AVAILABLE".equals(referral.inHouseOutcome());
    }

    /** The service cancels a referral at any stage before award. */
    static boolean cancellable(Referral referral) {
        return java.util.Set.of("RAISED", "CALLED_OFF", "AWAITING_PANEL").contains(referral.status());
    }

    static String tagClass(Placement placement) {
        return switch (placement.status()) {
            case "STARTED" -> "govuk-tag--green";
            case "ENDED" -> "govuk-tag--grey";
            default -> "govuk-tag--blue";
        };
    }

    static String tagClass(PanelRequest request) {
        return switch (request.status()) {
            case "APPROVED" -> "govuk-tag--green";
            case "REFUSED" -> "govuk-tag--orange";
            default -> "govuk-tag--yellow";
        };
    }
}
