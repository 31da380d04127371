package uk.gov.dps.placement.rest;

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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import uk.gov.dps.placement.domain.FundingShares;
import uk.gov.dps.placement.domain.PanelRequest;
import uk.gov.dps.placement.domain.ParentalPreference;
import uk.gov.dps.placement.domain.Referral;
import uk.gov.dps.placement.domain.Response;
import uk.gov.dps.placement.service.PanelService;
import uk.gov.dps.placement.service.ResponseService;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.QueryValues;
import uk.gov.dps.runtime.Roles;

/** The County Resourcing Panel's queue of awards waiting for it, and its decisions. */
@Path("/panel-requests")
@Tag(name = "County Resourcing Panel")
public class PanelResource {

    @Inject
    PanelService panel;

    @Inject
    ResponseService responses;

    public record PanelRequestView(UUID id, UUID referralId, String council, UUID offerId, UUID providerId,
            ReferralResource.FeeView weeklyFee, List<String> reasons, String justification,
            ParentalPreference parentalPreference, List<FundingShares.Share> fundingShares, LocalDate plannedStart,
            LocalDate expectedEnd, PanelRequest.Status status, String requestedBy, Instant requestedAt,
            String decisionReasons, String decidedBy, Instant decidedAt, UUID placementId, String noticeReference) {

        static PanelRequestView of(PanelRequest r) {
            return new PanelRequestView(r.id, r.referralId, r.council, r.offerId, r.providerId,
                    ReferralResource.FeeView.of(r.fee), List.copyOf(r.reasons), r.justification, r.preference(),
                    List.copyOf(r.fundingShares), r.plannedStart, r.expectedEnd, r.status, r.requestedBy,
                    r.requestedAt, r.decisionReasons, r.decidedBy, r.decidedAt, r.placementId, r.noticeReference);
        }
    }

    /** The child as the panel needs to know them: the minimal profile, no council reference. */
    public record ReferralProfile(UUID id, UUID lotId, String category, String ageBand, String sex,
            List<String> needs, String postcodeDistrict, int siblingsToPlace, boolean emergency, LocalDate wantedStart,
            Integer expectedDurationWeeks, String placementPattern, boolean educationRequired,
            boolean therapyRequired, Referral.Status status) {

        static ReferralProfile of(Referral r) {
            return new ReferralProfile(r.id, r.lotId, r.category, r.ageBand, r.sex, List.of(r.needs),
                    r.postcodeDistrict, r.siblingsToPlace, r.emergency, r.wantedStart, r.expectedDurationWeeks,
                    r.placementPattern, r.educationRequired, r.therapyRequired, r.status);
        }
    }

    /** What the panel decides on: the request, the child, the offer and how the offers ranked. */
    public record PanelCaseView(PanelRequestView request, ReferralProfile referral,
            ReferralResource.ResponseView offer, List<ReferralResource.RankedOfferView> evaluation) {
    }

    public record DecisionRequest(@NotNull PanelService.Decision decision,
            @NotBlank @Size(max = 4000) String reasons) {
    }

    @GET
    @RolesAllowed(Roles.PANEL)
    @Operation(summary = "Your council's panel requests, oldest first, paged",
            description = "status: PENDING (the queue), APPROVED or REFUSED; referral: one referral's history.")
    public Page<PanelRequestView> list(@QueryParam("status") String status,
            @QueryParam("referral") String referral, @Valid @BeanParam PageRequest page) {
        var wanted = QueryValues.optionalEnum(PanelRequest.Status.class, status, "status");
        var referralId = QueryValues.optionalId(referral, "referral");
        return Page.of(panel.list(wanted, referralId, page), page.page, page.size, PanelRequestView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.PANEL)
    @Operation(summary = "One panel request with the child's minimal profile, the offer and the ranked evaluation")
    public PanelCaseView get(@PathParam("id") UUID id) {
        PanelRequest request = panel.get(id);
        return new PanelCaseView(PanelRequestView.of(request), ReferralProfile.of(Referral.findById(request.referralId)),
                ReferralResource.ResponseView.of(Response.findById(request.offerId)),
                responses.evaluate(request.referralId).stream().map(ReferralResource.RankedOfferView::of).toList());
    }

    @POST
    @Path("/{id}/decision")
    @RolesAllowed(Roles.PANEL)
    @Operation(summary = "Approve or refuse a panel request (your council's panel, once), with reasons",
            description = "APPROVED makes the placement as the award asked (dps.placement.awarded.v1, its "
                    + "panelApprovalReference the request's id); REFUSED opens the referral for another award. "
                    + "A second decision is 409. Publishes dps.referral.panel-decided.v1.")
    public PanelRequestView decide(@PathParam("id") UUID id, @Valid @NotNull DecisionRequest request) {
        return PanelRequestView.of(panel.decide(id, request.decision(), request.reasons()));
    }
}
