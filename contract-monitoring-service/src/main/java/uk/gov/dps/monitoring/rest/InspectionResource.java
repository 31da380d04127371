package uk.gov.dps.monitoring.rest;

import java.time.LocalDate;
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
import uk.gov.dps.monitoring.domain.Inspection;
import uk.gov.dps.monitoring.service.InspectionService;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.ProblemException;
import uk.gov.dps.runtime.Roles;

@Path("/inspections")
@Tag(name = "Inspections")
public class InspectionResource {

    @Inject
    InspectionService inspections;

    public record InspectionView(UUID id, UUID providerId, String settingUrn, Inspection.Regulator regulator,
            Inspection.Judgement judgement, LocalDate inspectedOn, String reportReference, String recordingCouncil) {

        static InspectionView of(Inspection i) {
            return new InspectionView(i.id, i.providerId, i.settingUrn, i.regulator, i.judgement, i.inspectedOn,
                    i.reportReference, i.recordingCouncil);
        }
    }

    @GET
    @RolesAllowed({Roles.MONITORING_OFFICER, Roles.COMMISSIONER})
    @Operation(summary = "Inspection outcomes, newest first, shared across partner councils, paged")
    public Page<InspectionView> list(@QueryParam("provider") String provider, @Valid @BeanParam PageRequest page) {
        return Page.of(inspections.list(providerId(provider), page), page.page, page.size, InspectionView::of);
    }

    private static Optional<UUID> providerId(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("provider", "must be a provider id (UUID)");
        }
    }
}
