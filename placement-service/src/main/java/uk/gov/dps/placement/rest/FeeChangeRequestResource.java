package uk.gov.dps.placement.rest;

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
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import uk.gov.dps.placement.domain.FeeChangeRequest;
import uk.gov.dps.placement.service.FeeChangeRequestService;
import uk.gov.dps.runtime.Idempotent;
import uk.gov.dps.runtime.Roles;

/**
 * A provider's requests to change the weekly fee of its placement, and the council's decisions; listed across
 * placements by {@link FeeChangeRequestListResource}. A class of its own under the placement's path: Quarkus REST
 * matches the most specific class path first.
 */
@Path("/placements/{id}/fee-change-requests")
@Tag(name = "Placements")
public class FeeChangeRequestResource {

    @Inject
    FeeChangeRequestService requests;

    public record NewFeeChangeRequest(@NotNull LocalDate effectiveFrom,
            @NotNull @Valid ReferralResource.FeeRequest weeklyFee, @NotBlank @Size(max = 2000) String reason) {
    }

    public record DecisionRequest(@NotNull FeeChangeRequest.Decision decision, @Size(max = 2000) String reason) {
    }

    public record FeeChangeRequestView(UUID id, UUID placementId, String council, UUID providerId,
            LocalDate effectiveFrom, ReferralResource.FeeView weeklyFee, String reason, FeeChangeRequest.Status status,
            Instant requestedAt, String decisionReason, Instant decidedAt) {

        static FeeChangeRequestView of(FeeChangeRequest r) {
            return new FeeChangeRequestView(r.id, r.placementId, r.council, r.providerId, r.effectiveFrom,
                    ReferralResource.FeeView.of(r.fee), r.reason, r.status, r.requestedAt, r.decisionReason,
                    r.decidedAt);
        }
    }

    @POST
    @Idempotent
    @RolesAllowed(Roles.PROVIDER)
    @Operation(summary = "Ask the placement's council to change your weekly fee from a date, with a reason",
            description = "Your own placements only (403 otherwise). An effective date before the placement starts or "
                    + "after it ended is 400; an ended placement takes no request (409). Nothing changes until the "
                    + "council accepts. Publishes dps.placement.fee-change-requested.v1.")
    public Response request(@PathParam("id") UUID id, @Valid @NotNull NewFeeChangeRequest request) {
        FeeChangeRequest created = requests.request(id, request.effectiveFrom(), request.weeklyFee().toFee(),
                request.reason().strip());
        return Response.created(URI.create("/placements/" + id + "/fee-change-requests/" + created.id))
                .entity(FeeChangeRequestView.of(created)).build();
    }

    @GET
    @Path("/{requestId}")
    @RolesAllowed({Roles.PLACEMENT_OFFICER, Roles.COMMISSIONER, Roles.PROVIDER})
    @Operation(summary = "One fee change request: for the placement's council or its provider")
    public FeeChangeRequestView get(@PathParam("id") UUID id, @PathParam("requestId") UUID requestId) {
        return FeeChangeRequestView.of(requests.get(id, requestId));
    }

    @POST
    @Path("/{requestId}/decision")
    @RolesAllowed({Roles.PLACEMENT_OFFICER, Roles.COMMISSIONER})
    @Operation(summary = "Accept or refuse a provider's fee change request (the placement's council, once)",
            description = "ACCEPTED changes the fee from the requested date as a council fee change does (publishes "
                    + "dps.placement.fee-changed.v1); REFUSED needs a reason and changes nothing. A second decision "
                    + "is 409. Publishes dps.placement.fee-change-decided.v1.")
    public FeeChangeRequestView decide(@PathParam("id") UUID id, @PathParam("requestId") UUID requestId,
            @Valid @NotNull DecisionRequest request) {
        String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        return FeeChangeRequestView.of(requests.decide(id, requestId, request.decision(), reason));
    }
}
