package uk.gov.dps.monitoring.rest;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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
import uk.gov.dps.monitoring.domain.MonitoringVisit;
import uk.gov.dps.monitoring.service.VisitService;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.Idempotent;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.QueryValues;
import uk.gov.dps.runtime.Roles;

@Path("/visits")
@Tag(name = "Monitoring visits")
public class VisitResource {

    @Inject
    VisitService visits;

    @Inject
    Caller caller;

    public record RecordVisitRequest(
            @NotNull UUID providerId,
            @Pattern(regexp = InspectionResource.SETTING, message = InspectionResource.SETTING_MESSAGE) String settingUrn,
            @NotNull MonitoringVisit.Type type,
            @NotNull LocalDate visitedOn,
            @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 4000) String> findings) {
    }

    public record VisitView(UUID id, UUID providerId, String settingUrn, MonitoringVisit.Type type, LocalDate visitedOn,
            List<String> findings, String recordingCouncil, String recordedBy, Instant recordedAt) {

        static VisitView of(MonitoringVisit v) {
            return new VisitView(v.id, v.providerId, v.settingUrn, v.type, v.visitedOn, List.copyOf(v.findings),
                    v.recordingCouncil, v.recordedBy, v.recordedAt);
        }
    }

    @POST
    @Idempotent
    @RolesAllowed(Roles.MONITORING_OFFICER)
    @Operation(summary = "Record a monitoring visit and its findings",
            description = "Findings inform concerns and improvement plans, which are recorded separately.")
    public Response record(@Valid @NotNull RecordVisitRequest request) {
        MonitoringVisit visit = visits.record(new VisitService.NewVisit(request.providerId(),
                request.settingUrn() == null ? null : request.settingUrn().strip().toUpperCase(), request.type(),
                request.visitedOn(), request.findings().stream().map(String::strip).toList()),
                Access.partnerCouncil(caller));
        return Response.created(URI.create("/visits/" + visit.id)).entity(VisitView.of(visit)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MONITORING_OFFICER, Roles.COMMISSIONER})
    @Operation(summary = "One monitoring visit")
    public VisitView get(@PathParam("id") UUID id) {
        Access.partnerCouncil(caller);
        return VisitView.of(visits.get(id));
    }

    @GET
    @RolesAllowed({Roles.MONITORING_OFFICER, Roles.COMMISSIONER})
    @Operation(summary = "Monitoring visits, newest first, shared across partner councils, paged")
    public Page<VisitView> list(@QueryParam("provider") String provider, @Valid @BeanParam PageRequest page) {
        Access.partnerCouncil(caller);
        return Page.of(visits.list(QueryValues.optionalId(provider, "provider"), page), page.page, page.size,
                VisitView::of);
    }
}
