package uk.gov.dps.portal.web;

import java.net.URI;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.vertx.ext.web.RoutingContext;

/**
 * quarkus-rest-csrf refuses a form sent without a valid CSRF token with a bare 400 and no body. People see a GOV.UK
 * page instead ("Your form has expired", nothing was changed, a link back to the form), with the same status. Its
 * refusal is recognised by what it leaves: an unsafe method, 400, no body, and no "token verified" mark.
 */
public class FormExpired {

    /** What quarkus-rest-csrf puts in the routing context once a request's token has been checked and found good. */
    static final String CSRF_TOKEN_VERIFIED = "csrf_token_verified";

    @ServerResponseFilter
    public void explainRefusedForm(ContainerRequestContext request, ContainerResponseContext response,
            RoutingContext routing) {
        if (response.getStatus() != 400 || response.hasEntity() || isSafe(request.getMethod())
                || routing.get(CSRF_TOKEN_VERIFIED) != null) {
            return;
        }
        String back = sameOriginPath(request.getHeaderString("Referer"), routing.request().absoluteURI());
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.TEXT_HTML + ";charset=UTF-8");
        response.setEntity(SitePages.formExpired(back).render());
    }

    private static boolean isSafe(String method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method);
    }

    /** The referring page's path and query when it is a page of this portal, else "/" (never another site). */
    static String sameOriginPath(String referer, String requested) {
        try {
            URI from = URI.create(referer);
            URI here = URI.create(requested);
            if (from.getScheme() != null && from.getScheme().equals(here.getScheme()) && from.getRawAuthority() != null
                    && from.getRawAuthority().equals(here.getRawAuthority()) && from.getRawPath() != null
                    && from.getRawPath().startsWith("/")) {
                return from.getRawPath() + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery());
            }
        } catch (RuntimeException unreadable) {
            // no usable Referer: back to the start page
        }
        return "/";
    }
}
