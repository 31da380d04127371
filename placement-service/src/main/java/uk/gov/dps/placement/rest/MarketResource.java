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
import jakarta.ws.rs.QueryParam;
import uk.gov.dps.placement.service.MarketView;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.ProblemException;
import uk.gov.dps.runtime.Roles;

@Path("/lots")
@Tag(name = "Referrals and call-offs")
public class MarketResource {

    @Inject
    MarketView market;

    public record EligibleProvider(UUID providerId, String providerName, String tier, String latestJudgement) {
    }

    @GET
    @Path("/{id}/eligible-providers")
    @RolesAllowed({Roles.PLACEMENT_OFFICER, Roles.PANEL})
    @Operation(summary = "Who a call-off to this lot (and category) would invite right now",
            description = "Members not suspended, by name, as placement-service knows them from provider-service's events.")
    public Page<EligibleProvider> eligible(@PathParam("id") UUID lotId, @QueryParam("category") String category,
            @Valid @BeanParam PageRequest page) {
        var lot = market.lot(lotId);
        String wanted = category == null || category.isBlank() ? null : category.strip().toUpperCase();
        if (wanted != null && !lot.hasCategory(wanted)) {
            throw ProblemException.badRequest("category", "lot " + lot.code + " has no category " + wanted);
        }
        return Page.of(market.eligibleMembers(lotId, wanted, page), page.page, page.size, m -> new EligibleProvider(
                m.providerId, m.providerName, m.tier, market.latestJudgement(m.providerId)));
    }
}
