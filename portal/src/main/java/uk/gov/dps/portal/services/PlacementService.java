package uk.gov.dps.portal.services;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** placement-service as the portal calls it: referrals (officers, panel) and the providers' invitations inbox. */
@RegisterRestClient(configKey = PlacementService.NAME)
@RegisterProvider(SignedInUserToken.class)
@RegisterProvider(ServiceErrors.Placement.class)
public interface PlacementService {

    String NAME = "placement-service";

    record Referral(UUID id, String council, UUID lotId, String category, String status, String ageBand, String sex,
            List<String> needs, String postcodeDistrict, int siblingsToPlace, boolean emergency, LocalDate wantedStart,
            Integer expectedDurationWeeks, String placementPattern, boolean educationRequired,
            boolean therapyRequired, String inHouseOutcome, Instant respondBy, Instant raisedAt, String raisedBy) {

        public List<String> needs() {
            return needs == null ? List.of() : needs;
        }
    }

    record InvitedReferral(UUID id, UUID lotId, String category, String ageBand, String sex, List<String> needs,
            String postcodeDistrict, boolean emergency, LocalDate wantedStart, String placementPattern,
            Instant respondBy, String status, String outcome) {

        public List<String> needs() {
            return needs == null ? List.of() : needs;
        }
    }

    record OwnResponse(String kind, UUID offerId, Fee weeklyFee, String declineReason, Instant submittedAt,
            Instant amendedAt, Instant withdrawnAt) {
    }

    record Fee(java.math.BigDecimal core, java.math.BigDecimal total) {
    }

    record Invitation(UUID referralId, String status, Instant invitedAt, Instant respondBy, InvitedReferral referral,
            OwnResponse response, String outcome) {
    }

    record InHouseCheck(String outcome, String notes) {
    }

    @GET
    @Path("/referrals")
    Page<Referral> referrals(@QueryParam("status") String status, @QueryParam("page") int page);

    @GET
    @Path("/referrals/{id}")
    Referral referral(@PathParam("id") UUID id);

    @POST
    @Path("/referrals/{id}/in-house-check")
    Referral recordInHouseCheck(@PathParam("id") UUID id, InHouseCheck check);

    @GET
    @Path("/invitations")
    Page<Invitation> invitations(@QueryParam("status") String status, @QueryParam("page") int page);

    // --- placement officers: raising, calling off, awarding, closing; their placements; the panel -------------

    record NewReferral(UUID lotId, String category, String ageBand, String sex, List<String> needs,
            String postcodeDistrict, int siblingsToPlace, boolean emergency, LocalDate wantedStart,
            Integer expectedDurationWeeks, String placementPattern, boolean educationRequired,
            boolean therapyRequired, String childReference, String schoolStatus, String urgency) {
    }

    /** Either respondBy for everyone at once, or cascadeWindow (ISO-8601, e.g. PT24H) tier by tier. */
    record CallOff(Instant respondBy, java.time.Duration cascadeWindow) {
    }

    record NextRound(String category, Instant respondBy, String tier) {
    }

    record CalledOff(UUID providerId, String providerName, String tier, Instant invitedAt, Instant respondBy) {
    }

    record Reason(String reason) {
    }

    record RankedOffer(int rank, UUID offerId, UUID providerId, String providerName, java.math.BigDecimal weeklyTotal,
            String latestJudgement, boolean excluded, java.math.BigDecimal priceScore,
            java.math.BigDecimal qualityScore, java.math.BigDecimal needsScore, java.math.BigDecimal score,
            List<String> reasons) {

        public List<String> reasons() {
            return reasons == null ? List.of() : reasons;
        }
    }

    record Share(String stream, java.math.BigDecimal percent) {
    }

    record Preference(String school, String basis) {
    }

    record Award(UUID offerId, List<Share> fundingShares, Preference parentalPreference, LocalDate plannedStart,
            LocalDate expectedEnd, String justification, String noticeReference) {
    }

