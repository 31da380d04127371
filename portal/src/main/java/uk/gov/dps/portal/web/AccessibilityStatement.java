package uk.gov.dps.portal.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.TemplateInstance;

/**
 * The accessibility statement the Public Sector Bodies Accessibility Regulations ask for, linked from every page's
 * footer. Public: people must be able to read it before they can sign in.
 */
@Path("/accessibility")
@Produces(MediaType.TEXT_HTML)
public class AccessibilityStatement {

    @GET
    public TemplateInstance statement() {
        return SitePages.accessibility();
    }
}
