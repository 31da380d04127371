package uk.gov.dps.portal.services;

import java.util.List;

/**
 * The RFC 9457 problem a service answers with ({@code application/problem+json}); {@code errors} name the fields of
 * a 400. Read leniently: the portal shows what it understands and ignores the rest.
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public record FieldError(String field, String message) {
    }

    public List<FieldError> errors() {
        return errors == null ? List.of() : errors;
    }
}
