package uk.gov.dps.runtime;

import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Parses optional query parameters with a 400 that names the parameter and the allowed values (JAX-RS would
 * answer an unconvertible query parameter with a bare 404).
 */
public final class QueryValues {

    private QueryValues() {
    }

    public static <E extends Enum<E>> Optional<E> optionalEnum(Class<E> type, String value, String parameter) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value.strip().toUpperCase().replace('-', '_')));
        } catch (IllegalArgumentException e) {
            String allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
            throw ProblemException.badRequest(parameter, "must be one of " + allowed);
        }
    }

    public static Optional<UUID> optionalId(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.strip()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(parameter, "must be an id (UUID)");
        }
    }
}
