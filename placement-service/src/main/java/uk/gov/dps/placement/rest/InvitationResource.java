package uk.gov.dps.placement.rest;

import java.time.Clock;
import java.time.Instant;
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
import uk.gov.dps.placement.domain.Inbox;
import uk.gov.dps.placement.domain.Response;
import uk.gov.dps.placement.service.InboxService;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.QueryValues;
import uk.gov.dps.runtime.Roles;

/** A provider's inbox: the call-offs its organisation was invited to. */
@Path("/invitations")
@Tag(name = "Referrals and call-offs")
public class InvitationResource {

    @Inject
    InboxService inbox;

    @Inject
    Clock clock;

    /** The provider's own answer: an offer (id, weekly fee) or a decline (reason). */
    public record OwnResponse(Response.Kind kind, UUID offerId, ReferralResource.FeeView weeklyFee,
            Response.DeclineReason declineReason, Instant submittedAt, Instant amendedAt, Instant withdrawnAt) {

        static OwnResponse of(Response r) {
            if (r == null) {
                return null;
            }
            boolean offer = r.kind == Response.Kind.OFFER;
            return new OwnResponse(r.kind, offer ? r.id : null, offer ? ReferralResource.FeeView.of(r.fee) : null,
                    r.declineReason, r.submittedAt, r.amendedAt, r.withdrawnAt);
        }
    }

    public record InboxItem(UUID referralId, Inbox.Status status, Instant invitedAt, Instant respondBy,
            ReferralResource.InvitedReferralView referral, OwnResponse response, Inbox.Outcome outcome, FitView fit) {
    }

    @GET
    @RolesAllowed(Roles.PROVIDER)
    @Operation(summary = "Your organisation's invitations across all referrals: those you can take first, paged",
            description = "Ordered by fit against your settings and vacancies (MEETS, then PARTLY_MEETS, then "
                    + "NO_SETTINGS_KNOWN), then nearest to the child's home district, then newest; each with its fit "
                    + "and reasons. status: OPEN (deadline not passed, not answered), RESPONDED (offered or declined), "
                    + "EXPIRED (deadline passed unanswered), CLOSED (awarded or closed). Once decided, outcome is "
                    + "AWARDED (to you) or NOT_SUCCESSFUL; never who won nor the price.")
    public Page<InboxItem> list(@QueryParam("status") String status, @QueryParam("lot") String lot,
            @Valid @BeanParam PageRequest page) {
        Optional<Inbox.Status> wanted = QueryValues.optionalEnum(Inbox.Status.class, status, "status");
        Optional<UUID> lotId = QueryValues.optionalId(lot, "lot");
        Instant now = clock.instant();
        return Page.of(inbox.inbox(wanted, lotId, page), page.page, page.size, row -> {
            Inbox.Outcome outcome = Inbox.outcome(row.referral(), row.winner(), row.invitation().providerId);
            return new InboxItem(row.referral().id,
                    Inbox.status(row.referral(), row.invitation(), row.response(), now), row.invitation().invitedAt,
                    row.invitation().respondBy, ReferralResource.InvitedReferralView.of(row.referral(), outcome),
                    OwnResponse.of(row.response()), outcome, FitView.of(row.invitation()));
        });
    }
}
