package uk.gov.dps.placement.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import io.vertx.core.http.HttpServerResponse;
import uk.gov.dps.placement.domain.CallOffRound;
import uk.gov.dps.placement.domain.Fee;
import uk.gov.dps.placement.domain.FundingShares;
import uk.gov.dps.placement.domain.Inbox;
import uk.gov.dps.placement.domain.Invitation;
import uk.gov.dps.events.placement.Need;
import uk.gov.dps.placement.domain.OfferEvaluation;
import uk.gov.dps.placement.domain.ParentalPreference;
import uk.gov.dps.placement.domain.Placement;
import uk.gov.dps.placement.domain.Referral;
import uk.gov.dps.placement.service.FitService;
import uk.gov.dps.placement.service.PlacementService;
import uk.gov.dps.placement.service.ReferralService;
import uk.gov.dps.placement.service.ResponseService;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.Idempotent;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.PostcodeDistricts;
import uk.gov.dps.runtime.ProblemException;
import uk.gov.dps.runtime.QueryValues;
import uk.gov.dps.runtime.Roles;

@Path("/referrals")
@Tag(name = "Referrals and call-offs")
public class ReferralResource {

    @Inject
    ReferralService referrals;

    @Inject
    ResponseService responses;

    @Inject
    PlacementService placements;

    @Inject
    Caller caller;

    public record RaiseReferralRequest(
            @NotNull UUID lotId,
            @Size(max = 40) String category,
            @NotNull @Pattern(regexp = "0-4|5-10|11-15|16-17", message = "must be one of 0-4, 5-10, 11-15, 16-17")
            String ageBand,
            @Pattern(regexp = "FEMALE|MALE|NOT_SAID", message = "must be FEMALE, MALE or NOT_SAID") String sex,
            @NotNull List<@NotNull Need> needs,
            @Pattern(regexp = "[A-Z]{1,2}[0-9][A-Z0-9]?", message = "must be a postcode district such as PE13")
            String postcodeDistrict,
            @Min(0) @Max(6) int siblingsToPlace,
            boolean emergency,
            @NotNull LocalDate wantedStart,
            @Min(1) @Max(520) Integer expectedDurationWeeks,
            @NotNull @Pattern(regexp = "DAY|WEEKS_38|WEEKS_52", message = "must be DAY, WEEKS_38 or WEEKS_52")
            String placementPattern,
            boolean educationRequired,
            boolean therapyRequired,
            @Pattern(regexp = CHILD_REFERENCE, message = CHILD_REFERENCE_RULE) String childReference,
            Referral.SchoolStatus schoolStatus, Referral.Urgency urgency) {
    }

    /** The council's own reference for the child: opaque to the platform, one path segment, never shown to providers. */
    static final String CHILD_REFERENCE = "[A-Za-z0-9][A-Za-z0-9._-]{0,59}";
    static final String CHILD_REFERENCE_RULE = "must be up to 60 letters, digits, '.', '_' or '-', starting with a "
            + "letter or digit";

    /** A referral as its reader may see it: officers the {@link ReferralView}, providers the invited view. */
    @Schema(oneOf = {ReferralView.class, InvitedReferralView.class})
    public sealed interface ReferralAnswer permits ReferralView, InvitedReferralView {
    }

    /** What an officer sees. */
    public record ReferralView(UUID id, String council, UUID lotId, String category, Referral.Status status,
            String ageBand, String sex, List<String> needs, String postcodeDistrict, int siblingsToPlace,
            boolean emergency, LocalDate wantedStart, Integer expectedDurationWeeks, String placementPattern,
            boolean educationRequired, boolean therapyRequired, Referral.InHouseOutcome inHouseOutcome,
            Instant respondBy, Instant raisedAt, String raisedBy, String childReference,
            Referral.SchoolStatus schoolStatus, Referral.Urgency urgency, int round, Instant closedAt,
            String closedReason, UUID spotPurchaseId) implements ReferralAnswer {

        static ReferralView of(Referral r) {
            return new ReferralView(r.id, r.council, r.lotId, r.category, r.status, r.ageBand, r.sex, List.of(r.needs),
                    r.postcodeDistrict, r.siblingsToPlace, r.emergency, r.wantedStart, r.expectedDurationWeeks,
                    r.placementPattern, r.educationRequired, r.therapyRequired, r.inHouseOutcome, r.respondBy,
                    r.raisedAt, r.raisedBy, r.childReference, r.schoolStatus, r.urgency, r.round, r.closedAt,
                    r.closedReason, r.spotPurchaseId);
        }
    }

