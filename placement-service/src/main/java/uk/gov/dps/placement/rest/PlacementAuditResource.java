package uk.gov.dps.placement.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import uk.gov.dps.placement.service.PlacementService;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.Roles;

/** The placement's council reads its audit trail; the provider does not. */
@Path("/placements/{id}/audit")
@Tag(name = "Placements")
public class PlacementAuditResource {

    @Inject
    PlacementService placements;

    @Inject
    AuditTrail audit;

    @GET
    @RolesAllowed({Roles.PLACEMENT_OFFICER, Roles.PANEL, Roles.COMMISSIONER, Roles.FINANCE_OFFICER})
    @Operation(summary = "Every decision on the placement, oldest first: how it was made (award, panel approval or spot purchase), start, fee changes and requests, end")
    public Page<AuditTrail.Entry> audit(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        placements.get(id);
        return Page.of(audit.about(id, page), page.page, page.size, e -> e);
    }
}
