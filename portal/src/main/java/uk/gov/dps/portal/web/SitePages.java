package uk.gov.dps.portal.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The portal's pages that belong to no role (templates/Site/*.html, inside templates/layout.html): the accessibility
 * statement and the page for a form sent without its CSRF token. Errors that are the same for every page (404, 403,
 * 503) use {@link Pages#error}.
 */
@CheckedTemplate(basePath = "Site")
public final class SitePages {

    private SitePages() {
    }

    public static native TemplateInstance accessibility();

    /** {@code back}: where the form was (a path of this portal), or "/" when that is not known. */
    public static native TemplateInstance formExpired(String back);
}
