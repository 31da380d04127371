package uk.gov.dps.portal.web;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import uk.gov.dps.portal.services.Page;
import uk.gov.dps.portal.services.PlacementService.Invitation;
import uk.gov.dps.portal.services.PlacementService.Referral;
import uk.gov.dps.portal.services.ProviderService.Application;

/** The portal's pages (templates/Pages/*.html, each inside templates/layout.html), checked when the portal is built. */
@CheckedTemplate(basePath = "Pages")
public final class Pages {

    private Pages() {
    }

    /** One choice of a select or radios. */
    public record Option(String value, String text, boolean selected) {

        static List<Option> of(String chosen, String... valuesAndTexts) {
            List<Option> options = new java.util.ArrayList<>();
            for (int i = 0; i < valuesAndTexts.length; i += 2) {
                String value = valuesAndTexts[i];
                options.add(new Option(value, valuesAndTexts[i + 1], value.equals(chosen == null ? "" : chosen)));
            }
            return options;
        }
    }

    /** A link to the previous or next page of a list, or null when there is none. */
    public record Paging(String previous, String next) {

        static Paging of(Page<?> page, String path, String status) {
            String filter = status == null || status.isBlank() ? "" : "status=" + status + "&";
            return new Paging(page.hasPrevious() ? path + "?" + filter + "page=" + (page.page() - 1) : null,
                    page.hasNext() ? path + "?" + filter + "page=" + (page.page() + 1) : null);
        }
    }

    /** An error to show in the error summary, linking to the field it is about (href "#field"), if any. */
    public record FormError(String href, String text) {
    }

    /** An error page: its status decides nothing here, the title and lines say what happened and what to do. */
    public record ErrorPage(String title, List<String> lines, List<FormError> errors) {
    }

    public static native TemplateInstance home();

    public static native TemplateInstance signedOut();

    public static native TemplateInstance referrals(Page<Referral> referrals, List<Option> statuses, Paging paging);

    public static native TemplateInstance referral(Referral referral, boolean recorded, List<FormError> errors,
            List<Option> outcomes, String notes);

    public static native TemplateInstance invitations(Page<Invitation> invitations, List<Option> statuses,
            Paging paging);

    public static native TemplateInstance applications(Page<Application> applications, List<Option> statuses,
            Paging paging);

    public static native TemplateInstance error(ErrorPage page);
}
