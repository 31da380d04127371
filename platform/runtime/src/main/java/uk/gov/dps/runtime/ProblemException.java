package uk.gov.dps.runtime;

import java.util.List;

/**
 * A request the domain refuses, with the status a client should see: thrown from services, rendered as
 * problem+json. Throwing it inside a transaction rolls the transaction back, so bad input changes nothing.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** 400: input that is malformed in a way bean validation cannot see, naming the field. */
    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, "Bad Request", "The request has invalid fields.",
                List.of(new Problem.FieldError(field, message)));
    }

    /** 403: authenticated, but not allowed to act on this council's or provider's data. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "Forbidden", detail, List.of());
    }

    /** 404: the id is unknown (or belongs to someone the caller may not know about). */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "Not Found", what + " " + id + " does not exist.", List.of());
    }

    /** 409: the request conflicts with the current state. */
    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail, List.of());
    }

    /** 422: well-formed input that breaks a rule of the domain. */
    public static ProblemException unprocessable(String detail) {
        return new ProblemException(422, "Unprocessable Content", detail, List.of());
    }

    public int status() {
        return status;
    }

    public Problem toProblem(String instance) {
        return new Problem("about:blank", title, status, getMessage(), instance, errors);
    }
}