    /**
     * The weekly fee line by line, as offers, amendments and fee changes take it. The total is the service's to
     * work out: a request leaves it out (placement-service refuses fields a request does not have).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record FeeLines(java.math.BigDecimal core, java.math.BigDecimal additionalStaffing,
            java.math.BigDecimal education, java.math.BigDecimal therapy, java.math.BigDecimal total) {
    }

    record FeeChangeView(LocalDate effectiveFrom, FeeLines weeklyFee, String reason, String changedBy) {
    }

    record Placement(UUID id, String council, String basis, UUID referralId, UUID lotId, String serviceType,
            UUID providerId, String providerName, FeeLines weeklyFee, String placementPattern,
            List<Share> fundingShares, LocalDate plannedStart, LocalDate expectedEnd, LocalDate startDate,
            LocalDate endDate, String endType, String status, Instant awardedAt, List<FeeChangeView> feeChanges,
            String reasonEpisodeCeased, String reasonPlaceChange, String panelApprovalReference,
            String justification, String noticeReference) {

        public List<FeeChangeView> feeChanges() {
            return feeChanges == null ? List.of() : feeChanges;
        }

        public List<Share> fundingShares() {
            return fundingShares == null ? List.of() : fundingShares;
        }
    }

    /** What an award answers: a placement (201) or, when the panel must decide, a panel request (202). */
    record Awarded(UUID id, UUID referralId, String status, List<String> reasons) {

        public boolean sentToPanel() {
            return reasons != null;
        }
    }

    record StartDate(LocalDate startDate) {
    }

    /** A new weekly fee from a date: the council's own change, or what a provider asks the council for. */
    record FeeChange(LocalDate effectiveFrom, FeeLines weeklyFee, String reason) {
    }

    record End(LocalDate endDate, String endType, String reasonEpisodeCeased, String reasonPlaceChange,
            String placementType) {
    }

    record PanelRequest(UUID id, UUID referralId, UUID offerId, UUID providerId, FeeLines weeklyFee,
            List<String> reasons, String justification, Preference parentalPreference, List<Share> fundingShares,
            LocalDate plannedStart, LocalDate expectedEnd, String status, String requestedBy, Instant requestedAt,
            String decisionReasons, String decidedBy, Instant decidedAt, UUID placementId) {

        public List<String> reasons() {
            return reasons == null ? List.of() : reasons;
        }

        public List<Share> fundingShares() {
            return fundingShares == null ? List.of() : fundingShares;
        }
    }

    record PanelOffer(UUID id, UUID providerId, FeeLines weeklyFee, LocalDate proposedStart, String homeReference,
            List<String> needsMet) {
    }

    record PanelCase(PanelRequest request, Referral referral, PanelOffer offer, List<RankedOffer> evaluation) {
    }

    record Decision(String decision, String reasons) {
    }

    @POST
    @Path("/referrals")
    Referral raise(NewReferral referral);

    @POST
    @Path("/referrals/{id}/call-off")
    List<CalledOff> callOff(@PathParam("id") UUID id, CallOff callOff);

    @POST
    @Path("/referrals/{id}/rounds")
    void nextRound(@PathParam("id") UUID id, NextRound round);

    @GET
    @Path("/referrals/{id}/evaluation")
    List<RankedOffer> evaluation(@PathParam("id") UUID id);

    @POST
    @Path("/referrals/{id}/award")
    Awarded award(@PathParam("id") UUID id, Award award);

    @POST
    @Path("/referrals/{id}/cancellation")
    Referral cancel(@PathParam("id") UUID id, Reason reason);

    @POST
    @Path("/referrals/{id}/unmet")
    Referral closeUnmet(@PathParam("id") UUID id, Reason reason);

    @GET
    @Path("/placements")
    Page<Placement> placements(@QueryParam("status") String status, @QueryParam("page") int page);

    @GET
    @Path("/placements/{id}")
    Placement placement(@PathParam("id") UUID id);

    @POST
    @Path("/placements/{id}/start")
    Placement start(@PathParam("id") UUID id, StartDate start);

    @POST
    @Path("/placements/{id}/fee-changes")
    Placement changeFee(@PathParam("id") UUID id, FeeChange change);

    @POST
    @Path("/placements/{id}/end")
    Placement end(@PathParam("id") UUID id, End end);

    @GET
    @Path("/panel-requests")
    Page<PanelRequest> panelRequests(@QueryParam("status") String status, @QueryParam("page") int page);

