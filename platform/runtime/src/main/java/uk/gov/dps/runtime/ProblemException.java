package uk.gov.dps.runtime;

import java.util.List;

import jakarta.ws.rs.core.Response;

/**
 * A request the domain refuses, with the status a client should see: thrown from services, rendered as
 * problem+json. Throwing it inside a transaction rolls the transaction back, so bad input changes nothing.
 */
public class ProblemException extends RuntimeException {

    private final Response.Status status;
    private final List<Problem.FieldError> errors;

    public ProblemException(Response.Status status, String detail) {
        this(status, detail, List.of());
    }

    public ProblemException(Response.Status status, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    /** 404: the id is unknown (or belongs to someone the caller may not know about). */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(Response.Status.NOT_FOUND, what + " " + id + " does not exist");
    }

    /** 409: the request conflicts with the current state. */
    public static ProblemException conflict(String detail) {
        return new ProblemException(Response.Status.CONFLICT, detail);
    }

    /** 422: well-formed input that breaks a rule of the domain. */
    public static ProblemException unprocessable(String detail) {
        return new ProblemException(Response.Status.fromStatusCode(422), detail);
    }

    /** 403: authenticated, but not allowed to act on this council's or provider's data. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(Response.Status.FORBIDDEN, detail);
    }

    public Problem toProblem(String instance) {
        return new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), getMessage(), instance,
                errors);
    }
}