    /**
     * What an invited provider sees: the minimal profile needed to offer, nothing about the council's staff;
     * once decided, only whether it was awarded to this provider (never who won nor the price).
     */
    public record InvitedReferralView(UUID id, UUID lotId, String category, String ageBand, String sex,
            List<String> needs, String postcodeDistrict, int siblingsToPlace, boolean emergency, LocalDate wantedStart,
            Integer expectedDurationWeeks, String placementPattern, boolean educationRequired, boolean therapyRequired,
            Instant respondBy, Referral.Status status, Inbox.Outcome outcome, Referral.SchoolStatus schoolStatus,
            Referral.Urgency urgency, int round) implements ReferralAnswer {

        static InvitedReferralView of(Referral r, Inbox.Outcome outcome) {
            return new InvitedReferralView(r.id, r.lotId, r.category, r.ageBand, r.sex, List.of(r.needs),
                    r.postcodeDistrict, r.siblingsToPlace, r.emergency, r.wantedStart, r.expectedDurationWeeks,
                    r.placementPattern, r.educationRequired, r.therapyRequired, r.respondBy, r.status, outcome,
                    r.schoolStatus, r.urgency, r.round);
        }
    }

    public record CancellationRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    public record UnmetRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    /** A re-run call-off: a wider category (or none: the whole lot), a new deadline, a tier (or every tier). */
    public record RoundRequest(@Size(max = 40) String category, @NotNull Instant respondBy, @Size(max = 40) String tier) {
    }

    public record RoundView(int round, String category, String tier, Instant calledOffAt, Instant respondBy,
            List<UUID> invitedProviderIds) {
        static RoundView of(CallOffRound r) {
            return new RoundView(r.round, r.category, r.tier, r.calledOffAt, r.respondBy,
                    List.of(r.invitedProviderIds));
        }
    }

    public record InHouseCheckRequest(@NotNull Referral.InHouseOutcome outcome, @Size(max = 2000) String notes) {
    }

    /** Either one deadline for everyone, or a window per tier (ISO-8601 duration, e.g. PT24H) to cascade. */
    public record CallOffRequest(Instant respondBy, java.time.Duration cascadeWindow) {
    }

    /** {@code fit}: the invitee's fit against its settings and vacancies, with the reasons (see {@link FitView}). */
    public record InvitationView(UUID providerId, String providerName, String tier, Instant invitedAt,
            Instant respondBy, FitView fit) {
        static InvitationView of(Invitation i) {
            return new InvitationView(i.providerId, i.providerName, i.tier, i.invitedAt, i.respondBy, FitView.of(i));
        }
    }

    public record FeeRequest(
            @NotNull @PositiveOrZero @Digits(integer = 7, fraction = 2) BigDecimal core,
            @PositiveOrZero @Digits(integer = 7, fraction = 2) BigDecimal additionalStaffing,
            @PositiveOrZero @Digits(integer = 7, fraction = 2) BigDecimal education,
            @PositiveOrZero @Digits(integer = 7, fraction = 2) BigDecimal therapy) {

        public Fee toFee() {
            return Fee.of(core, additionalStaffing, education, therapy);
        }
    }

    /** {@code settingId}: the provider's own open setting the child would live in (distance and fit use it). */
    public record OfferRequest(@NotNull @Valid FeeRequest weeklyFee, @NotNull LocalDate proposedStart,
            @NotBlank @Size(max = 100) String homeReference, List<@NotNull Need> needsMet, UUID settingId) {
    }

    public record DeclineRequest(@NotNull uk.gov.dps.placement.domain.Response.DeclineReason reason,
            @Size(max = 2000) String detail) {
    }

