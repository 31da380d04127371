package uk.gov.dps.portal.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.oidc.OidcSession;
import uk.gov.dps.portal.services.Problem;
import uk.gov.dps.portal.services.ServiceProblem;
import uk.gov.dps.portal.web.Pages.ErrorPage;
import uk.gov.dps.portal.web.Pages.FormError;

/**
 * What people see when a service refuses or fails: a GOV.UK-style page with the same status, never a stack trace.
 * A service that cannot be reached is a 503 "service unavailable" page; a 401 (the token is no longer accepted)
 * ends the portal session and sends the person to sign in again.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @Inject
    OidcSession session;

    @ServerExceptionMapper
    public Response serviceProblem(ServiceProblem e) {
        Problem problem = e.problem();
        String detail = problem == null ? null : problem.detail();
        return switch (e.status()) {
            case 401 -> signInAgain();
            case 400 -> page(400, new ErrorPage("There is a problem", List.of("Check what you asked for and try"
                    + " again."), formErrors(e, null)));
            case 403 -> page(403, new ErrorPage("You do not have permission to see this",
                    lines(detail, "This belongs to another council or organisation, or your role cannot see it. If"
                            + " you think you should, contact your DPS administrator."), List.of()));
            case 404 -> notFound();
            case 409, 422 -> page(e.status(), new ErrorPage("This cannot be done now", lines(detail,
                    "Go back, reload the page to see where things stand, and try again."), List.of()));
            case 503 -> unavailable(e.service());
            default -> {
                if (e.status() >= 500) {
                    LOG.errorf("%s failed: %s", e.service(), e.getMessage());
                    yield page(500, new ErrorPage("Sorry, there is a problem with the service",
                            lines(detail, "Try again later."), List.of()));
                }
                yield page(e.status(), new ErrorPage("There is a problem", lines(detail, "Try again."),
                        List.of()));
            }
        };
    }

    /** Connection refused, a time-out: the service is down or not there. */
    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "a service could not be reached (incident %s)", incident);
        return unavailable(null);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return notFound();
    }

    /** The service's field errors (or its detail) for an error summary, each linking to {@code fallbackHref}. */
    static List<FormError> formErrors(ServiceProblem e, String fallbackHref) {
        List<FormError> errors = new ArrayList<>();
        Problem problem = e.problem();
        if (problem != null) {
            for (Problem.FieldError field : problem.errors()) {
                errors.add(new FormError(fallbackHref, Formats.label(field.field()) + " " + field.message()));
            }
            if (errors.isEmpty() && problem.detail() != null) {
                errors.add(new FormError(fallbackHref, problem.detail()));
            }
        }
        if (errors.isEmpty()) {
            errors.add(new FormError(fallbackHref, "The " + e.service() + " refused this (HTTP " + e.status() + ")"));
        }
        return errors;
    }

    private Response signInAgain() {
        // the session's tokens are no longer accepted: forget them, and the next page asks to sign in again
        session.logout().await().indefinitely();
        return Response.seeOther(URI.create("/")).build();
    }

    static Response notFound() {
        return page(404, new ErrorPage("Page not found", List.of("If you typed the web address, check it is"
                + " correct.", "If you pasted the web address, check you copied the entire address."), List.of()));
    }

    private static Response unavailable(String service) {
        return page(503, new ErrorPage("Sorry, the service is unavailable", List.of(
                (service == null ? "A part of the service" : "The " + service) + " is not answering at the moment.",
                "You will be able to use the service again later. Nothing you did has been lost."), List.of()));
    }

    private static List<String> lines(String detail, String advice) {
        return detail == null || detail.isBlank() ? List.of(advice) : List.of(detail, advice);
    }

    private static Response page(int status, ErrorPage page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(Pages.error(page)).build();
    }
}
