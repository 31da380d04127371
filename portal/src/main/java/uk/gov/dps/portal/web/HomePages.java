package uk.gov.dps.portal.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.TemplateInstance;

/** The start page after sign-in (what this person can do here) and the page after signing out. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePages {

    @GET
    public TemplateInstance home() {
        return Pages.home();
    }

    /** Where Keycloak sends people back after signing out (quarkus.oidc.logout.post-logout-path); public. */
    @GET
    @Path("signed-out")
    public TemplateInstance signedOut() {
        return Pages.signedOut();
    }
}