    /**
     * An offer or decline. An offer naming a setting shows the setting's name and its distance from the child's home
     * district: miles, the DfE's band (TWENTY_MILES_OR_LESS, OVER_TWENTY_MILES) and whether it is inside the
     * council's area (null when a district is unknown).
     */
    public record ResponseView(UUID id, UUID providerId, uk.gov.dps.placement.domain.Response.Kind kind,
            FeeView weeklyFee, LocalDate proposedStart, String homeReference, UUID settingId, List<String> needsMet,
            uk.gov.dps.placement.domain.Response.DeclineReason declineReason, String detail, Instant submittedAt,
            Instant amendedAt, Instant withdrawnAt, String withdrawalReason, String settingName,
            Double distanceMiles, PostcodeDistricts.DistanceBand distanceBand, Boolean insideArea) {

        static ResponseView of(uk.gov.dps.placement.domain.Response r) {
            return of(r, null);
        }

        static ResponseView of(uk.gov.dps.placement.domain.Response r, ResponseService.Placed placed) {
            PostcodeDistricts.PlacementDistance d = placed == null ? null : placed.distance();
            return new ResponseView(r.id, r.providerId, r.kind, r.fee == null ? null : FeeView.of(r.fee),
                    r.proposedStart, r.homeReference, r.settingId, List.of(r.needsMet), r.declineReason, r.detail,
                    r.submittedAt, r.amendedAt, r.withdrawnAt, r.withdrawalReason,
                    placed == null ? null : placed.settingName(), d == null ? null : d.miles(),
                    d == null ? null : d.band(), d == null ? null : d.insideArea());
        }
    }

    public record FeeView(BigDecimal core, BigDecimal additionalStaffing, BigDecimal education, BigDecimal therapy,
            BigDecimal total) {
        static FeeView of(Fee f) {
            return new FeeView(f.core, f.additionalStaffing, f.education, f.therapy, f.total());
        }
    }

    /** A ranked offer; one naming a setting shows its name and distance as {@link ResponseView} does. */
    public record RankedOfferView(int rank, UUID offerId, UUID providerId, String providerName,
            BigDecimal weeklyTotal, String latestJudgement, boolean excluded, BigDecimal priceScore,
            BigDecimal qualityScore, BigDecimal needsScore, BigDecimal score, List<String> reasons,
            String settingName, Double distanceMiles, PostcodeDistricts.DistanceBand distanceBand,
            Boolean insideArea) {

        static RankedOfferView of(OfferEvaluation.Ranked r) {
            return of(r, null);
        }

        static RankedOfferView of(OfferEvaluation.Ranked r, ResponseService.Placed placed) {
            OfferEvaluation.Candidate c = r.candidate();
            PostcodeDistricts.PlacementDistance d = placed == null ? null : placed.distance();
            return new RankedOfferView(r.rank(), c.offerId(), c.providerId(), c.providerName(), c.weeklyTotal(),
                    c.latestJudgement(), r.excluded(), r.priceScore(), r.qualityScore(), r.needsScore(), r.score(),
                    r.reasons(), placed == null ? null : placed.settingName(), d == null ? null : d.miles(),
                    d == null ? null : d.band(), d == null ? null : d.insideArea());
        }
    }

    public record WithdrawalRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    /** The whole offer as it should now stand, and why it changed. */
    public record AmendOfferRequest(@NotNull @Valid FeeRequest weeklyFee, @NotNull LocalDate proposedStart,
            @NotBlank @Size(max = 100) String homeReference, List<@NotNull Need> needsMet, UUID settingId,
            @Size(max = 2000) String reason) {
    }

    public record ShareRequest(@NotNull FundingShares.Stream stream,
            @NotNull @Digits(integer = 3, fraction = 2) BigDecimal percent) {
    }

    /**
     * {@code panelApprovalReference} is no longer accepted (400): the panel's approval is its decision on a panel
     * request. {@code justification}: required to award any offer but the first-ranked.
     */
    public record AwardRequest(@NotNull UUID offerId, @NotNull List<@Valid @NotNull ShareRequest> fundingShares,
            @Schema(hidden = true) Object panelApprovalReference, @Valid ParentalPreferenceRequest parentalPreference,
            LocalDate plannedStart, LocalDate expectedEnd, @Size(max = 10) String placementType,
            @Size(max = 10) String placementProvider, @Size(max = 4000) String justification,
            @Size(max = 200) String noticeReference, @Size(max = 4000) String exceptionalReason) {
    }

