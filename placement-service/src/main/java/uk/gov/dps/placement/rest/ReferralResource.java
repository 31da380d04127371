package uk.gov.dps.placement.rest;

import java.time.Instant;
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
import uk.gov.dps.placement.domain.Referral;
import uk.gov.dps.placement.service.ReferralService;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.QueryValues;
import uk.gov.dps.runtime.Roles;

@Path("/referrals")
@Tag(name = "Referrals")
public class ReferralResource {

    @Inject
    ReferralService referrals;

    @Inject
    Caller caller;

    public record ReferralView(UUID id, String council, UUID lotId, String category, Referral.Status status,
            Instant raisedAt) {

        static ReferralView of(Referral r) {
            return new ReferralView(r.id, r.council, r.lotId, r.category, r.status, r.raisedAt);
        }
    }

    @GET
    @RolesAllowed({Roles.PLACEMENT_OFFICER, Roles.PANEL})
    @Operation(summary = "Your council's referrals, newest first, paged")
    public Page<ReferralView> list(@QueryParam("status") String status, @Valid @BeanParam PageRequest page) {
        var wanted = QueryValues.optionalEnum(Referral.Status.class, status, "status");
        return Page.of(referrals.list(caller.council(), wanted, page), page.page, page.size, ReferralView::of);
    }
}