    @GET
    @Path("/panel-requests/{id}")
    PanelCase panelRequest(@PathParam("id") UUID id);

    @POST
    @Path("/panel-requests/{id}/decision")
    PanelRequest decide(@PathParam("id") UUID id, Decision decision);

    // --- providers: one invitation, their offer or decline; their placements -------------------------------

    /** What an invited provider may read of a referral: the minimal profile, never the child. */
    record InvitedProfile(UUID id, UUID lotId, String category, String ageBand, String sex, List<String> needs,
            String postcodeDistrict, int siblingsToPlace, boolean emergency, LocalDate wantedStart,
            Integer expectedDurationWeeks, String placementPattern, boolean educationRequired,
            boolean therapyRequired, Instant respondBy, String status, String outcome) {

        public List<String> needs() {
            return needs == null ? List.of() : needs;
        }
    }

    record OfferRequest(FeeLines weeklyFee, LocalDate proposedStart, String homeReference, List<String> needsMet) {
    }

    record DeclineRequest(String reason, String detail) {
    }

    record WithdrawalRequest(String reason) {
    }

    record OfferOrDecline(UUID id, UUID providerId, String kind, FeeLines weeklyFee, LocalDate proposedStart,
            String homeReference, List<String> needsMet, String declineReason, String detail, Instant submittedAt,
            Instant amendedAt, Instant withdrawnAt, String withdrawalReason) {

        public List<String> needsMet() {
            return needsMet == null ? List.of() : needsMet;
        }
    }

    record FeeHistoryEntry(LocalDate effectiveFrom, FeeLines weeklyFee, String reason, UUID feeChangeRequestId) {
    }

    /** A placement as its provider sees it: the agreement's terms and every fee with the day it took effect. */
    record ProviderPlacement(UUID id, String agreementForm, String council, UUID referralId, UUID lotId,
            String serviceType, String placementPattern, LocalDate plannedStart, LocalDate expectedEnd,
            LocalDate startDate, LocalDate endDate, String endType, String status, Instant awardedAt,
            FeeLines weeklyFee, List<FeeHistoryEntry> feeHistory) {

        public List<FeeHistoryEntry> feeHistory() {
            return feeHistory == null ? List.of() : feeHistory;
        }
    }

    @GET
    @Path("/referrals/{id}")
    InvitedProfile invitedReferral(@PathParam("id") UUID id);

    @GET
    @Path("/referrals/{id}/offers")
    List<OfferOrDecline> ownResponses(@PathParam("id") UUID id);

    @POST
    @Path("/referrals/{id}/offers")
    OfferOrDecline offer(@PathParam("id") UUID id, @HeaderParam("Idempotency-Key") String key, OfferRequest offer);

    record AmendOfferRequest(FeeLines weeklyFee, LocalDate proposedStart, String homeReference,
            List<String> needsMet, String reason) {
    }

    @jakarta.ws.rs.PUT
    @Path("/referrals/{id}/offers/{offerId}")
    OfferOrDecline amend(@PathParam("id") UUID id, @PathParam("offerId") UUID offerId, AmendOfferRequest amendment);

    @POST
    @Path("/referrals/{id}/declines")
    OfferOrDecline decline(@PathParam("id") UUID id, DeclineRequest decline);

    @POST
    @Path("/referrals/{id}/offers/{offerId}/withdrawal")
    OfferOrDecline withdraw(@PathParam("id") UUID id, @PathParam("offerId") UUID offerId,
            WithdrawalRequest withdrawal);

    @GET
    @Path("/placements")
    Page<ProviderPlacement> ownPlacements(@QueryParam("status") String status, @QueryParam("page") int page);

    record FeeChangeRequested(UUID id, UUID placementId, LocalDate effectiveFrom, FeeLines weeklyFee, String reason,
            String status, Instant requestedAt) {
    }

    @GET
    @Path("/placements/{id}")
    ProviderPlacement ownPlacement(@PathParam("id") UUID id);

    /** The provider asks the council; nothing changes until the council accepts. */
    @POST
    @Path("/placements/{id}/fee-change-requests")
    FeeChangeRequested requestFeeChange(@PathParam("id") UUID id, @HeaderParam("Idempotency-Key") String key,
            FeeChange request);

