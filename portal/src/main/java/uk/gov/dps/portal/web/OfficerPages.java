package uk.gov.dps.portal.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
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
import uk.gov.dps.portal.services.PlacementService.RankedOffer;
import uk.gov.dps.portal.services.PlacementService.Referral;
import uk.gov.dps.portal.services.ServiceProblem;
import uk.gov.dps.portal.web.OfficerTemplates.Officer;
import uk.gov.dps.portal.web.Pages.Option;

/**
 * What a placement officer does with a referral after the list: raise one (the minimal profile, no names), call it
 * off, read the offers ranked with their reasons, award one with funding shares, cancel it or close it as unmet.
 * The portal checks what a person must fill in; the service decides everything else and its 4xx is shown on the form.
 */
@Path("/referrals")
@Produces(MediaType.TEXT_HTML)
public class OfficerPages {

    static final String[] AGE_BANDS = {"0-4", "0 to 4", "5-10", "5 to 10", "11-15", "11 to 15", "16-17", "16 to 17"};
    static final String[] SEXES = {"FEMALE", "Female", "MALE", "Male", "NOT_SAID", "Not said"};
    static final String[] NEEDS = {"EMOTIONAL_BEHAVIOURAL", "Emotional and behavioural", "LEARNING_DISABILITY",
            "Learning disability", "AUTISM", "Autism", "COMPLEX_MENTAL_HEALTH", "Complex mental health",
            "SEXUALLY_HARMFUL_BEHAVIOUR", "Sexually harmful behaviour", "CHILD_SEXUAL_EXPLOITATION",
            "Child sexual exploitation", "MISSING_EPISODES", "Missing episodes", "SUBSTANCE_MISUSE",
            "Substance misuse", "PHYSICAL_DISABILITY", "Physical disability", "MEDICAL", "Medical",
            "EDUCATION_SUPPORT", "Education support", "PARENT_AND_CHILD", "Parent and child",
            "UNACCOMPANIED_ASYLUM_SEEKER", "Unaccompanied asylum seeker"};
    static final String[] PATTERNS = {"WEEKS_52", "52 weeks a year", "WEEKS_38", "38 weeks a year (term time)", "DAY",
            "Day placement"};
    static final String[] SCHOOL_STATUSES = {"", "Not given", "IN_SCHOOL", "In school", "NEEDS_SCHOOL_PLACE",
            "Needs a school place", "TUITION", "Tuition"};
    static final String[] URGENCIES = {"", "Not given", "TODAY", "Today", "UNDER_5_DAYS", "In less than 5 days",
            "OVER_5_DAYS", "In more than 5 days"};
    static final String[] STREAMS = {"LAC_PLACEMENTS", "Looked-after children placements budget", "HIGH_NEEDS_BLOCK",
            "High Needs Block (DSG)", "HEALTH", "Health (ICB)"};
    static final String[] BASES = {"EHCP_NAMED_SCHOOL", "Named in section I of the EHC plan", "PARENTAL_REQUEST",
            "Parents asked and the council agreed", "TRIBUNAL_ORDER", "Ordered by the First-tier Tribunal (SEND)"};
    /** Up to three funders (the service's three streams): stream/percent, stream-2/percent-2, stream-3/percent-3. */
    static final List<String> SHARE_ROWS = List.of("", "-2", "-3");
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    @Inject
    @RestClient
    PlacementService placements;

    @Inject
    Viewer viewer;

    // --- a new referral ----------------------------------------------------------------------------------------