    /** The parents' preference for a special school: the school and what makes it binding. */
    public record ParentalPreferenceRequest(@NotBlank @Size(max = 200) String school,
            @NotNull ParentalPreference.Basis basis) {
    }

    @POST
    @Idempotent
    @RolesAllowed(Roles.PLACEMENT_OFFICER)
    @Operation(summary = "Raise a referral for one child (your council, from your token)",
            description = "Minimal personal data only. Publishes dps.referral.raised.v1.")
    public Response raise(@Valid @NotNull RaiseReferralRequest r) {
        Referral referral = referrals.raise(new ReferralService.NewReferral(r.lotId(),
                r.category() == null ? null : r.category().strip().toUpperCase(), r.ageBand(), r.sex(), r.needs(),
                r.postcodeDistrict(), r.siblingsToPlace(), r.emergency(), r.wantedStart(), r.expectedDurationWeeks(),
                r.placementPattern(), r.educationRequired(), r.therapyRequired(), r.childReference(), r.schoolStatus(),
                r.urgency()));
        return Response.created(URI.create("/referrals/" + referral.id)).entity(ReferralView.of(referral)).build();
    }

    @GET
    @RolesAllowed({Roles.PLACEMENT_OFFICER, Roles.PANEL})
    @Operation(summary = "Your council's referrals, newest first, paged")
    public Page<ReferralView> list(@QueryParam("status") String status, @Valid @BeanParam PageRequest page) {
        var wanted = QueryValues.optionalEnum(Referral.Status.class, status, "status");
        return Page.of(referrals.list(caller.requirePartnerCouncil(), wanted, page), page.page, page.size,
                ReferralView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PLACEMENT_OFFICER, Roles.PANEL, Roles.PROVIDER})
    @Operation(summary = "One referral: officers of its council see it all, invited providers the minimal profile")
    public ReferralAnswer get(@PathParam("id") UUID id) {
        Referral referral = referrals.readable(id);
        return caller.hasRole(Roles.PROVIDER)
                ? InvitedReferralView.of(referral, referrals.outcomeFor(referral, caller.providerClaim().orElseThrow()))
                : ReferralView.of(referral);
    }

    @POST
    @Path("/{id}/in-house-check")
    @RolesAllowed(Roles.PLACEMENT_OFFICER)
    @Operation(summary = "Record the in-house check; AVAILABLE closes the referral as placed in-house")
    public ReferralView inHouseCheck(@PathParam("id") UUID id, @Valid @NotNull InHouseCheckRequest request) {
        return ReferralView.of(referrals.recordInHouseCheck(id, request.outcome(), request.notes()));
    }

    @POST
    @Path("/{id}/call-off")
    @RolesAllowed(Roles.PLACEMENT_OFFICER)
    @Operation(summary = "Invite every member of the lot (serving the category) who is not suspended now",
            description = "Needs the in-house check first (409). With respondBy, everyone at once; with cascadeWindow "
                    + "(tiered lots), tier by tier, the next tier when a window closes without an offer. "
                    + "Publishes dps.referral.called-off.v1 per invited tier.")
    public List<InvitationView> callOff(@PathParam("id") UUID id, @Valid @NotNull CallOffRequest request,
            @Context HttpServerResponse http) {
        List<InvitationView> invited = referrals.callOff(id, request.respondBy(), request.cascadeWindow()).stream()
                .map(InvitationView::of).toList();
        // how long assessing every invitation's fit took, for ./dps bench and browsers' developer tools
        http.putHeader("Server-Timing", String.format(java.util.Locale.ROOT, "fit;dur=%.1f;desc=\"%d invitations\"",
                FitService.lastAssessmentMillis(), invited.size()));
        return invited;
    }

    @GET
    @Path("/{id}/invitations")
    @RolesAllowed({Roles.PLACEMENT_OFFICER, Roles.PANEL, Roles.PROVIDER})
    @Operation(summary = "Who was invited; a provider sees only its own invitation")
    public List<InvitationView> invitations(@PathParam("id") UUID id) {
        return referrals.invitations(id).stream().map(InvitationView::of).toList();
    }

