package uk.gov.dps.portal.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
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
import uk.gov.dps.portal.services.PlacementService;
import uk.gov.dps.portal.services.PlacementService.InvitedProfile;
import uk.gov.dps.portal.services.PlacementService.OfferOrDecline;
import uk.gov.dps.portal.services.ServiceProblem;

/**
 * Providers: the invitations inbox (placement-service's GET /invitations, the provider's own only), one invitation
 * with the child's minimal profile, and the answer to it: an offer with its weekly fee line by line, a decline with
 * a structured reason, or the withdrawal of an offer before the deadline.
 */
@Path("/invitations")
@Produces(MediaType.TEXT_HTML)
public class InvitationPages {

    static final String[] STATUSES = {"", "All", "OPEN", "Open", "RESPONDED", "Responded", "EXPIRED", "Expired",
            "CLOSED", "Closed"};

    @Inject
    @RestClient
    PlacementService placements;

    @GET
    public TemplateInstance inbox(@QueryParam("status") @DefaultValue("") String status,
            @QueryParam("page") @DefaultValue("0") int page) {
        var invitations = placements.invitations(status.isBlank() ? null : status, page);
        return Pages.invitations(invitations, Pages.Option.of(status, STATUSES),
                Pages.Paging.of(invitations, "/invitations", status));
    }

    /** The service's decline reasons, as people read them. */
    static final String[] DECLINE_REASONS = {"NO_VACANCY", "No vacancy", "CANNOT_MEET_NEEDS",
            "We cannot meet the child's needs", "LOCATION", "The location does not suit", "MATCHING",
            "It would not match the children already placed", "OUTSIDE_STATEMENT_OF_PURPOSE",
            "It is outside our Statement of Purpose", "OTHER", "Another reason"};

    /** The offer's fields as placement-service names them, for its field errors. */
    static final Map<String, String> OFFER_FIELDS = Map.of("core", "core", "additionalStaffing", "additionalStaffing",
            "education", "education", "therapy", "therapy", "proposedStart", "proposedStart", "homeReference",
            "homeReference", "needsMet", "homeReference", "reason", "amendReason");

    @GET
    @Path("{id}")
    public TemplateInstance invitation(@PathParam("id") UUID id, @QueryParam("done") String done) {
        return page(id, done, Form.empty(), Form.empty(), Form.empty());
    }

    @POST
    @Path("{id}/offer")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response offer(@PathParam("id") UUID id, MultivaluedMap<String, String> posted) {
        Form form = Form.of(posted);
        PlacementService.OfferRequest offer = readOffer(form);
        if (form.hasErrors()) {
            return Response.status(400).entity(page(id, null, form, Form.empty(), Form.empty())).build();
        }
        try {
            placements.offer(id, form.value("idempotencyKey").isBlank() ? UUID.randomUUID().toString()
                    : form.value("idempotencyKey"), offer);
        } catch (ServiceProblem refused) {
            return refusedOffer(id, form, refused);
        }
        return Response.seeOther(URI.create("/invitations/" + id + "?done=offered")).build();
    }

    /** The whole offer as it should now stand (the service keeps the previous one in its audit). */
    @POST
    @Path("{id}/offers/{offer}/amendment")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response amend(@PathParam("id") UUID id, @PathParam("offer") UUID offerId,
            MultivaluedMap<String, String> posted) {
        Form form = Form.of(posted);
        PlacementService.OfferRequest offer = readOffer(form);
        String reason = form.text("amendReason", null);
        if (reason != null && reason.length() > 2000) {
            form.reject("amendReason", "The reason must be 2,000 characters or fewer");
        }
        if (form.hasErrors()) {
            return Response.status(400).entity(page(id, null, form, Form.empty(), Form.empty())).build();
        }
        try {
            placements.amend(id, offerId, new PlacementService.AmendOfferRequest(offer.weeklyFee(),
                    offer.proposedStart(), offer.homeReference(), offer.needsMet(), reason));
        } catch (ServiceProblem refused) {
            return refusedOffer(id, form, refused);
        }
        return Response.seeOther(URI.create("/invitations/" + id + "?done=amended")).build();
    }

    /** What the person must give for an offer, checked before the service is called; null fields when wrong. */
    private static PlacementService.OfferRequest readOffer(Form form) {
        BigDecimal core = form.money("core", "core weekly fee", true);
        BigDecimal staffing = form.money("additionalStaffing", "additional staffing fee", false);
        BigDecimal education = form.money("education", "education fee", false);
        BigDecimal therapy = form.money("therapy", "therapy fee", false);
        var start = form.date("proposedStart", "proposed start date", true);
        String home = form.text("homeReference", "Enter the home or carer the child would live with");
        if (home != null && home.length() > 100) {
            form.reject("homeReference", "The home or carer must be 100 characters or fewer");
        }
        return new PlacementService.OfferRequest(new PlacementService.FeeLines(core, orZero(staffing),
                orZero(education), orZero(therapy), null), start, home, form.all("needsMet"));
    }

