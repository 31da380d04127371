package uk.gov.dps.portal.web;

import io.quarkus.qute.TemplateExtension;
import uk.gov.dps.portal.services.LotService.Lot;
import uk.gov.dps.portal.services.LotService.Member;
import uk.gov.dps.portal.services.ProviderService.ApplicationDetail;
import uk.gov.dps.portal.services.ProviderService.Document;
import uk.gov.dps.portal.services.ProviderService.Membership;

/** How the market's pages write document expiry and membership status. */
@TemplateExtension
public final class MarketFormats {

    private MarketFormats() {
    }

    /** "Expired", "Expires soon" or "Current": what the service says of the document today. */
    static String expiryStatus(Document document) {
        if (document.expired()) {
            return "Expired";
        }
        return document.expiringSoon() ? "Expires soon" : "Current";
    }

    static String expiryTagClass(Document document) {
        if (document.expired()) {
            return "govuk-tag--red";
        }
        return document.expiringSoon() ? "govuk-tag--yellow" : "govuk-tag--green";
    }

    static String tagClass(Member member) {
        return "SUSPENDED".equals(member.status()) ? "govuk-tag--orange" : "govuk-tag--green";
    }

    static String tagClass(Membership membership) {
        return "SUSPENDED".equals(membership.status()) ? "govuk-tag--orange"
                : "ACTIVE".equals(membership.status()) ? "govuk-tag--green" : "govuk-tag--grey";
    }

    static String tagClass(ApplicationDetail application) {
        return switch (application.status()) {
            case "ADMITTED" -> "govuk-tag--green";
            case "REJECTED" -> "govuk-tag--orange";
            default -> "govuk-tag--blue";
        };
    }

    /** The lot's page, for forms that come back to it. */
    static String href(Lot lot) {
        return "/lots/" + lot.id();
    }
}