    @GET
    @Path("new")
    public TemplateInstance newReferral(@QueryParam("lot") String lot) {
        return newReferralPage(Form.empty().with("lotId", lot).with("siblingsToPlace", "0"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response raise(MultivaluedMap<String, String> posted) {
        Form form = Form.of(posted);
        UUID lotId = null;
        String lot = form.text("lotId", "Enter the lot's ID");
        if (lot != null) {
            try {
                lotId = UUID.fromString(lot);
            } catch (IllegalArgumentException e) {
                form.reject("lotId",
                        "Enter the lot's ID as shown on the lot, like 3f2b1c9e-0000-4000-8000-000000000000");
            }
        }
        String ageBand = form.text("ageBand", "Select the child's age band");
        String sex = form.text("sex");
        Integer siblings = form.wholeNumber("siblingsToPlace", "Siblings to place with the child");
        LocalDate wantedStart = form.date("wantedStart", "the date the placement is wanted from", true);
        Integer weeks = form.wholeNumber("expectedDurationWeeks", "Expected duration");
        String pattern = form.text("placementPattern", "Select the placement pattern");
        if (form.hasErrors()) {
            return Response.status(400).entity(newReferralPage(form)).build();
        }
        String postcode = form.text("postcodeDistrict");
        try {
            Referral raised = placements.raise(new PlacementService.NewReferral(lotId, form.text("category"),
                    ageBand, sex, form.all("needs"), postcode == null ? null : postcode.toUpperCase(),
                    siblings == null ? 0 : siblings, form.checked("emergency", "true"), wantedStart, weeks, pattern,
                    form.checked("educationRequired", "true"), form.checked("therapyRequired", "true"),
                    form.text("childReference"), form.text("schoolStatus"), form.text("urgency")));
            return Response.seeOther(URI.create("/referrals/" + raised.id())).build();
        } catch (ServiceProblem refused) {
            return onForm(refused, newReferralPage(form.refusedBy(refused, "lotId")));
        }
    }

    private TemplateInstance newReferralPage(Form form) {
        return Officer.newReferral(form, Option.of(form.value("ageBand"), AGE_BANDS),
                Option.of(form.value("sex"), SEXES), options(form, "needs", NEEDS),
                Option.of(form.value("placementPattern"), PATTERNS),
                Option.of(form.value("schoolStatus"), SCHOOL_STATUSES),
                Option.of(form.value("urgency"), URGENCIES));
    }

    // --- call-off --------------------------------------------------------------------------------------------

    @GET
    @Path("{id}/call-off")
    public TemplateInstance callOffForm(@PathParam("id") UUID id) {
        return Officer.callOff(placements.referral(id), Form.empty().with("how", "ALL").with("hours", "24"));
    }

    /**
     * Everyone at once with one deadline, or tier by tier with a window per tier (tiered lots); after a round's
     * deadline, a new round (a wider category, a tier) with a new deadline.
     */
    @POST
    @Path("{id}/call-off")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response callOff(@PathParam("id") UUID id, MultivaluedMap<String, String> posted) {
        Form form = Form.of(posted);
        String how = form.text("how", "Select how to invite the lot's members");
        Integer hours = form.wholeNumber("hours", "The time to respond");
        if (form.error("hours") == null && (hours == null || hours < 1 || hours > 24 * 28)) {
            form.reject("hours", "Enter the time to respond in hours, between 1 and 672");
        }
        if (form.hasErrors()) {
            return Response.status(400).entity(Officer.callOff(placements.referral(id), form)).build();
        }
        Duration time = Duration.ofHours(hours);
        Instant respondBy = Instant.now().plus(time).truncatedTo(ChronoUnit.MINUTES);
        try {
            switch (how) {
                case "CASCADE" -> placements.callOff(id, new PlacementService.CallOff(null, time));
                case "ROUND" -> placements.nextRound(id, new PlacementService.NextRound(form.text("category"),
                        respondBy, form.text("tier")));
                default -> placements.callOff(id, new PlacementService.CallOff(respondBy, null));
            }
        } catch (ServiceProblem refused) {
            return onForm(refused, Officer.callOff(placements.referral(id), form.refusedBy(refused, "how")));
        }
        return Response.seeOther(URI.create("/referrals/" + id)).build();
    }

    // --- offers and award ------------------------------------------------------------------------------------

    @GET
    @Path("{id}/offers")
    public TemplateInstance offers(@PathParam("id") UUID id) {
        Referral referral = placements.referral(id);
        return Officer.offers(referral, placements.evaluation(id), canAward(referral));
    }

    @GET
    @Path("{id}/award")
    public TemplateInstance awardForm(@PathParam("id") UUID id, @QueryParam("offer") UUID offerId) {
        Form form = Form.empty().with("offerId", offerId == null ? "" : offerId.toString())
                .with("stream", "LAC_PLACEMENTS").with("percent", "100");
        return awardPage(placements.referral(id), placements.evaluation(id), form);
    }

    /**
     * Funding shares must add up to 100% (the page's script shows the total as it is typed; this is the check that
     * counts), and any offer but the first-ranked needs a justification. An award the County Resourcing Panel must
     * decide becomes a panel request: the page says it was sent to the panel.
     */
    @POST
    @Path("{id}/award")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response award(@PathParam("id") UUID id, MultivaluedMap<String, String> posted) {
        Form form = Form.of(posted);
        Referral referral = placements.referral(id);
        List<RankedOffer> ranked = placements.evaluation(id);
        RankedOffer offer = offer(ranked, form.value("offerId"));
        if (offer == null) {
            form.reject("offerId", "Choose an offer to award from the ranked offers");
            return Response.status(400).entity(awardPage(referral, ranked, form)).build();
        }
        List<PlacementService.Share> shares = shares(form);
        String justification = form.text("justification");
        if (!offer.offerId().equals(firstRanked(ranked)) && justification == null) {
            form.reject("justification", "Explain why you are awarding an offer that is not ranked first");
        }
        String school = form.text("school");
        String basis = form.text("basis");
        if (school != null && basis == null) {
            form.reject("basis", "Select what makes the parents' preference for the school binding");
        }
        if (school == null && basis != null) {
            form.reject("school", "Enter the school the parents prefer");
        }
        LocalDate plannedStart = form.date("plannedStart", "the planned start date", false);
        LocalDate expectedEnd = form.date("expectedEnd", "the expected end date", false);
        // required by the service on a Procurement Act 2023 dynamic market only: its 400 comes back on this field
        String noticeReference = form.text("noticeReference");
        if (form.hasErrors()) {
            return Response.status(400).entity(awardPage(referral, ranked, form)).build();
        }
        try {
            var awarded = placements.award(id, new PlacementService.Award(offer.offerId(), shares,
                    school == null ? null : new PlacementService.Preference(school, basis), plannedStart, expectedEnd,
                    justification, noticeReference));
            if (awarded.sentToPanel()) {
                return Response.seeOther(URI.create("/referrals/" + id + "/sent-to-panel")).build();
            }
            return Response.seeOther(URI.create("/placements/" + awarded.id() + "?done=awarded")).build();
        } catch (ServiceProblem refused) {
            return onForm(refused, awardPage(referral, ranked, form.refusedBy(refused, "percent")));
        }
    }

    @GET
    @Path("{id}/sent-to-panel")
    public TemplateInstance sentToPanel(@PathParam("id") UUID id) {
        return Officer.sentToPanel(placements.referral(id), List.of());
    }

    /** The shares as typed, in rows of stream-N and percent-N (the first row unnumbered); the total must be 100. */
    private static List<PlacementService.Share> shares(Form form) {
        List<PlacementService.Share> shares = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (String suffix : SHARE_ROWS) {
            String stream = form.text("stream" + suffix);
            BigDecimal percent = form.number("percent" + suffix, "A funding share");
            if (percent == null) {
                continue;
            }
            if (percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0) {
                form.reject("percent" + suffix, "A funding share must be more than 0% and no more than 100%");
                continue;
            }
            if (stream == null) {
                form.reject("stream" + suffix, "Select who pays this share");
                continue;
            }
            shares.add(new PlacementService.Share(stream, percent));
            total = total.add(percent);
        }
        if (!form.hasErrors() && total.compareTo(HUNDRED) != 0) {
            form.reject("percent", "The funding shares must add up to 100%; they add up to "
                    + total.stripTrailingZeros().toPlainString() + "%");
        }
        return shares;
    }

    private TemplateInstance awardPage(Referral referral, List<RankedOffer> ranked, Form form) {
        RankedOffer offer = offer(ranked, form.value("offerId"));
        List<OfficerTemplates.ShareRow> rows = new ArrayList<>();
        int number = 1;
        for (String suffix : SHARE_ROWS) {
            List<Option> streams = new ArrayList<>(List.of(new Option("", "Choose a funder",
                    form.value("stream" + suffix).isEmpty())));
            streams.addAll(Option.of(form.value("stream" + suffix), STREAMS));
            rows.add(new OfficerTemplates.ShareRow(suffix, number++, streams, form.value("percent" + suffix),
                    form.error("stream" + suffix), suffix.isEmpty() ? null : form.error("percent" + suffix)));
        }
        List<Option> bases = new ArrayList<>(List.of(new Option("", "No parental preference",
                form.value("basis").isEmpty())));
        bases.addAll(Option.of(form.value("basis"), BASES));
        return Officer.award(referral, offer, offer != null && offer.offerId().equals(firstRanked(ranked)), form,
                rows, bases);
    }

    private static RankedOffer offer(List<RankedOffer> ranked, String offerId) {
        return ranked.stream().filter(o -> !o.excluded() && o.offerId().toString().equals(offerId)).findFirst()
                .orElse(null);
    }

    private static UUID firstRanked(List<RankedOffer> ranked) {
        return ranked.stream().filter(o -> !o.excluded()).map(RankedOffer::offerId).findFirst().orElse(null);
    }

    private boolean canAward(Referral referral) {
        return viewer.has("placement-officer") && "CALLED_OFF".equals(referral.status());
    }

    // --- cancel, or close as unmet -----------------------------------------------------------------------------

    @GET
    @Path("{id}/{kind: cancel|unmet}")
    public TemplateInstance closeForm(@PathParam("id") UUID id, @PathParam("kind") String kind) {
        return Officer.close(placements.referral(id), kind, Form.empty());
    }

    @POST
    @Path("{id}/{kind: cancel|unmet}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response close(@PathParam("id") UUID id, @PathParam("kind") String kind,
            MultivaluedMap<String, String> posted) {
        Form form = Form.of(posted);
        String reason = form.text("reason", "cancel".equals(kind) ? "Enter why the referral is cancelled"
                : "Enter why no offer could meet the child's needs");
        if (form.hasErrors()) {
            return Response.status(400).entity(Officer.close(placements.referral(id), kind, form)).build();
        }
        try {
            if ("cancel".equals(kind)) {
                placements.cancel(id, new PlacementService.Reason(reason));
            } else {
                placements.closeUnmet(id, new PlacementService.Reason(reason));
            }
        } catch (ServiceProblem refused) {
            return onForm(refused, Officer.close(placements.referral(id), kind, form.refusedBy(refused, "reason")));
        }
        return Response.seeOther(URI.create("/referrals/" + id)).build();
    }

    /** A service's 400/409/422 goes back on the form; anything else (403, 5xx) is its own page. */
    static Response onForm(ServiceProblem refused, TemplateInstance page) {
        if (refused.status() != 400 && refused.status() != 409 && refused.status() != 422) {
            throw refused;
        }
        return Response.status(refused.status()).entity(page).build();
    }

    static List<Option> options(Form form, String name, String... valuesAndTexts) {
        List<Option> options = new ArrayList<>();
        for (int i = 0; i < valuesAndTexts.length; i += 2) {
            options.add(new Option(valuesAndTexts[i], valuesAndTexts[i + 1], form.checked(name, valuesAndTexts[i])));
        }
        return options;
    }
}