    private Response refusedOffer(UUID id, Form form, ServiceProblem refused) {
        if (refused.status() != 400 && refused.status() != 409 && refused.status() != 422) {
            throw refused;
        }
        form.refusedBy(refused, "core", OFFER_FIELDS);
        return Response.status(refused.status()).entity(page(id, null, form, Form.empty(), Form.empty())).build();
    }

    @POST
    @Path("{id}/decline")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decline(@PathParam("id") UUID id, MultivaluedMap<String, String> posted) {
        Form form = Form.of(posted);
        String reason = form.choice("declineReason", reasonCodes(), "Select why you are declining");
        String detail = form.text("declineDetail", "OTHER".equals(reason) ? "Enter the reason you are declining"
                : null);
        if (detail != null && detail.length() > 2000) {
            form.reject("declineDetail", "The detail must be 2,000 characters or fewer");
        }
        if (form.hasErrors()) {
            return Response.status(400).entity(page(id, null, Form.empty(), form, Form.empty())).build();
        }
        try {
            placements.decline(id, new PlacementService.DeclineRequest(reason, detail));
        } catch (ServiceProblem refused) {
            if (refused.status() != 400 && refused.status() != 409 && refused.status() != 422) {
                throw refused;
            }
            form.refusedBy(refused, "declineReason", Map.of("reason", "declineReason", "detail", "declineDetail"));
            return Response.status(refused.status()).entity(page(id, null, Form.empty(), form, Form.empty()))
                    .build();
        }
        return Response.seeOther(URI.create("/invitations/" + id + "?done=declined")).build();
    }

    @POST
    @Path("{id}/offers/{offer}/withdrawal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("id") UUID id, @PathParam("offer") UUID offerId,
            MultivaluedMap<String, String> posted) {
        Form form = Form.of(posted);
        String reason = form.text("withdrawalReason", "Enter why you are withdrawing the offer");
        if (form.hasErrors()) {
            return Response.status(400).entity(page(id, null, Form.empty(), Form.empty(), form)).build();
        }
        try {
            placements.withdraw(id, offerId, new PlacementService.WithdrawalRequest(reason));
        } catch (ServiceProblem refused) {
            if (refused.status() != 400 && refused.status() != 409) {
                throw refused;
            }
            form.refusedBy(refused, "withdrawalReason", Map.of("reason", "withdrawalReason"));
            return Response.status(refused.status()).entity(page(id, null, Form.empty(), Form.empty(), form))
                    .build();
        }
        return Response.seeOther(URI.create("/invitations/" + id + "?done=withdrawn")).build();
    }

    /**
     * Two calls: the minimal profile (403 from the service when this provider was not invited) and the provider's
     * own answers. The forms offered follow what the service allows: an answer once, before the deadline, while
     * the referral is called off; a withdrawal of a standing offer before the deadline.
     */
    private TemplateInstance page(UUID id, String done, Form offer, Form decline, Form withdrawal) {
        InvitedProfile referral = placements.invitedReferral(id);
        List<OfferOrDecline> responses = placements.ownResponses(id);
        OfferOrDecline standing = responses.stream().filter(r -> r.withdrawnAt() == null).reduce((a, b) -> b)
                .orElse(null);
        Instant now = Instant.now();
        boolean beforeDeadline = "CALLED_OFF".equals(referral.status()) && referral.respondBy() != null
                && now.isBefore(referral.respondBy());
        boolean canAnswer = beforeDeadline && responses.isEmpty();
        if (standing != null && "OFFER".equals(standing.kind()) && !offer.hasErrors() && standing.weeklyFee() != null) {
            // the change form starts from the offer as it stands
            offer = Form.empty().with("core", plain(standing.weeklyFee().core()))
                    .with("additionalStaffing", plain(standing.weeklyFee().additionalStaffing()))
                    .with("education", plain(standing.weeklyFee().education()))
                    .with("therapy", plain(standing.weeklyFee().therapy()))
                    .withDate("proposedStart", standing.proposedStart()).with("homeReference", standing.homeReference());
            for (String need : standing.needsMet()) {
                offer.add("needsMet", need);
            }
        }
        String key = offer.value("idempotencyKey").isBlank() ? UUID.randomUUID().toString()
                : offer.value("idempotencyKey");
        return MarketTemplates.invitation(referral, responses, standing, canAnswer,
                "offered".equals(done) || "amended".equals(done) || "declined".equals(done) || "withdrawn".equals(done) ? done : null,
                offer, decline, withdrawal, Pages.Option.of(decline.value("declineReason"), DECLINE_REASONS), key,
                beforeDeadline && standing != null && "OFFER".equals(standing.kind()));
    }

    private static List<String> reasonCodes() {
        List<String> codes = new java.util.ArrayList<>();
        for (int i = 0; i < DECLINE_REASONS.length; i += 2) {
            codes.add(DECLINE_REASONS[i]);
        }
        return codes;
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "" : amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static BigDecimal orZero(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO : amount;
    }
}
