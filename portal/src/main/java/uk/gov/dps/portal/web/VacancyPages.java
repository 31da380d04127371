package uk.gov.dps.portal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import uk.gov.dps.portal.services.Page;
import uk.gov.dps.portal.services.ProviderService;
import uk.gov.dps.portal.services.ProviderService.VacancyRow;
import uk.gov.dps.portal.services.ServiceProblem;
import uk.gov.dps.portal.web.Pages.Option;

/**
 * Placement officers: open vacancies found by lot, need, age, sex, emergency admissions and distance from a postcode
 * (nearest first, stale ones marked), and the live view of vacancies as providers declare, confirm and withdraw them
 * (provider-service's feed through {@link FeedRelays}; without the script, a list to reload).
 */
@Path("/vacancies")
@Produces(MediaType.TEXT_HTML)
public class VacancyPages {

    /** One call for a page of results: far more than the vacancies near anyone. */
    static final int ROWS = 50;

    /** The search's fields, as the form and the service name them. */
    static final List<String> FILTERS = List.of("lotId", "need", "age", "sex", "emergency", "near", "withinMiles",
            "includeStale");

    @CheckedTemplate(basePath = "Vacancies")
    static final class Templates {

        static native TemplateInstance search(Form form, boolean searched, Page<VacancyRow> results,
                List<Option> needs, List<Option> sexes, Pages.Paging paging);

        static native TemplateInstance live(Page<VacancyRow> open, String lotId, String eventsUrl);
    }

    @Inject
    @RestClient
    ProviderService providers;

    @Inject
    io.vertx.core.http.HttpServerRequest request;

    @GET
    public Response search() {
        Form form = Form.empty();
        // Vert.x reads a GET form's query as browsers write it ("PE29+3TN" is "PE29 3TN")
        for (String name : request.params().names()) {
            if (FILTERS.contains(name) || "page".equals(name)) {
                request.params().getAll(name).forEach(v -> form.add(name, v == null ? "" : v.strip()));
            }
        }
        boolean searched = FILTERS.stream().anyMatch(f -> !form.value(f).isEmpty());
        int page = pageOf(form);
        // what the portal can tell at once: the officer hears about every mistake together
        String lot = form.text("lotId");
        if (lot != null && !isId(lot)) {
            form.reject("lotId", "Enter the lot's ID as shown on the lot, like 3f2b1c9e-0000-4000-8000-000000000000");
        }
        Integer age = form.wholeNumber("age", "Age");
        if (age != null && (age < 0 || age > 25)) {
            form.reject("age", "Age must be from 0 to 25");
        }
        if (form.text("sex") != null) {
            form.choice("sex", List.of("FEMALE", "MALE"), "Select female, male or either");
        }
        if (form.text("need") != null) {
            form.choice("need", codes(OfficerPages.NEEDS), "Select a need from the list");
        }
        var miles = form.number("withinMiles", "Distance");
        if (miles != null && (miles.signum() <= 0 || miles.doubleValue() > 1000)) {
            form.reject("withinMiles", "Distance must be more than 0 and no more than 1,000 miles");
        }
        if (miles != null && form.text("near") == null) {
            form.reject("near", "Enter a postcode or district to measure the distance from");
        }
        if (form.hasErrors()) {
            return Response.status(400).entity(page(form, true, null)).build();
        }
        try {
            Page<VacancyRow> results = providers.vacancies(lot, form.text("need"), form.text("age"), form.text("sex"),
                    form.checked("emergency", "true") ? "true" : null,
                    form.text("near") == null ? null : form.text("near").toUpperCase(java.util.Locale.UK),
                    form.text("withinMiles"), form.checked("includeStale", "true") ? "true" : null, page, ROWS);
            return Response.ok(page(form, searched, results)).build();
        } catch (ServiceProblem refused) {
            // the service knows postcodes and lots; its 400 names the field
            return OfficerPages.onForm(refused, page(form.refusedBy(refused, "near", fieldNames()), true, null));
        }
    }

    /** The open vacancies (of one lot, when asked) as the page loads; the script marks what happens next. */
    @GET
    @Path("live")
    public TemplateInstance live(@QueryParam("lotId") @DefaultValue("") String lotId) {
        String lot = lotId.strip();
        if (!lot.isEmpty() && !isId(lot)) {
            throw new ServiceProblem("portal", 400, null);
        }
        return Templates.live(providers.vacancies(lot.isEmpty() ? null : lot, null, null, null, null, null, null,
                "true", 0, ROWS), lot, FeedRelays.VACANCIES);
    }

    private TemplateInstance page(Form form, boolean searched, Page<VacancyRow> results) {
        List<Option> needs = new ArrayList<>(List.of(new Option("", "Any need", form.value("need").isEmpty())));
        needs.addAll(Option.of(form.value("need"), OfficerPages.NEEDS));
        List<Option> sexes = Option.of(form.value("sex"), "", "Either", "FEMALE", "Female", "MALE", "Male");
        return Templates.search(form, searched, results == null ? new Page<>(List.of(), 0, ROWS, false) : results,
                needs, sexes, results == null ? new Pages.Paging(null, null) : paging(form, results));
    }

    /** Previous and next keep the search. */
    private static Pages.Paging paging(Form form, Page<VacancyRow> results) {
        StringBuilder query = new StringBuilder("/vacancies?");
        for (String filter : FILTERS) {
            if (!form.value(filter).isEmpty()) {
                query.append(filter).append('=').append(java.net.URLEncoder.encode(form.value(filter),
                        java.nio.charset.StandardCharsets.UTF_8)).append('&');
            }
        }
        return new Pages.Paging(results.hasPrevious() ? query + "page=" + (results.page() - 1) : null,
                results.hasNext() ? query + "page=" + (results.page() + 1) : null);
    }

    private static java.util.Map<String, String> fieldNames() {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        FILTERS.forEach(f -> names.put(f, f));
        return names;
    }

    private static int pageOf(Form form) {
        try {
            return Math.max(0, Integer.parseInt(form.value("page")));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static boolean isId(String text) {
        try {
            UUID.fromString(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static List<String> codes(String[] valuesAndTexts) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < valuesAndTexts.length; i += 2) {
            codes.add(valuesAndTexts[i]);
        }
        return codes;
    }
}