    @POST
    @Path("/{id}/offers")
    @Idempotent
    @RolesAllowed(Roles.PROVIDER)
    @Operation(summary = "Offer a placement (invited, not suspended, before the deadline, once)",
            description = "Publishes dps.referral.offer-submitted.v1.")
    public Response offer(@PathParam("id") UUID id, @Valid @NotNull OfferRequest request) {
        var offer = responses.offer(id, new ResponseService.NewOffer(request.weeklyFee().toFee(),
                request.proposedStart(), request.homeReference(),
                request.needsMet() == null ? List.of() : request.needsMet(), request.settingId()));
        return Response.created(URI.create("/referrals/" + id + "/offers/" + offer.id)).entity(view(id, offer))
                .build();
    }

    @POST
    @Path("/{id}/declines")
    @RolesAllowed(Roles.PROVIDER)
    @Operation(summary = "Decline the call-off with a structured reason",
            description = "Publishes dps.referral.offer-declined.v1.")
    public Response decline(@PathParam("id") UUID id, @Valid @NotNull DeclineRequest request) {
        var decline = responses.decline(id, request.reason(), request.detail());
        return Response.status(Response.Status.CREATED).entity(ResponseView.of(decline)).build();
    }

    @POST
    @Path("/{id}/offers/{offerId}/withdrawal")
    @RolesAllowed(Roles.PROVIDER)
    @Operation(summary = "Withdraw your own offer before your deadline, with a reason",
            description = "A withdrawn offer is neither ranked nor awardable. After the deadline or the award: 409; "
                    + "another provider's offer: 403. Audited.")
    public ResponseView withdraw(@PathParam("id") UUID id, @PathParam("offerId") UUID offerId,
            @Valid @NotNull WithdrawalRequest request) {
        return view(id, responses.withdraw(id, offerId, request.reason()));
    }

    @PUT
    @Path("/{id}/offers/{offerId}")
    @RolesAllowed(Roles.PROVIDER)
    @Operation(summary = "Amend your own offer (itemised weekly fee, start, home) before your deadline",
            description = "The offer is evaluated with its new fee. After the deadline or the award: 409; another "
                    + "provider's offer: 403. Audited with the previous and new values.")
    public ResponseView amend(@PathParam("id") UUID id, @PathParam("offerId") UUID offerId,
            @Valid @NotNull AmendOfferRequest request) {
        return view(id, responses.amend(id, offerId, new ResponseService.NewOffer(request.weeklyFee().toFee(),
                request.proposedStart(), request.homeReference(),
                request.needsMet() == null ? List.of() : request.needsMet(), request.settingId()), request.reason()));
    }

    @GET
    @Path("/{id}/offers")
    @RolesAllowed({Roles.PLACEMENT_OFFICER, Roles.PANEL, Roles.PROVIDER})
    @Operation(summary = "Offers and declines; a provider sees only its own",
            description = "An offer naming a setting shows its distance from the child's home district: miles, the "
                    + "DfE's band and inside or outside the council's area.")
    public List<ResponseView> responses(@PathParam("id") UUID id) {
        var all = responses.responses(id);
        var placed = responses.placed(id, all);
        return all.stream().map(r -> ResponseView.of(r, placed.get(r.id))).toList();
    }

    private ResponseView view(UUID referralId, uk.gov.dps.placement.domain.Response response) {
        return ResponseView.of(response, responses.placed(referralId, List.of(response)).get(response.id));
    }

    @GET
    @Path("/{id}/evaluation")
    @RolesAllowed({Roles.PLACEMENT_OFFICER, Roles.PANEL})
    @Operation(summary = "Offers ranked by the price/quality score, with the reasons",
            description = "Inadequate providers are excluded (quality gateway). Weights: dps.placement.evaluation.*")
    public List<RankedOfferView> evaluation(@PathParam("id") UUID id) {
        var ranked = responses.evaluate(id);
        var placed = responses.placed(id, uk.gov.dps.placement.domain.Response.list("referralId", id));
        return ranked.stream().map(r -> RankedOfferView.of(r, placed.get(r.candidate().offerId()))).toList();
    }

