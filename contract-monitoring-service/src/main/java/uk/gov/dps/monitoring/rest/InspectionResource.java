package uk.gov.dps.monitoring.rest;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
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
import uk.gov.dps.monitoring.domain.Inspection;
import uk.gov.dps.monitoring.service.InspectionService;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.Idempotent;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.QueryValues;
import uk.gov.dps.runtime.Roles;

@Path("/inspections")
@Tag(name = "Inspections")
public class InspectionResource {

    /** Ofsted URNs (SC123456) and CQC location ids (1-123456789). */
    static final String SETTING = "(?i)[A-Z0-9][A-Z0-9-]{2,19}";
    static final String SETTING_MESSAGE = "must be the setting's Ofsted URN or CQC location id, such as SC123456";

    @Inject
    InspectionService inspections;

    @Inject
    Caller caller;

    public record RecordInspectionRequest(
            @NotNull UUID providerId,
            @NotBlank @Pattern(regexp = SETTING, message = SETTING_MESSAGE) String settingUrn,
            @NotNull Inspection.Regulator regulator,
            @NotNull Inspection.Judgement judgement,
            @NotNull LocalDate inspectedOn,
            @Size(max = 100) String reportReference) {
    }

    public record InspectionView(UUID id, UUID providerId, String settingUrn, Inspection.Regulator regulator,
            Inspection.Judgement judgement, LocalDate inspectedOn, String reportReference, String recordingCouncil,
            String recordedBy, Instant recordedAt) {

        static InspectionView of(Inspection i) {
            return new InspectionView(i.id, i.providerId, i.settingUrn, i.regulator, i.judgement, i.inspectedOn,
                    i.reportReference, i.recordingCouncil, i.recordedBy, i.recordedAt);
        }
    }

    @POST
    @Idempotent
    @RolesAllowed(Roles.MONITORING_OFFICER)
    @Operation(summary = "Record an Ofsted or CQC judgement for one of a provider's registered settings",
            description = "Shared with every partner council. Publishes dps.quality.inspection-recorded.v1 and, when the "
                    + "provider's risk rating changes, dps.quality.risk-rating-changed.v1. An Inadequate judgement makes "
                    + "the provider red and suspends it from new call-offs.")
    public Response record(@Valid @NotNull RecordInspectionRequest request) {
        Inspection inspection = inspections.record(new InspectionService.NewInspection(request.providerId(),
                request.settingUrn().strip().toUpperCase(), request.regulator(), request.judgement(),
                request.inspectedOn(), blankToNull(request.reportReference())), Access.partnerCouncil(caller));
        return Response.created(URI.create("/inspections/" + inspection.id)).entity(InspectionView.of(inspection))
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MONITORING_OFFICER, Roles.COMMISSIONER})
    @Operation(summary = "One inspection outcome")
    public InspectionView get(@PathParam("id") UUID id) {
        Access.partnerCouncil(caller);
        return InspectionView.of(inspections.get(id));
    }

    @GET
    @RolesAllowed({Roles.MONITORING_OFFICER, Roles.COMMISSIONER})
    @Operation(summary = "Inspection outcomes, newest first, shared across partner councils, paged",
            description = "provider=<id> and/or judgement=INADEQUATE (etc.) narrow the list.")
    public Page<InspectionView> list(@QueryParam("provider") String provider, @QueryParam("judgement") String judgement,
            @Valid @BeanParam PageRequest page) {
        Access.partnerCouncil(caller);
        return Page.of(inspections.list(QueryValues.optionalId(provider, "provider"),
                QueryValues.optionalEnum(Inspection.Judgement.class, judgement, "judgement"), page), page.page,
                page.size, InspectionView::of);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
