package uk.gov.dps.runtime;

import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.hibernate.validator.runtime.jaxrs.ResteasyReactiveViolationException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Turns every exception that reaches the REST layer into {@code application/problem+json}. Anything not
 * foreseen is a 500 whose body reveals nothing internal but an id to find the stack trace in the log.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response domain(ProblemException e, UriInfo uri) {
        return e.toProblem(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response validation(ResteasyReactiveViolationException e, UriInfo uri) {
        return violations(e, uri);
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .collect(Collectors.toList());
        return new Problem("about:blank", "Bad Request", 400, "The request has invalid fields.", uri.getPath(), errors)
                .toResponse();
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = path(e);
        return new Problem("about:blank", "Bad Request", 400,
                "The request body has a field this operation does not know: '" + field + "'.", uri.getPath(),
                List.of(new Problem.FieldError(field, "is not a field of this request"))).toResponse();
    }

    @ServerExceptionMapper
    public Response unreadableJson(MismatchedInputException e, UriInfo uri) {
        return badJson(e, uri);
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? path(m) : "";
        String detail = "The request body is not valid JSON for this operation"
                + (field.isEmpty() ? "." : ": check field '" + field + "'.");
        List<Problem.FieldError> errors = field.isEmpty() ? List.of()
                : List.of(new Problem.FieldError(field, "has the wrong type or format"));
        return new Problem("about:blank", "Bad Request", 400, detail, uri.getPath(), errors).toResponse();
    }

    @ServerExceptionMapper
    public Response staleUpdate(OptimisticLockException e, UriInfo uri) {
        return problem(Response.Status.CONFLICT, "Someone else changed this record at the same time; reload and retry.",
                uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(Response.Status.FORBIDDEN, "Your role does not allow this operation.", uri);
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return Response.fromResponse(problem(Response.Status.UNAUTHORIZED, "A valid bearer token is required.", uri))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        Response original = e.getResponse();
        if (original.getStatus() >= 500) {
            return unexpected(e, uri);
        }
        Response.Status status = Response.Status.fromStatusCode(original.getStatus());
        String detail = e.getMessage() == null || e.getMessage().startsWith("HTTP ")
                ? (status == null ? "Request refused." : status.getReasonPhrase())
                : e.getMessage();
        return Response.fromResponse(new Problem("about:blank", status == null ? "Error" : status.getReasonPhrase(),
                original.getStatus(), detail, uri.getPath(), List.of()).toResponse()).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        if (isConcurrentChange(e)) {
            // two requests changed the same record at once and this one lost: the client may reload and retry
            return staleUpdate(null, uri);
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error on %s (incident %s)", uri.getPath(), incident);
        return problem(Response.Status.INTERNAL_SERVER_ERROR,
                "An unexpected error occurred; quote incident " + incident + " to the service team.", uri);
    }

    /**
     * A lost race shows up at commit, wrapped by the transaction manager: an optimistic-lock failure, or a
     * unique constraint (SQLState 23505) that another request satisfied first.
     */
    private static boolean isConcurrentChange(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof org.hibernate.StaleStateException
                    || t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static Response problem(Response.Status status, String detail, UriInfo uri) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, uri.getPath(),
                List.of()).toResponse();
    }

    /**
     * {@code register.request.fee.core} → {@code fee.core}; {@code list.size} → {@code size}: clients know their
     * JSON fields and query parameters, not our method names.
     */
    private static String field(ConstraintViolation<?> violation) {
        String[] parts = violation.getPropertyPath().toString().split("\\.", 3);
        return parts[parts.length - 1];
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
