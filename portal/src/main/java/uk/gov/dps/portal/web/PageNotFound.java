package uk.gov.dps.portal.web;

import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import io.vertx.ext.web.Router;

/**
 * A web address the portal does not have is the GOV.UK "Page not found" page with status 404, not Vert.x's plain
 * "Resource not found". Paths no resource matches fall through Quarkus REST and the static files (webjars) to the
 * router's last route, which hands them to this page; the address in the browser stays the one typed.
 */
@Path(PageNotFound.PATH)
public class PageNotFound {

    static final String PATH = "/page-not-found";

    @GET
    public Response page() {
        return ErrorPages.notFound();
    }

    void lastRoute(@Observes Router router) {
        router.route().last().handler(request -> {
            if (PATH.equals(request.normalizedPath())) {
                request.next(); // never loop, should this page itself go missing
            } else {
                request.reroute(PATH);
            }
        });
    }
}
