package uk.gov.dps.monitoring.rest;

import java.util.Optional;

import uk.gov.dps.monitoring.domain.FinancialQuarter;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.ProblemException;

/**
 * Who may see and record monitoring data, and parsing of the query parameters the resources share. Monitoring is
 * shared on purpose: an officer (or commissioner) of any partner council reads every partner's records, so the
 * only council check is that the caller belongs to a partner council.
 */
final class Access {

    private Access() {
    }

    /** The caller as the recording officer; 403 unless the token is scoped to a partner council. */
    static AuditTrail.Actor partnerCouncil(Caller caller) {
        caller.requirePartnerCouncil();
        return caller.asActor();
    }

    static Optional<Boolean> optionalBoolean(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return switch (value.strip().toLowerCase()) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw ProblemException.badRequest(parameter, "must be true or false");
        };
    }

    static Optional<FinancialQuarter> optionalQuarter(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(FinancialQuarter.parse(value));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(parameter, e.getMessage());
        }
    }
}
