package uk.gov.dps.portal.web;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.qute.TemplateInstance;
import uk.gov.dps.portal.services.LotService;
import uk.gov.dps.portal.services.Page;
import uk.gov.dps.portal.services.ProviderService;
import uk.gov.dps.portal.services.ProviderService.Membership;
import uk.gov.dps.portal.services.ProviderService.Provider;
import uk.gov.dps.portal.services.ServiceProblem;

/**
 * Commissioners: the DPSs and their lots (lot-service), one lot with its members, and one member of a lot, whom
 * they suspend from new call-offs or reinstate, with a reason (provider-service, which publishes the change).
 */
@Path("/lots")
@Produces(MediaType.TEXT_HTML)
public class LotPages {

    static final String[] MEMBER_STATUSES = {"ALL", "All members", "ACTIVE", "Active", "SUSPENDED", "Suspended"};

    @Inject
    @RestClient
    LotService lots;

    @Inject
    @RestClient
    ProviderService providers;

    /** Without a DPS: the DPSs to choose from; with one: its lots. */
    @GET
    public TemplateInstance lots(@QueryParam("dps") UUID dps, @QueryParam("page") @DefaultValue("0") int page) {
        if (dps == null) {
            var systems = lots.purchasingSystems(page);
            return MarketTemplates.purchasingSystems(systems, paging(systems, "/lots?"));
        }
        var ofDps = lots.lots(dps, page);
        return MarketTemplates.lots(lots.purchasingSystem(dps), ofDps, paging(ofDps, "/lots?dps=" + dps + "&"));
    }

    @GET
    @Path("{id}")
    public TemplateInstance lot(@PathParam("id") UUID id, @QueryParam("status") @DefaultValue("ALL") String status,
            @QueryParam("page") @DefaultValue("0") int page) {
        var members = lots.members(id, status, page);
        return MarketTemplates.lot(lots.lot(id), members, Pages.Option.of(status, MEMBER_STATUSES),
                paging(members, "/lots/" + id + "?status=" + status + "&"));
    }

    @GET
    @Path("{id}/members/{provider}")
    public TemplateInstance member(@PathParam("id") UUID lotId, @PathParam("provider") UUID providerId,
            @QueryParam("done") String done) {
        return member(lotId, providerId, done, Form.empty());
    }

    @POST
    @Path("{id}/members/{provider}/suspension")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response suspend(@PathParam("id") UUID lotId, @PathParam("provider") UUID providerId,
            MultivaluedMap<String, String> posted) {
        return act(lotId, providerId, Form.of(posted), "suspended", "Enter why the provider is suspended");
    }

    @POST
    @Path("{id}/members/{provider}/reinstatement")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reinstate(@PathParam("id") UUID lotId, @PathParam("provider") UUID providerId,
            MultivaluedMap<String, String> posted) {
        return act(lotId, providerId, Form.of(posted), "reinstated", "Enter why the provider is reinstated");
    }

    private Response act(UUID lotId, UUID providerId, Form form, String done, String reasonMissing) {
        String reason = form.text("reason", reasonMissing);
        if (reason != null && reason.length() > 2000) {
            form.reject("reason", "The reason must be 2,000 characters or fewer");
        }
        if (form.hasErrors()) {
            return Response.status(400).entity(member(lotId, providerId, null, form)).build();
        }
        try {
            var action = new ProviderService.LotAction(lotId, reason);
            if ("suspended".equals(done)) {
                providers.suspend(providerId, action);
            } else {
                providers.reinstate(providerId, action);
            }
        } catch (ServiceProblem refused) {
            if (refused.status() != 400 && refused.status() != 409) {
                throw refused;
            }
            form.refusedBy(refused, "reason", Map.of("reason", "reason"));
            return Response.status(refused.status()).entity(member(lotId, providerId, null, form)).build();
        }
        return Response.seeOther(URI.create("/lots/" + lotId + "/members/" + providerId + "?done=" + done)).build();
    }

    private TemplateInstance member(UUID lotId, UUID providerId, String done, Form form) {
        Provider provider = providers.provider(providerId);
        Membership membership = provider.memberships().stream().filter(m -> lotId.equals(m.lotId())).findFirst()
                .orElseThrow(jakarta.ws.rs.NotFoundException::new);
        return MarketTemplates.member(lots.lot(lotId), provider, membership,
                "suspended".equals(done) || "reinstated".equals(done) ? done : null, form);
    }

    static Pages.Paging paging(Page<?> page, String prefix) {
        return new Pages.Paging(page.hasPrevious() ? prefix + "page=" + (page.page() - 1) : null,
                page.hasNext() ? prefix + "page=" + (page.page() + 1) : null);
    }
}
