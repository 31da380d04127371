package uk.gov.dps.spend.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.ProblemException;
import uk.gov.dps.runtime.Roles;
import uk.gov.dps.spend.domain.Money;
import uk.gov.dps.spend.domain.ThresholdAlert;
import uk.gov.dps.spend.service.AlertService;

@Path("/alerts")
@Tag(name = "Alerts")
@RolesAllowed(Roles.FINANCE_OFFICER)
public class AlertResource {

    @Inject
    AlertService alerts;

    @Inject
    Caller caller;

    public record AlertView(UUID id, String subjectType, UUID subjectId, String name, int financialYear,
            int thresholdPercent, BigDecimal amount, BigDecimal limit, Instant crossedAt, Instant clearedAt,
            boolean active) {

        static AlertView of(ThresholdAlert a) {
            return new AlertView(a.id, a.subjectType.name(), a.subjectId, a.name, a.financialYear, a.thresholdPercent,
                    Money.pounds(a.amountPence), Money.pounds(a.limitPence), a.crossedAt, a.clearedAt, a.active());
        }
    }

    @GET
    @Operation(summary = "Your council's threshold alerts, newest first, paged",
            description = "active=true: those whose budget or contract is still over the threshold; active=false: "
                    + "those that have since fallen back below; absent: all.")
    public Page<AlertView> list(@QueryParam("active") String active, @Valid @BeanParam PageRequest page) {
        return Page.of(alerts.list(caller.requirePartnerCouncil(), flag(active), page), page.page, page.size,
                AlertView::of);
    }

    private static Optional<Boolean> flag(String active) {
        if (active == null || active.isBlank()) {
            return Optional.empty();
        }
        return switch (active.strip().toLowerCase()) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> throw ProblemException.badRequest("active", "must be true or false");
        };
    }
}
