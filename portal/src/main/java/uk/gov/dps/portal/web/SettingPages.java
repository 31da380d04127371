package uk.gov.dps.portal.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import uk.gov.dps.portal.services.Problem;
import uk.gov.dps.portal.services.ProviderService;
import uk.gov.dps.portal.services.ProviderService.Setting;
import uk.gov.dps.portal.services.ProviderService.Vacancy;
import uk.gov.dps.portal.services.ProviderService.VacancyRow;
import uk.gov.dps.portal.services.ServiceProblem;
import uk.gov.dps.portal.web.Pages.FormError;
import uk.gov.dps.portal.web.Pages.Option;

/**
 * Providers: their settings with each one's Statement of Purpose profile and latest judgement, registering and
 * changing one, and the vacancies at each: declare, confirm (a vacancy not confirmed for 7 days is stale) and
 * withdraw with a reason. provider-service decides what is theirs; the organisation comes from the sign-in.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SettingPages {

    /** All of an organisation's settings and vacancies in one call each: far more than any provider runs. */
    static final int ROWS = 100;

    static final String[] KINDS = {"CHILDRENS_HOME", "Children's home", "FOSTERING_AGENCY", "Fostering agency office",
            "SUPPORTED_ACCOMMODATION", "Supported accommodation", "RESIDENTIAL_SCHOOL", "Residential school",
            "SPECIAL_SCHOOL", "Special school", "OTHER", "Other"};
    static final String[] SEXES = {"FEMALE", "Girls", "MALE", "Boys"};
    static final String[] YES_NO = {"true", "Yes", "false", "No"};
    static final String[] WITHDRAWN_REASONS = {"FILLED", "Filled: a child was placed", "NO_LONGER_AVAILABLE",
            "No longer available", "OTHER", "Another reason"};

    /** provider-service's field names (their last part, or the whole where two would clash) to the form's. */
    static final Map<String, String> SETTING_FIELDS = Map.ofEntries(Map.entry("name", "name"),
            Map.entry("kind", "kind"), Map.entry("ofstedUrn", "ofstedUrn"), Map.entry("dfeNumber", "dfeNumber"),
            Map.entry("postcode", "postcode"), Map.entry("registeredPlaces", "registeredPlaces"),
            Map.entry("minAge", "minAge"), Map.entry("maxAge", "maxAge"), Map.entry("sexes", "sexes"),
            Map.entry("profile.sexes", "sexes"), Map.entry("needs", "needs"), Map.entry("profile.needs", "needs"),
            Map.entry("emergencyAdmissions", "emergencyAdmissions"), Map.entry("soloPlacement", "soloPlacement"),
            Map.entry("ownerGroup.name", "ownerGroupName"), Map.entry("ownerGroup", "ownerGroupName"),
            Map.entry("companiesHouseNumber", "companiesHouseNumber"), Map.entry("forProfit", "forProfit"),
            Map.entry("active", "active"));
    static final Map<String, String> VACANCY_FIELDS = Map.of("places", "places", "availableFrom", "availableFrom",
            "minAge", "minAge", "maxAge", "maxAge", "needs", "needs", "emergency", "emergency");

    @CheckedTemplate(basePath = "Settings")
    static final class Templates {

        static native TemplateInstance settings(List<SettingVacancies> settings, String done, List<FormError> errors);

        static native TemplateInstance setting(Setting setting, Form form, List<Option> kinds, List<Option> sexes,
                List<Option> needs, List<Option> emergency, List<Option> solo, List<Option> forProfit,
                List<Option> active, String key);

        static native TemplateInstance vacancy(Setting setting, Form form, List<Option> needs, String key);

        static native TemplateInstance withdraw(Setting setting, Vacancy vacancy, Form form, List<Option> reasons);
    }

    /** One setting and the vacancies declared at it that are still open. */
    public record SettingVacancies(Setting setting, List<Vacancy> vacancies) {
    }

    @Inject
    @RestClient
    ProviderService providers;

    @Inject
    Viewer viewer;

    // --- the list -------------------------------------------------------------------------------------------------

    @GET
    @Path("your-settings")
    public TemplateInstance settings(@QueryParam("done") String done) {
        return list(done, List.of());
    }

    private TemplateInstance list(String done, List<FormError> errors) {
        UUID provider = ownProvider();
        List<Setting> settings = providers.settings(provider, 0, ROWS).items();
        // the provider's own open vacancies, stale ones too, in one call: grouped by setting here
        Map<UUID, List<Vacancy>> bySetting = new LinkedHashMap<>();
        for (VacancyRow row : providers.vacancies(null, null, null, null, null, null, null, "true", 0, ROWS)
                .items()) {
            bySetting.computeIfAbsent(row.vacancy().settingId(), k -> new ArrayList<>()).add(row.vacancy());
        }
        String banner = done == null ? null : switch (done) {
            case "registered" -> "Setting registered";
            case "changed" -> "Setting changed";
            case "declared" -> "Vacancy declared: placement officers can find it now";
            case "confirmed" -> "Vacancy confirmed: it is shown as open for another 7 days";
            case "withdrawn" -> "Vacancy withdrawn";
            default -> null;
        };
        return Templates.settings(settings.stream().map(s -> new SettingVacancies(s,
                bySetting.getOrDefault(s.id(), List.of()))).toList(), banner, errors);
    }

    // --- register or change a setting --------------------------------------------------------------------------

    @GET
    @Path("your-settings/new")
    public TemplateInstance registerForm() {
        return settingPage(null, Form.empty().with("active", "true"));
    }

    @POST
    @Path("your-settings/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response register(MultivaluedMap<String, String> posted) {
        Form form = Form.of(posted);
        ProviderService.SettingRequest request = settingRequest(form, false);
        if (form.hasErrors()) {
            return Response.status(400).entity(settingPage(null, form)).build();
        }
        try {
            providers.registerSetting(ownProvider(), keyOf(form), request);
        } catch (ServiceProblem refused) {
            return OfficerPages.onForm(refused, settingPage(null, form.refusedBy(refused, "name", SETTING_FIELDS)));
        }
        return Response.seeOther(URI.create("/your-settings?done=registered")).build();
    }

    @GET
    @Path("your-settings/{id}/change")
    public TemplateInstance changeForm(@PathParam("id") UUID id) {
        Setting setting = providers.setting(ownProvider(), id);
        return settingPage(setting, formOf(setting));
    }

    @POST
    @Path("your-settings/{id}/change")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@PathParam("id") UUID id, MultivaluedMap<String, String> posted) {
        Form form = Form.of(posted);
        ProviderService.SettingRequest request = settingRequest(form, true);
        if (form.hasErrors()) {
            return Response.status(400).entity(settingPage(providers.setting(ownProvider(), id), form)).build();
        }
        try {
            providers.changeSetting(ownProvider(), id, request);
        } catch (ServiceProblem refused) {
            return OfficerPages.onForm(refused, settingPage(providers.setting(ownProvider(), id),
                    form.refusedBy(refused, "name", SETTING_FIELDS)));
        }
        return Response.seeOther(URI.create("/your-settings?done=changed")).build();
    }

    /** What the provider typed, read into provider-service's request, with the errors the portal can tell. */
    static ProviderService.SettingRequest settingRequest(Form form, boolean changing) {
        String name = form.text("name", "Enter the setting's name");
        if (name != null && name.length() > 200) {
            form.reject("name", "The name must be 200 characters or fewer");
        }
        String kind = form.choice("kind", VacancyPages.codes(KINDS), "Select what kind of setting it is");
        String urn = upper(form.text("ofstedUrn"));
        String dfe = form.text("dfeNumber");
        if (kind != null && (kind.equals("RESIDENTIAL_SCHOOL") || kind.equals("SPECIAL_SCHOOL"))) {
            if (dfe == null) {
                form.reject("dfeNumber", "Enter the school's DfE number, like 873/6001");
            }
        } else if (kind != null && !kind.equals("OTHER") && urn == null) {
            form.reject("ofstedUrn", "Enter the setting's Ofsted URN, like SC484123");
        }
        String postcode = upper(form.text("postcode", "Enter the setting's postcode"));
        Integer places = form.wholeNumber("registeredPlaces", "Registered places");
        if (places == null && !form.invalid("registeredPlaces")) {
            form.reject("registeredPlaces", "Enter how many places the setting is registered for");
        } else if (places != null && (places < 1 || places > 100)) {
            form.reject("registeredPlaces", "Registered places must be from 1 to 100");
        }
        Integer minAge = age(form, "minAge", "youngest age", true);
        Integer maxAge = age(form, "maxAge", "oldest age", true);
        if (minAge != null && maxAge != null && minAge > maxAge) {
            form.reject("maxAge", "The oldest age must be the same as or more than the youngest age");
        }
        List<String> sexes = form.all("sexes");
        if (sexes.isEmpty()) {
            form.reject("sexes", "Select whether the setting takes girls, boys or both");
        }
        String emergency = form.choice("emergencyAdmissions", VacancyPages.codes(YES_NO),
                "Select whether the setting takes emergency admissions");
        String solo = form.choice("soloPlacement", VacancyPages.codes(YES_NO),
                "Select whether the setting offers solo placements");
        String groupName = form.text("ownerGroupName");
        String groupNumber = upper(form.text("companiesHouseNumber"));
        if (groupName != null && groupNumber == null) {
            form.reject("companiesHouseNumber", "Enter the owner group's Companies House number, like 01234567");
        }
        if (groupName == null && groupNumber != null) {
            form.reject("ownerGroupName", "Enter the owner group's name");
        }
        String forProfit = form.choice("forProfit", VacancyPages.codes(YES_NO),
                "Select whether the setting is run for profit");
        String active = changing ? form.choice("active", VacancyPages.codes(YES_NO),
                "Select whether the setting is open") : "true";
        return new ProviderService.SettingRequest(name, kind, urn, dfe, postcode, places,
                new ProviderService.Profile(minAge, maxAge, sexes, form.all("needs"), bool(emergency), bool(solo),
                        null),
                groupName == null ? null : new ProviderService.OwnerGroup(groupName, groupNumber), bool(forProfit),
                bool(active));
    }

    private static Integer age(Form form, String name, String label, boolean required) {
        Integer age = form.wholeNumber(name, label);
        if (age == null && required && !form.invalid(name)) {
            form.reject(name, "Enter the " + label);
        } else if (age != null && (age < 0 || age > 25)) {
            form.reject(name, Character.toUpperCase(label.charAt(0)) + label.substring(1) + " must be from 0 to 25");
        }
        return age;
    }

    /** The setting as it is, to change it. */
    static Form formOf(Setting s) {
        Form form = Form.empty().with("name", s.name()).with("kind", s.kind()).with("ofstedUrn", s.ofstedUrn())
                .with("dfeNumber", s.dfeNumber()).with("postcode", s.postcode())
                .with("registeredPlaces", String.valueOf(s.registeredPlaces()))
                .with("forProfit", String.valueOf(s.forProfit())).with("active", String.valueOf(s.active()));
        if (s.profile() != null) {
            form.with("minAge", String.valueOf(s.profile().minAge())).with("maxAge", String.valueOf(
                    s.profile().maxAge())).with("emergencyAdmissions", String.valueOf(Boolean.TRUE.equals(
                    s.profile().emergencyAdmissions()))).with("soloPlacement", String.valueOf(Boolean.TRUE.equals(
                    s.profile().soloPlacement())));
            s.profile().sexes().forEach(sex -> form.add("sexes", sex));
            s.profile().needs().forEach(need -> form.add("needs", need));
        }
        if (s.ownerGroup() != null) {
            form.with("ownerGroupName", s.ownerGroup().name())
                    .with("companiesHouseNumber", s.ownerGroup().companiesHouseNumber());
        }
        return form;
    }

    private TemplateInstance settingPage(Setting setting, Form form) {
        return Templates.setting(setting, form, Option.of(form.value("kind"), withChoose(KINDS)),
                OfficerPages.options(form, "sexes", SEXES), OfficerPages.options(form, "needs", OfficerPages.NEEDS),
                Option.of(form.value("emergencyAdmissions"), YES_NO), Option.of(form.value("soloPlacement"), YES_NO),
                Option.of(form.value("forProfit"), YES_NO), Option.of(form.value("active"), YES_NO), keyOf(form));
    }

    // --- vacancies ---------------------------------------------------------------------------------------------

    @GET
    @Path("your-settings/{id}/vacancy")
    public TemplateInstance declareForm(@PathParam("id") UUID id) {
        return vacancyPage(providers.setting(ownProvider(), id), Form.empty().with("places", "1"));
    }

    @POST
    @Path("your-settings/{id}/vacancy")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response declare(@PathParam("id") UUID id, MultivaluedMap<String, String> posted) {
        Form form = Form.of(posted);
        Setting setting = providers.setting(ownProvider(), id);
        Integer places = form.wholeNumber("places", "Places");
        if (places == null && !form.invalid("places")) {
            form.reject("places", "Enter how many places are free");
        } else if (places != null && (places < 1 || places > setting.registeredPlaces())) {
            form.reject("places", "Places must be from 1 to the setting's " + setting.registeredPlaces()
                    + " registered places");
        }
        LocalDate from = form.date("availableFrom", "the date the places are free from", true);
        if (from != null && from.isBefore(LocalDate.now(Formats.UK))) {
            form.rejectDate("availableFrom", "The date the places are free from must be today or in the future");
        }
        Integer minAge = age(form, "minAge", "youngest age", false);
        Integer maxAge = age(form, "maxAge", "oldest age", false);
        if (minAge != null && maxAge != null && minAge > maxAge) {
            form.reject("maxAge", "The oldest age must be the same as or more than the youngest age");
        }
        if (form.hasErrors()) {
            return Response.status(400).entity(vacancyPage(setting, form)).build();
        }
        List<String> needs = form.all("needs");
        try {
            providers.declareVacancy(ownProvider(), id, keyOf(form), new ProviderService.Declaration(places, from,
                    minAge, maxAge, needs.isEmpty() ? null : needs, form.checked("emergency", "true")));
        } catch (ServiceProblem refused) {
            return OfficerPages.onForm(refused, vacancyPage(setting, form.refusedBy(refused, "places",
                    VACANCY_FIELDS)));
        }
        return Response.seeOther(URI.create("/your-settings?done=declared")).build();
    }

    private TemplateInstance vacancyPage(Setting setting, Form form) {
        // only the needs the setting's profile can meet: a vacancy narrows its profile, never widens it
        List<String> profileNeeds = setting.profile() == null ? List.of() : setting.profile().needs();
        List<Option> needs = new ArrayList<>();
        for (int i = 0; i < OfficerPages.NEEDS.length; i += 2) {
            if (profileNeeds.contains(OfficerPages.NEEDS[i])) {
                needs.add(new Option(OfficerPages.NEEDS[i], OfficerPages.NEEDS[i + 1],
                        form.checked("needs", OfficerPages.NEEDS[i])));
            }
        }
        return Templates.vacancy(setting, form, needs, keyOf(form));
    }

    @POST
    @Path("your-vacancies/{id}/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("id") UUID id) {
        try {
            providers.confirmVacancy(ownProvider(), id);
        } catch (ServiceProblem refused) {
            // withdrawn meanwhile (409): the list says so, as it is now
            return OfficerPages.onForm(refused, list(null, ErrorPages.formErrors(refused, null)));
        }
        return Response.seeOther(URI.create("/your-settings?done=confirmed")).build();
    }

    @GET
    @Path("your-vacancies/{id}/withdraw")
    public TemplateInstance withdrawForm(@PathParam("id") UUID id) {
        return withdrawPage(id, Form.empty());
    }

    @POST
    @Path("your-vacancies/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("id") UUID id, MultivaluedMap<String, String> posted) {
        Form form = Form.of(posted);
        String reason = form.choice("reason", VacancyPages.codes(WITHDRAWN_REASONS),
                "Select why the vacancy is withdrawn");
        if (form.hasErrors()) {
            return Response.status(400).entity(withdrawPage(id, form)).build();
        }
        try {
            providers.withdrawVacancy(ownProvider(), id, new ProviderService.Withdrawal(reason));
        } catch (ServiceProblem refused) {
            return OfficerPages.onForm(refused, withdrawPage(id, form.refusedBy(refused, "reason")));
        }
        return Response.seeOther(URI.create("/your-settings?done=withdrawn")).build();
    }

    private TemplateInstance withdrawPage(UUID vacancyId, Form form) {
        Vacancy vacancy = providers.vacancies(null, null, null, null, null, null, null, "true", 0, ROWS).items()
                .stream().map(VacancyRow::vacancy).filter(v -> v.id().equals(vacancyId)).findFirst()
                .orElseThrow(jakarta.ws.rs.NotFoundException::new);
        Setting setting = providers.setting(ownProvider(), vacancy.settingId());
        return Templates.withdraw(setting, vacancy, form, Option.of(form.value("reason"), WITHDRAWN_REASONS));
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** The signed-in person's organisation, from their token; someone without one has no settings here. */
    private UUID ownProvider() {
        try {
            return UUID.fromString(viewer.providerId());
        } catch (IllegalArgumentException e) {
            throw new ServiceProblem("portal", 403, new Problem(null, "Forbidden", 403,
                    "Your sign-in does not name a provider organisation.", null));
        }
    }

    /** A key made when the form was drawn: sending the same form twice records it once. */
    static String keyOf(Form form) {
        return form.value("idempotencyKey").isBlank() ? UUID.randomUUID().toString() : form.value("idempotencyKey");
    }

    private static Boolean bool(String yesNo) {
        return yesNo == null ? null : Boolean.valueOf(yesNo);
    }

    private static String upper(String text) {
        return text == null ? null : text.toUpperCase(java.util.Locale.UK);
    }

    static String[] withChoose(String[] valuesAndTexts) {
        String[] all = new String[valuesAndTexts.length + 2];
        all[0] = "";
        all[1] = "Choose one";
        System.arraycopy(valuesAndTexts, 0, all, 2, valuesAndTexts.length);
        return all;
    }
}
