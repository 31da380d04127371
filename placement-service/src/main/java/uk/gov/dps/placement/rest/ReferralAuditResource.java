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
import uk.gov.dps.placement.service.ReferralService;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.Roles;

/** The referral's council reads its audit trail; providers never do (it names their competitors). */
@Path("/referrals/{id}/audit")
@Tag(name = "Referrals and call-offs")
public class ReferralAuditResource {

    @Inject
    ReferralService referrals;

    @Inject
    AuditTrail audit;

    @GET
    @RolesAllowed({Roles.PLACEMENT_OFFICER, Roles.PANEL, Roles.COMMISSIONER})
    @Operation(summary = "Every decision on the referral, oldest first: raised, in-house check, call-off, cascade, offers, declines, withdrawals, amendments, panel requests and decisions, award, unmet, the spot purchase that answered it")
    public Page<AuditTrail.Entry> audit(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        referrals.ownCouncils(id);
        return Page.of(audit.about(id, page), page.page, page.size, e -> e);
    }
}
