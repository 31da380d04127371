package uk.gov.dps.placement.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import uk.gov.dps.placement.domain.FeeChangeRequest;
import uk.gov.dps.placement.rest.FeeChangeRequestResource.FeeChangeRequestView;
import uk.gov.dps.placement.service.FeeChangeRequestService;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.QueryValues;
import uk.gov.dps.runtime.Roles;

/** Fee change requests across placements: a council's queue to decide, or a provider's own requests. */
@Path("/fee-change-requests")
@Tag(name = "Placements")
public class FeeChangeRequestListResource {

    @Inject
    FeeChangeRequestService requests;

    @GET
    @RolesAllowed({Roles.PLACEMENT_OFFICER, Roles.COMMISSIONER, Roles.PROVIDER})
    @Operation(summary = "Fee change requests, newest first, paged: your council's, or a provider's own",
            description = "status: PENDING, ACCEPTED or REFUSED; placement: one placement's id.")
    public Page<FeeChangeRequestView> list(@QueryParam("status") String status,
            @QueryParam("placement") String placement, @Valid @BeanParam PageRequest page) {
        var wanted = QueryValues.optionalEnum(FeeChangeRequest.Status.class, status, "status");
        var placementId = QueryValues.optionalId(placement, "placement");
        return Page.of(requests.list(wanted, placementId, page), page.page, page.size, FeeChangeRequestView::of);
    }
}
