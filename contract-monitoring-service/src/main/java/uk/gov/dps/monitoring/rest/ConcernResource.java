package uk.gov.dps.monitoring.rest;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import uk.gov.dps.monitoring.domain.Concern;
import uk.gov.dps.monitoring.service.ConcernService;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.Idempotent;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.QueryValues;
import uk.gov.dps.runtime.Roles;

@Path("/concerns")
@Tag(name = "Concerns")
public class ConcernResource {

    @Inject
    ConcernService concerns;

    @Inject
    Caller caller;

    public record RaiseConcernRequest(
            @NotNull UUID providerId,
            @NotNull Concern.Severity severity,
            @NotBlank @Size(max = 500) String summary,
            @Size(max = 8000) String details,
            @Pattern(regexp = InspectionResource.SETTING, message = InspectionResource.SETTING_MESSAGE) String settingUrn,
            UUID visitId) {
    }

    public record ResolutionRequest(@NotBlank @Size(max = 4000) String resolution) {
    }

    public record ConcernView(UUID id, UUID providerId, String settingUrn, UUID visitId, Concern.Severity severity,
            String summary, String details, Concern.Status status, String raisingCouncil, String raisedBy,
            Instant raisedAt, String resolution, String resolvingCouncil, String resolvedBy, Instant resolvedAt) {

        static ConcernView of(Concern c) {
            return new ConcernView(c.id, c.providerId, c.settingUrn, c.visitId, c.severity, c.summary, c.details,
                    c.status, c.raisingCouncil, c.raisedBy, c.raisedAt, c.resolution, c.resolvingCouncil, c.resolvedBy,
                    c.resolvedAt);
        }
    }

    @POST
    @Idempotent
    @RolesAllowed(Roles.MONITORING_OFFICER)
    @Operation(summary = "Raise a concern about a provider",
            description = "Publishes dps.quality.concern-raised.v1. A serious concern, or two high ones, makes the "
                    + "provider red (and suspends it from new call-offs); one high or two medium make it amber.")
    public Response raise(@Valid @NotNull RaiseConcernRequest request) {
        Concern concern = concerns.raise(new ConcernService.NewConcern(request.providerId(), request.severity(),
                request.summary().strip(), InspectionResource.blankToNull(request.details()),
                request.settingUrn() == null ? null : request.settingUrn().strip().toUpperCase(), request.visitId()),
                Access.partnerCouncil(caller));
        return Response.created(URI.create("/concerns/" + concern.id)).entity(ConcernView.of(concern)).build();
    }

    @POST
    @Path("/{id}/resolution")
    @Idempotent
    @RolesAllowed(Roles.MONITORING_OFFICER)
    @Operation(summary = "Resolve a concern, saying how",
            description = "Any partner council may resolve it. 409 when resolved already. Publishes "
                    + "dps.quality.concern-resolved.v1 and re-assesses the provider's risk rating.")
    public Response resolve(@PathParam("id") UUID id, @Valid @NotNull ResolutionRequest request) {
        Concern concern = concerns.resolve(id, request.resolution().strip(), Access.partnerCouncil(caller));
        return Response.ok(ConcernView.of(concern)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MONITORING_OFFICER, Roles.COMMISSIONER})
    @Operation(summary = "One concern")
    public ConcernView get(@PathParam("id") UUID id) {
        Access.partnerCouncil(caller);
        return ConcernView.of(concerns.get(id));
    }

    @GET
    @RolesAllowed({Roles.MONITORING_OFFICER, Roles.COMMISSIONER})
    @Operation(summary = "Concerns, newest first, shared across partner councils, paged",
            description = "provider=<id>, status=OPEN|RESOLVED and severity=LOW|MEDIUM|HIGH|SERIOUS narrow the list.")
    public Page<ConcernView> list(@QueryParam("provider") String provider, @QueryParam("status") String status,
            @QueryParam("severity") String severity, @Valid @BeanParam PageRequest page) {
        Access.partnerCouncil(caller);
        return Page.of(concerns.list(QueryValues.optionalId(provider, "provider"),
                QueryValues.optionalEnum(Concern.Status.class, status, "status"),
                QueryValues.optionalEnum(Concern.Severity.class, severity, "severity"), page), page.page, page.size,
                ConcernView::of);
    }
}