    @POST
    @Path("/{id}/award")
    @Idempotent
    @RolesAllowed(Roles.PLACEMENT_OFFICER)
    @Operation(summary = "Award the call-off to an offer: creates the placement and its agreement, or a panel request",
            description = "Funding shares must add up to 100%. Any offer but the first-ranked needs a justification. "
                    + "An offer whose setting's own latest judgement is Inadequate is refused (422). From "
                    + "dps.placement.wales-for-profit-exceptional-from (2030-04-01), an offer at a for-profit setting "
                    + "in Wales needs an exceptionalReason (else 422), kept on the placement and in the audit. "
                    + "On a Procurement Act 2023 dynamic market the award names its contract award notice "
                    + "(noticeReference, else 400). "
                    + "An award that needs the County Resourcing Panel (special school without a parental "
                    + "preference, or a weekly cost above the threshold) answers 202 with a panel request and "
                    + "publishes dps.referral.panel-requested.v1; otherwise 201 with the placement and "
                    + "dps.placement.awarded.v1. A second award on the same referral is 409.")
    public Response award(@PathParam("id") UUID id, @Valid @NotNull AwardRequest request) {
        if (request.panelApprovalReference() != null) {
            throw ProblemException.badRequest("panelApprovalReference", "is no longer accepted: an award that needs "
                    + "the County Resourcing Panel becomes a panel request for the panel to decide");
        }
        ParentalPreferenceRequest preference = request.parentalPreference();
        PlacementService.Outcome outcome = placements.award(id, new PlacementService.Award(request.offerId(),
                request.fundingShares().stream().map(s -> new FundingShares.Share(s.stream(), s.percent())).toList(),
                preference == null ? null : new ParentalPreference(preference.school().strip(), preference.basis()),
                request.plannedStart(), request.expectedEnd(), request.placementType(), request.placementProvider(),
                request.justification(), request.noticeReference(), request.exceptionalReason()));
        if (outcome.panelRequest() != null) {
            return Response.accepted(PanelResource.PanelRequestView.of(outcome.panelRequest()))
                    .location(URI.create("/panel-requests/" + outcome.panelRequest().id)).build();
        }
        Placement placement = outcome.placement();
        return Response.created(URI.create("/placements/" + placement.id))
                .entity(PlacementResource.PlacementView.of(placement, List.of())).build();
    }

    @POST
    @Path("/{id}/cancellation")
    @RolesAllowed(Roles.PLACEMENT_OFFICER)
    @Operation(summary = "Cancel the referral at any stage before award, with a reason",
            description = "Every invitation closes. After award, or twice: 409. Publishes dps.referral.cancelled.v1.")
    public ReferralView cancel(@PathParam("id") UUID id, @Valid @NotNull CancellationRequest request) {
        return ReferralView.of(referrals.cancel(id, request.reason().strip()));
    }

    @POST
    @Path("/{id}/rounds")
    @RolesAllowed(Roles.PLACEMENT_OFFICER)
    @Operation(summary = "Re-run a call-off that ended without a suitable offer, under new terms",
            description = "After the last round's deadline and before award (else 409): invites the eligible members "
                    + "(of the category, of the tier if given) again; earlier rounds' offers stay. Publishes "
                    + "dps.referral.called-off.v1 with the round number.")
    public Response nextRound(@PathParam("id") UUID id, @Valid @NotNull RoundRequest request) {
        var round = referrals.nextRound(id, new ReferralService.NextRound(
                request.category() == null ? null : request.category().strip().toUpperCase(), request.respondBy(),
                request.tier()));
        return Response.created(URI.create("/referrals/" + id + "/rounds")).entity(RoundView.of(round)).build();
    }

    @GET
    @Path("/{id}/rounds")
    @RolesAllowed({Roles.PLACEMENT_OFFICER, Roles.PANEL})
    @Operation(summary = "The referral's call-off rounds, first to last, with their terms and invitees")
    public List<RoundView> rounds(@PathParam("id") UUID id) {
        return referrals.rounds(id).stream().map(RoundView::of).toList();
    }

    @POST
    @Path("/{id}/unmet")
    @RolesAllowed(Roles.PLACEMENT_OFFICER)
    @Operation(summary = "Close the referral as unmet: no suitable offer after a round's deadline, no award",
            description = "Before any round's deadline, or after award: 409. A spot purchase under an exemption may "
                    + "then name this referral. Publishes dps.referral.unmet.v1.")
    public ReferralView unmet(@PathParam("id") UUID id, @Valid @NotNull UnmetRequest request) {
        return ReferralView.of(referrals.closeUnmet(id, request.reason().strip()));
    }
}
