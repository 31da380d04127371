package uk.gov.dps.portal.web;

import java.net.URI;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import uk.gov.dps.portal.services.MonitoringService;
import uk.gov.dps.portal.services.MonitoringService.ProviderSummary;
import uk.gov.dps.portal.services.MonitoringService.Quality;
import uk.gov.dps.portal.services.ServiceProblem;
import uk.gov.dps.portal.web.Pages.FormError;
import uk.gov.dps.portal.web.Pages.Option;

/**
 * Monitoring officers: the live quality feed, the monitored providers, a provider's quality picture, and recording
 * an inspection, a visit or a concern about them.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class QualityPages {

    /** The feed's event types, as the filter offers them. */
    static final String[] EVENT_TYPES = {"", "All events", "dps.quality.inspection-recorded.v1", "Inspection recorded",
            "dps.quality.concern-raised.v1", "Concern raised", "dps.quality.concern-resolved.v1", "Concern resolved",
            "dps.quality.risk-rating-changed.v1", "Risk rating changed", "dps.quality.kpi-return-received.v1",
            "KPI return received"};

    /** How many of the latest inspections and concerns the page lists before any live event arrives. */
    static final int LATEST = 10;

    @CheckedTemplate(basePath = "Quality")
    static final class Templates {

        static native TemplateInstance feed(List<FeedItem> items, List<Option> providers, List<Option> types,
                String provider, String type, String eventsUrl);

        static native TemplateInstance providers(List<ProviderSummary> providers);

        static native TemplateInstance provider(Quality quality, String recorded);

        static native TemplateInstance record(Quality quality, Form form, List<FormError> errors,
                List<Option> choices);
    }

    /** One line of the feed, as the page lists it before the live events and as the script adds them. */
    public record FeedItem(String type, String typeLabel, UUID providerId, String providerName, Instant time,
            String text) {
    }

    /**
     * What an officer typed into one of the recording forms, kept to show it again when something is wrong.
     * {@code what} is the form: inspection, visit or concern; {@code key} the form's idempotency key.
     */
    public record Form(String what, String key, String settingUrn, String choice, String secondChoice, String day,
            String month, String year, String text, String details) {

        String date() {
            return year + "-" + pad(month) + "-" + pad(day);
        }

        private static String pad(String part) {
            String stripped = part == null ? "" : part.strip();
            return stripped.length() == 1 ? "0" + stripped : stripped;
        }

        public boolean inspection() {
            return "inspection".equals(what);
        }

        public boolean visit() {
            return "visit".equals(what);
        }

        public boolean concern() {
            return "concern".equals(what);
        }

        boolean hasDate() {
            return !blank(day) || !blank(month) || !blank(year);
        }
    }

    @Inject
    @RestClient
    MonitoringService monitoring;

    @GET
    @Path("quality-feed")
    public TemplateInstance feed(@QueryParam("provider") @DefaultValue("") String provider,
            @QueryParam("type") @DefaultValue("") String type) {
        UUID providerId = provider.isBlank() ? null : parseId(provider);
        if (!type.isBlank() && !Arrays.asList(EVENT_TYPES).contains(type)) {
            throw new ServiceProblem("portal", 400, null);
        }
        List<ProviderSummary> providers = monitoring.providers("NAME", 0, 100).items();
        Map<UUID, String> names = new LinkedHashMap<>();
        providers.forEach(p -> names.put(p.providerId(), p.name()));
        if (providerId != null && !names.containsKey(providerId)) {
            // past the first hundred by name: the one asked for is still named and selected
            names.put(providerId, monitoring.quality(providerId).name());
        }
        List<FeedItem> items = new ArrayList<>();
        // without the script, the page still lists the latest: the inspections and concerns the feed would carry
        if (type.isBlank() || type.equals("dps.quality.inspection-recorded.v1")) {
            monitoring.inspections(providerId, LATEST).items().forEach(i -> items.add(new FeedItem(
                    "dps.quality.inspection-recorded.v1", "Inspection recorded", i.providerId(),
                    names.getOrDefault(i.providerId(), "A provider"), i.recordedAt(),
                    i.regulator() + " judged " + i.settingUrn() + " " + Formats.label(i.judgement()))));
        }
        if (type.isBlank() || type.equals("dps.quality.concern-raised.v1")) {
            monitoring.concerns(providerId, LATEST).items().forEach(c -> items.add(new FeedItem(
                    "dps.quality.concern-raised.v1", "Concern raised", c.providerId(),
                    names.getOrDefault(c.providerId(), "A provider"), c.raisedAt(),
                    Formats.label(c.severity()) + " concern: " + c.summary())));
        }
        items.sort(Comparator.comparing(FeedItem::time, Comparator.nullsLast(Comparator.reverseOrder())));
        List<Option> providerOptions = new ArrayList<>();
        providerOptions.add(new Option("", "All providers", provider.isBlank()));
        names.forEach((id, name) -> providerOptions.add(new Option(id.toString(), name, id.equals(providerId))));
        StringBuilder events = new StringBuilder(FeedRelays.QUALITY);
        if (providerId != null) {
            events.append("?provider=").append(providerId);
        }
        if (!type.isBlank()) {
            events.append(providerId == null ? "?" : "&").append("type=").append(type);
        }
        return Templates.feed(items.subList(0, Math.min(items.size(), 2 * LATEST)), providerOptions,
                Option.of(type, EVENT_TYPES), provider, type, events.toString());
    }

    @GET
    @Path("quality/providers")
    public TemplateInstance providers() {
        return Templates.providers(monitoring.providers(null, 0, 100).items());
    }

    @GET
    @Path("quality/providers/{id}")
    public TemplateInstance provider(@PathParam("id") UUID id, @QueryParam("recorded") String recorded) {
        String what = recorded == null ? null : switch (recorded) {
            case "inspection" -> "Inspection recorded";
            case "visit" -> "Visit recorded";
            case "concern" -> "Concern raised";
            default -> null;
        };
        return Templates.provider(monitoring.quality(id), what);
    }

    @GET
    @Path("quality/providers/{id}/{what: inspection|visit|concern}")
    public TemplateInstance recordForm(@PathParam("id") UUID id, @PathParam("what") String what) {
        Form empty = new Form(what, UUID.randomUUID().toString(), "", "", "", "", "", "", "", "");
        return form(monitoring.quality(id), empty, List.of());
    }

    @POST
    @Path("quality/providers/{id}/{what: inspection|visit|concern}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response record(@PathParam("id") UUID id, @PathParam("what") String what, @RestForm String key,
            @RestForm String settingUrn, @RestForm String choice, @RestForm String secondChoice,
            @RestForm("date-day") String day, @RestForm("date-month") String month, @RestForm("date-year") String year,
            @RestForm String text, @RestForm String details) {
        Form form = new Form(what, blank(key) ? UUID.randomUUID().toString() : key, trim(settingUrn), trim(choice),
                trim(secondChoice), trim(day), trim(month), trim(year), trim(text), trim(details));
        List<FormError> errors = check(form);
        if (!errors.isEmpty()) {
            return Response.status(400).entity(form(monitoring.quality(id), form, errors)).build();
        }
        try {
            switch (what) {
                case "inspection" -> monitoring.recordInspection(form.key(), new MonitoringService.NewInspection(id,
                        form.settingUrn(), form.secondChoice(), form.choice(), LocalDate.parse(form.date()),
                        blank(form.text()) ? null : form.text()));
                case "visit" -> monitoring.recordVisit(form.key(), new MonitoringService.NewVisit(id,
                        blank(form.settingUrn()) ? null : form.settingUrn(), form.choice(),
                        LocalDate.parse(form.date()), findings(form.text())));
                default -> monitoring.raiseConcern(form.key(), new MonitoringService.NewConcern(id, form.choice(),
                        form.text(), blank(form.details()) ? null : form.details(),
                        blank(form.settingUrn()) ? null : form.settingUrn()));
            }
        } catch (ServiceProblem refused) {
            if (refused.status() != 400 && refused.status() != 409 && refused.status() != 422) {
                throw refused;
            }
            return Response.status(refused.status()).entity(form(monitoring.quality(id), form,
                    ErrorPages.formErrors(refused, "#" + firstField(what)))).build();
        }
        // post/redirect/get: a reload does not record it again
        return Response.seeOther(URI.create("/quality/providers/" + id + "?recorded=" + what)).build();
    }

    /** What the portal checks itself, so the officer hears about every missing answer at once. */
    static List<FormError> check(Form form) {
        List<FormError> errors = new ArrayList<>();
        switch (form.what()) {
            case "inspection" -> {
                if (blank(form.settingUrn())) {
                    errors.add(new FormError("#settingUrn", "Enter the setting's Ofsted URN or CQC location ID"));
                }
                if (blank(form.secondChoice())) {
                    errors.add(new FormError("#secondChoice", "Select the regulator"));
                }
                if (blank(form.choice())) {
                    errors.add(new FormError("#choice", "Select the judgement"));
                }
                checkDate(form, "Enter the date of the inspection", errors);
            }
            case "visit" -> {
                if (blank(form.choice())) {
                    errors.add(new FormError("#choice", "Select whether the visit was announced"));
                }
                checkDate(form, "Enter the date of the visit", errors);
                if (findings(form.text()).isEmpty()) {
                    errors.add(new FormError("#text", "Enter what the visit found"));
                }
            }
            default -> {
                if (blank(form.choice())) {
                    errors.add(new FormError("#choice", "Select how serious the concern is"));
                }
                if (blank(form.text())) {
                    errors.add(new FormError("#text", "Enter a summary of the concern"));
                } else if (form.text().length() > 500) {
                    errors.add(new FormError("#text", "Summary must be 500 characters or fewer"));
                }
            }
        }
        return errors;
    }

    private static void checkDate(Form form, String missing, List<FormError> errors) {
        if (!form.hasDate()) {
            errors.add(new FormError("#date-day", missing));
            return;
        }
        try {
            if (LocalDate.parse(form.date()).isAfter(LocalDate.now(Formats.UK))) {
                errors.add(new FormError("#date-day", "The date must be today or in the past"));
            }
        } catch (DateTimeException notADate) {
            errors.add(new FormError("#date-day", "The date must be a real date, like 27 3 2026"));
        }
    }

    /** One finding a line, blank lines dropped. */
    static List<String> findings(String text) {
        return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private TemplateInstance form(Quality quality, Form form, List<FormError> errors) {
        List<Option> choices = switch (form.what()) {
            case "inspection" -> Option.of(form.choice(), "OUTSTANDING", "Outstanding", "GOOD", "Good",
                    "REQUIRES_IMPROVEMENT_TO_BE_GOOD", "Requires improvement to be good", "INADEQUATE", "Inadequate");
            case "visit" -> Option.of(form.choice(), "ANNOUNCED", "Announced", "UNANNOUNCED", "Unannounced");
            default -> Option.of(form.choice(), "LOW", "Low", "MEDIUM", "Medium", "HIGH", "High", "SERIOUS",
                    "Serious");
        };
        return Templates.record(quality, form, errors, choices);
    }

    private static String firstField(String what) {
        return "concern".equals(what) ? "choice" : "inspection".equals(what) ? "settingUrn" : "choice";
    }

    private static UUID parseId(String provider) {
        try {
            return UUID.fromString(provider.strip());
        } catch (IllegalArgumentException notAnId) {
            throw new ServiceProblem("portal", 400, null);
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }
}
