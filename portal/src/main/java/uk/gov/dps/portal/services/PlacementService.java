package uk.gov.dps.portal.services;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
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
}
