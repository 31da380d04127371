package uk.gov.dps.placement.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
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
import uk.gov.dps.placement.domain.FeeChange;
import uk.gov.dps.placement.domain.FeeHistory;
import uk.gov.dps.placement.domain.FundingShares;
import uk.gov.dps.placement.domain.ParentalPreference;
import uk.gov.dps.placement.domain.Placement;
import uk.gov.dps.placement.service.PlacementService;
import uk.gov.dps.placement.service.Ssda903Recording;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.QueryValues;
import uk.gov.dps.runtime.Roles;

@Path("/placements")
@Tag(name = "Placements")
public class PlacementResource {

    @Inject
    PlacementService placements;

    @Inject
    Caller caller;

    public record FeeChangeView(LocalDate effectiveFrom, ReferralResource.FeeView weeklyFee, String reason,
            String changedBy) {
        static FeeChangeView of(FeeChange c) {
            return new FeeChangeView(c.effectiveFrom, ReferralResource.FeeView.of(c.fee), c.reason, c.changedBy);
        }
    }

    public record PlacementView(UUID id, String council, Placement.Basis basis, UUID referralId, UUID exemptionId,
            UUID lotId, String serviceType, UUID providerId, String providerName, ReferralResource.FeeView weeklyFee,
            String placementPattern, List<FundingShares.Share> fundingShares, LocalDate plannedStart,
            LocalDate expectedEnd, LocalDate startDate, LocalDate endDate, Placement.EndType endType, String endReason,
            Placement.Status status, Instant awardedAt, List<FeeChangeView> feeChanges, String childReference,
            String placementType, String placementProvider, String reasonEpisodeCeased, String reasonPlaceChange,
            String panelApprovalReference, ParentalPreference parentalPreference, String justification,
            String noticeReference, UUID settingId, String settingName, BigDecimal distanceMiles,
            String distanceBand, Boolean insideArea, String exceptionalReason)
            implements PlacementAnswer {

        static PlacementView of(Placement p, List<FeeChange> changes) {
            return new PlacementView(p.id, p.council, p.basis, p.referralId, p.exemptionId, p.lotId, p.serviceType,
                    p.providerId, p.providerName, ReferralResource.FeeView.of(p.fee), p.placementPattern,
                    List.copyOf(p.fundingShares), p.plannedStart, p.expectedEnd, p.startDate, p.endDate, p.endType,
                    p.endReason, p.status, p.awardedAt, changes.stream().map(FeeChangeView::of).toList(),
                    p.childReference, p.placementType, p.placementProvider, p.reasonEpisodeCeased, p.reasonPlaceChange,
                    p.panelApprovalReference, preference(p), p.justification, p.noticeReference, p.settingId,
                    p.settingName, p.distanceMiles, p.distanceBand, p.insideArea, p.exceptionalReason);
        }

        static ParentalPreference preference(Placement p) {
            return p.preferenceBasis == null ? null : new ParentalPreference(p.preferenceSchool, p.preferenceBasis);
        }
    }

    /** A placement as its reader may see it: officers the {@link PlacementView}, its provider the agreement. */
    @Schema(oneOf = {PlacementView.class, ProviderPlacementView.class})
    public sealed interface PlacementAnswer permits PlacementView, ProviderPlacementView {
    }

    /** One weekly fee and the day it took effect: the fee agreed at award first, then each change. */
    public record FeeHistoryView(LocalDate effectiveFrom, ReferralResource.FeeView weeklyFee, String reason,
            UUID feeChangeRequestId) {
        static FeeHistoryView of(FeeHistory.Entry e) {
            return new FeeHistoryView(e.effectiveFrom(), ReferralResource.FeeView.of(e.fee()), e.reason(),
                    e.requestId());
        }
    }

