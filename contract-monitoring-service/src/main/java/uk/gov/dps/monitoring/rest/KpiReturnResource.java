package uk.gov.dps.monitoring.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import uk.gov.dps.monitoring.domain.FinancialQuarter;
import uk.gov.dps.monitoring.domain.KpiReturn;
import uk.gov.dps.monitoring.service.KpiReturnService;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.Idempotent;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.ProblemException;
import uk.gov.dps.runtime.QueryValues;
import uk.gov.dps.runtime.Roles;

/**
 * Quarterly KPI returns. A provider submits and reads only its own; every partner council reads all of them.
 */
@Path("/kpi-returns")
@Tag(name = "KPI returns")
public class KpiReturnResource {

    @Inject
    KpiReturnService returns;

    @Inject
    Caller caller;

    public record SubmitKpiReturnRequest(
            @NotNull UUID providerId,
            @NotNull @Pattern(regexp = "[0-9]{4}-Q[1-4]", message = "must be a financial-year quarter such as 2018-Q3")
            String quarter,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal occupancyPercent,
            @NotNull @DecimalMin("0") @Digits(integer = 4, fraction = 2) BigDecimal staffTurnoverPercent,
            @NotNull @Min(0) @Max(100_000) Integer incidents,
            @NotNull @Min(0) @Max(100_000) Integer missingEpisodes,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2)
            BigDecimal educationAttendancePercent,
            @NotNull @Min(0) @Max(100_000) Integer complaints) {
    }

    public record KpiReturnView(UUID id, UUID providerId, String quarter, BigDecimal occupancyPercent,
            BigDecimal staffTurnoverPercent, int incidents, int missingEpisodes, BigDecimal educationAttendancePercent,
            int complaints, String submittedBy, String submittingCouncil, Instant receivedAt) {

        static KpiReturnView of(KpiReturn k) {
            return new KpiReturnView(k.id, k.providerId, k.quarter, k.occupancyPercent, k.staffTurnoverPercent,
                    k.incidents, k.missingEpisodes, k.educationAttendancePercent, k.complaints, k.submittedBy,
                    k.submittingCouncil, k.receivedAt);
        }
    }

    @POST
    @Idempotent
    @RolesAllowed({Roles.PROVIDER, Roles.MONITORING_OFFICER})
    @Operation(summary = "Submit a provider's quarterly KPI return (one per quarter)",
            description = "Provider users submit their own organisation's return; a monitoring officer may record one "
                    + "for a provider. Publishes dps.quality.kpi-return-received.v1; a return outside the KPI "
                    + "thresholds makes the provider amber.")
    public Response submit(@Valid @NotNull SubmitKpiReturnRequest request) {
        AuditTrail.Actor actor;
        if (caller.hasRole(Roles.PROVIDER)) {
            caller.requireOwnProviderIfProvider(request.providerId());
            actor = new AuditTrail.Actor(caller.name(), null); // the provider, not a council, submitted it
        } else {
            actor = Access.partnerCouncil(caller);
        }
        KpiReturn kpi = returns.receive(new KpiReturnService.NewKpiReturn(request.providerId(),
                FinancialQuarter.parse(request.quarter()), request.occupancyPercent(), request.staffTurnoverPercent(),
                request.incidents(), request.missingEpisodes(), request.educationAttendancePercent(),
                request.complaints()), actor);
        return Response.created(URI.create("/kpi-returns/" + kpi.id)).entity(KpiReturnView.of(kpi)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PROVIDER, Roles.MONITORING_OFFICER, Roles.COMMISSIONER})
    @Operation(summary = "One KPI return; provider users see only their own")
    public KpiReturnView get(@PathParam("id") UUID id) {
        if (!caller.hasRole(Roles.PROVIDER)) {
            Access.partnerCouncil(caller);
        }
        KpiReturn kpi = returns.get(id);
        caller.requireOwnProviderIfProvider(kpi.providerId);
        return KpiReturnView.of(kpi);
    }

    @GET
    @RolesAllowed({Roles.PROVIDER, Roles.MONITORING_OFFICER, Roles.COMMISSIONER})
    @Operation(summary = "KPI returns, newest quarter first, paged",
            description = "provider=<id> and/or quarter=2018-Q3 narrow the list. Provider users get their own "
                    + "organisation's returns only.")
    public Page<KpiReturnView> list(@QueryParam("provider") String provider, @QueryParam("quarter") String quarter,
            @Valid @BeanParam PageRequest page) {
        Optional<UUID> providerId = QueryValues.optionalId(provider, "provider");
        if (caller.hasRole(Roles.PROVIDER)) {
            UUID own = caller.providerClaim().orElseThrow(
                    () -> ProblemException.forbidden("Your token does not name your provider organisation."));
            providerId.ifPresent(caller::requireOwnProviderIfProvider);
            providerId = Optional.of(own);
        } else {
            Access.partnerCouncil(caller);
        }
        return Page.of(returns.list(providerId, Access.optionalQuarter(quarter, "quarter"), page), page.page,
                page.size, KpiReturnView::of);
    }
}