    // --- commissioners: the sufficiency report and owner-group exposure (issue 15) -----------------------------

    record SufficiencyReferrals(long raised, long placed, long placedInHouse, long unmet, long cancelled, long open) {
    }

    record TimeToPlace(long placements, java.math.BigDecimal medianDays, java.math.BigDecimal meanDays) {
    }

    record SufficiencyInvitations(long referralsCalledOff, long invitations, java.math.BigDecimal invitationsPerReferral,
            long answered, long offers, long declines, java.math.BigDecimal responseRatePercent,
            java.math.BigDecimal offerRatePercent) {
    }

    record DeclineCount(String reason, long count) {
    }

    record Distance(long twentyMilesOrLess, long overTwentyMiles, long insideArea, long outsideArea, long unknown) {
    }

    record LotPrice(UUID lotId, String lotCode, String lotName, long placements,
            java.math.BigDecimal averageWeeklyPrice) {
    }

    record EmergencyCapacity(long places, long settings, long vacancies) {
    }

    record MarketShare(String id, String name, long placements, java.math.BigDecimal percent) {
    }

    record Concentration(long placements, List<MarketShare> topProviders, java.math.BigDecimal topProvidersPercent,
            List<MarketShare> topOwnerGroups, java.math.BigDecimal topOwnerGroupsPercent) {

        public List<MarketShare> topProviders() {
            return topProviders == null ? List.of() : topProviders;
        }

        public List<MarketShare> topOwnerGroups() {
            return topOwnerGroups == null ? List.of() : topOwnerGroups;
        }
    }

    /** One council's (or, joint, every partner council's) figures for one lot or all, one quarter or all time. */
    record SufficiencyReport(String council, boolean joint, UUID lotId, String period, LocalDate from, LocalDate to,
            LocalDate asOf, SufficiencyReferrals referrals, TimeToPlace timeToPlace,
            SufficiencyInvitations invitations, List<DeclineCount> declinesByReason, long placements,
            Distance distance, List<LotPrice> weeklyPriceByLot, EmergencyCapacity emergencyCapacity,
            Concentration concentration) {

        public List<DeclineCount> declinesByReason() {
            return declinesByReason == null ? List.of() : declinesByReason;
        }

        public List<LotPrice> weeklyPriceByLot() {
            return weeklyPriceByLot == null ? List.of() : weeklyPriceByLot;
        }
    }

    record CouncilExposure(String council, long children, java.math.BigDecimal weeklyCost) {
    }

    record GroupExposure(String companiesHouseNumber, String name, long settings, long places, long children,
            java.math.BigDecimal weeklyCost, List<CouncilExposure> byCouncil) {

        public List<CouncilExposure> byCouncil() {
            return byCouncil == null ? List.of() : byCouncil;
        }
    }

    record LotFailure(UUID lotId, String lotCode, String lotName, long children, java.math.BigDecimal weeklyCost,
            long matchingVacancies, long matchingPlaces) {
    }

    record GroupFailure(String companiesHouseNumber, String name, LocalDate asOf, long children,
            java.math.BigDecimal weeklyCost, List<CouncilExposure> byCouncil, List<LotFailure> byLot) {

        public List<CouncilExposure> byCouncil() {
            return byCouncil == null ? List.of() : byCouncil;
        }

        public List<LotFailure> byLot() {
            return byLot == null ? List.of() : byLot;
        }
    }

    /** council: null for the person's own, "joint" for the whole DPS; period like 2026-27-Q3, null for all time. */
    @GET
    @Path("/reports/sufficiency")
    SufficiencyReport sufficiency(@QueryParam("council") String council, @QueryParam("lotId") String lotId,
            @QueryParam("period") String period);

    @GET
    @Path("/reports/sufficiency.csv")
    @jakarta.ws.rs.Produces("text/csv")
    String sufficiencyCsv(@QueryParam("council") String council, @QueryParam("lotId") String lotId,
            @QueryParam("period") String period);

    @GET
    @Path("/reports/owner-groups")
    Page<GroupExposure> ownerGroups(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/reports/owner-groups/{companiesHouseNumber}/failure")
    GroupFailure ownerGroupFailure(@PathParam("companiesHouseNumber") String companiesHouseNumber);
}