    /**
     * What the placement's provider sees: the terms of its individual placement agreement, the fee in force today
     * and every fee with its effective date and reason. Nothing about the child, the council's funding split,
     * panel or staff.
     */
    public record ProviderPlacementView(UUID id, String agreementForm, String council, UUID referralId, UUID lotId,
            String serviceType, UUID providerId, String providerName, String placementPattern, LocalDate plannedStart,
            LocalDate expectedEnd, LocalDate startDate, LocalDate endDate, Placement.EndType endType,
            Placement.Status status, Instant awardedAt, ReferralResource.FeeView weeklyFee,
            List<FeeHistoryView> feeHistory) implements PlacementAnswer {

        static ProviderPlacementView of(Placement p, List<FeeChange> changes, LocalDate today) {
            return new ProviderPlacementView(p.id, PlacementResource.agreementForm(p), p.council, p.referralId,
                    p.lotId, p.serviceType, p.providerId, p.providerName, p.placementPattern, p.plannedStart,
                    p.expectedEnd, p.startDate, p.endDate, p.endType, p.status, p.awardedAt,
                    ReferralResource.FeeView.of(FeeHistory.inForce(p, changes, today)),
                    FeeHistory.of(p, changes).stream().map(FeeHistoryView::of).toList());
        }
    }

    /**
     * The individual placement agreement: the terms of one child's placement with one provider. For special
     * schools the agreement takes the form of Schedule 2 of the National Schools and Colleges (NASS) contract.
     */
    public record AgreementView(UUID placementId, String form, String council, String providerName, UUID providerId,
            String serviceType, String basis, String basisReference, String placementPattern, LocalDate startDate,
            LocalDate expectedEnd, ReferralResource.FeeView weeklyFee, BigDecimal currentWeeklyTotal,
            List<FundingShares.Share> fundingShares, String panelApprovalReference,
            ParentalPreference parentalPreference, List<FeeChangeView> feeChanges, Instant agreedAt) {
    }

    public record StartRequest(@NotNull LocalDate startDate) {
    }

    public record FeeChangeRequest(@NotNull LocalDate effectiveFrom,
            @NotNull @Valid ReferralResource.FeeRequest weeklyFee, @NotBlank @Size(max = 2000) String reason) {
    }

    /**
     * SSDA903 codes: reasonEpisodeCeased (REC) ends a care placement; reasonPlaceChange (REASON_PLACE_CHANGE) goes with
     * REC X1 (a move to another placement) and ends a placement that is not a care placement; placementType
     * re-codes a placement whose PLACE code is not valid in the year of the end.
     */
    public record EndRequest(@NotNull LocalDate endDate, @NotNull Placement.EndType endType,
            @Size(max = 10) String reasonEpisodeCeased, @Size(max = 10) String reasonPlaceChange,
            @Size(max = 10) String placementType) {
    }

    @GET
    @RolesAllowed({Roles.PLACEMENT_OFFICER, Roles.PANEL, Roles.FINANCE_OFFICER, Roles.PROVIDER})
    @Operation(summary = "Your council's placements, or a provider's own placements, newest first, paged",
            description = "A provider sees only its own organisation's placements, each with the fee in force and "
                    + "the fee history.")
    public Page<PlacementAnswer> list(@QueryParam("status") String status, @Valid @BeanParam PageRequest page) {
        var wanted = QueryValues.optionalEnum(Placement.Status.class, status, "status");
        if (caller.hasRole(Roles.PROVIDER)) {
            List<Placement> own = placements.listOwn(wanted, page);
            Map<UUID, List<FeeChange>> changes = placements.feeChanges(own.stream().map(p -> p.id).toList());
            LocalDate today = placements.today();
            return Page.of(own, page.page, page.size,
                    p -> ProviderPlacementView.of(p, changes.getOrDefault(p.id, List.of()), today));
        }
        return Page.of(placements.list(wanted, page), page.page, page.size, p -> PlacementView.of(p, List.of()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PLACEMENT_OFFICER, Roles.PANEL, Roles.FINANCE_OFFICER, Roles.PROVIDER})
    @Operation(summary = "One placement: officers of its council see it all, its provider the agreement's terms "
            + "and the fee history; another provider gets 403")
    public PlacementAnswer get(@PathParam("id") UUID id) {
        Placement placement = placements.readable(id);
        if (caller.hasRole(Roles.PROVIDER)) {
            return ProviderPlacementView.of(placement, placements.feeChanges(id), placements.today());
        }
        return PlacementView.of(placement, placements.feeChanges(id));
    }

    @GET
    @Path("/{id}/agreement")
    @RolesAllowed({Roles.PLACEMENT_OFFICER, Roles.PANEL, Roles.FINANCE_OFFICER})
    @Operation(summary = "The individual placement agreement (NASS Schedule 2 for special schools)")
    public AgreementView agreement(@PathParam("id") UUID id) {
        Placement p = placements.get(id);
        List<FeeChange> changes = placements.feeChanges(id);
        LocalDate today = placements.today();
        BigDecimal current = changes.stream().filter(c -> !c.effectiveFrom.isAfter(today))
                .reduce((a, b) -> b).map(c -> c.fee.total()).orElse(p.fee.total());
        boolean callOff = p.basis == Placement.Basis.CALL_OFF;
        return new AgreementView(p.id, agreementForm(p), p.council, p.providerName, p.providerId, p.serviceType,
                callOff ? "DPS call-off" : "Spot purchase under exemption",
                callOff ? "referral " + p.referralId : "exemption " + p.exemptionId, p.placementPattern,
                p.startDate != null ? p.startDate : p.plannedStart, p.expectedEnd, ReferralResource.FeeView.of(p.fee),
                current, List.copyOf(p.fundingShares), p.panelApprovalReference, PlacementView.preference(p),
                changes.stream().map(FeeChangeView::of).toList(), p.awardedAt);
    }

    @POST
    @Path("/{id}/start")
    @RolesAllowed(Roles.PLACEMENT_OFFICER)
    @Operation(summary = "Record the day the placement started", description = "Publishes dps.placement.started.v1.")
    public PlacementView start(@PathParam("id") UUID id, @Valid @NotNull StartRequest request) {
        return PlacementView.of(placements.start(id, request.startDate()), placements.feeChanges(id));
    }

    @POST
    @Path("/{id}/fee-changes")
    @RolesAllowed(Roles.PLACEMENT_OFFICER)
    @Operation(summary = "Change the weekly fee from a date", description = "Publishes dps.placement.fee-changed.v1.")
    public PlacementView changeFee(@PathParam("id") UUID id, @Valid @NotNull FeeChangeRequest request) {
        placements.changeFee(id, request.effectiveFrom(), request.weeklyFee().toFee(), request.reason());
        return PlacementView.of(placements.get(id), placements.feeChanges(id));
    }

    @POST
    @Path("/{id}/end")
    @RolesAllowed(Roles.PLACEMENT_OFFICER)
    @Operation(summary = "End the placement (its last day), planned or by disruption, with its SSDA903 codes",
            description = "A care placement needs reasonEpisodeCeased (REC), and with REC X1 (a move to another "
                    + "placement) reasonPlaceChange; other placements need reasonPlaceChange. Each code must be valid "
                    + "in the collection year of endDate (400 naming the field, the code and the year). "
                    + "Publishes dps.placement.ended.v1.")
    public PlacementView end(@PathParam("id") UUID id, @Valid @NotNull EndRequest request) {
        return PlacementView.of(placements.end(id, request.endDate(), request.endType(),
                new Ssda903Recording.EndCodes(request.reasonEpisodeCeased(), request.reasonPlaceChange(),
                        request.placementType())), placements.feeChanges(id));
    }

    /** For special schools the agreement is Schedule 2 of the NASS contract. */
    private static String agreementForm(Placement p) {
        return "SPECIAL_SCHOOL".equals(p.serviceType) ? "NASS_CONTRACT_SCHEDULE_2" : "INDIVIDUAL_PLACEMENT_AGREEMENT";
    }
}
