package uk.gov.dps.provider.rest;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import uk.gov.dps.events.placement.Need;
import uk.gov.dps.provider.domain.Setting;
import uk.gov.dps.provider.domain.SettingJudgement;
import uk.gov.dps.provider.domain.Vacancy;
import uk.gov.dps.provider.service.SettingService;
import uk.gov.dps.provider.service.VacancyService;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.Idempotent;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.Roles;

/**
 * The settings a provider runs, with their Statement of Purpose profiles. The provider's own users manage them;
 * partner councils' commissioners, placement officers and monitoring officers read every setting.
 */
@Path("/providers/{id}/settings")
@Tag(name = "Settings and vacancies")
public class SettingResource {

    @Inject
    SettingService settings;

    @Inject
    VacancyService vacancies;

    @Inject
    Caller caller;

    public record SettingRequest(
            @NotBlank @Size(max = 200) String name,
            @NotNull Setting.Kind kind,
            @Pattern(regexp = "SC[0-9]{6}|[0-9]{6,7}", message = "must be an Ofsted URN such as SC484123 or 1234567")
            String ofstedUrn,
            @Pattern(regexp = "[0-9]{3}/[0-9]{4}", message = "must be a DfE number such as 873/6001") String dfeNumber,
            @NotNull @Pattern(regexp = "(?i)[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}",
                    message = "must be a full UK postcode such as PE29 3TN") String postcode,
            @NotNull @Min(1) @Max(100) Integer registeredPlaces,
            @NotNull @Valid ProfileRequest profile,
            @Valid OwnerGroupRequest ownerGroup,
            @NotNull Boolean forProfit,
            Boolean active) {

        SettingService.Details details(boolean activeByDefault) {
            return new SettingService.Details(name, kind, ofstedUrn, dfeNumber, postcode, registeredPlaces,
                    new SettingService.Profile(profile.minAge(), profile.maxAge(), profile.sexes(), profile.needs(),
                            profile.emergencyAdmissions(), profile.soloPlacement(), profile.statementOfPurposeDate()),
                    ownerGroup == null ? null
                            : new SettingService.OwnerGroup(ownerGroup.name(), ownerGroup.companiesHouseNumber()),
                    forProfit, active == null ? activeByDefault : active);
        }
    }

    /** What the setting's Statement of Purpose says it can do. */
    public record ProfileRequest(
            @NotNull @Min(0) @Max(25) Integer minAge,
            @NotNull @Min(0) @Max(25) Integer maxAge,
            @NotNull @Size(min = 1, max = 2, message = "must name F, M or both")
            List<@NotNull @Pattern(regexp = "FEMALE|MALE", message = "must be FEMALE or MALE") String> sexes,
            @NotNull @Size(max = 20) List<@NotNull Need> needs,
            @NotNull Boolean emergencyAdmissions,
            @NotNull Boolean soloPlacement,
            LocalDate statementOfPurposeDate) {
    }

    public record OwnerGroupRequest(@NotBlank @Size(max = 200) String name,
            @NotNull @Pattern(regexp = "[A-Z0-9]{2}[0-9]{6}",
                    message = "must be a Companies House number: 2 letters or digits, then 6 digits") String companiesHouseNumber) {
    }

    public record JudgementView(String judgement, String regulator, LocalDate inspectedOn, String reportReference) {

        static JudgementView of(SettingJudgement j) {
            return j == null ? null : new JudgementView(j.judgement, j.regulator, j.inspectedOn, j.reportReference);
        }
    }

    public record ProfileView(int minAge, int maxAge, List<String> sexes, List<String> needs,
            boolean emergencyAdmissions, boolean soloPlacement, LocalDate statementOfPurposeDate) {
    }

    public record OwnerGroupView(String name, String companiesHouseNumber) {
    }

    public record SettingView(UUID id, UUID providerId, String name, Setting.Kind kind, String ofstedUrn,
            String dfeNumber, String postcode, String postcodeDistrict, String country, int registeredPlaces,
            ProfileView profile, OwnerGroupView ownerGroup, boolean forProfit, boolean active,
            JudgementView latestJudgement, boolean inadequate, Instant registeredAt, Instant changedAt) {

        static SettingView of(Setting s, SettingJudgement judgement) {
            return new SettingView(s.id, s.providerId, s.name, s.kind, s.ofstedUrn, s.dfeNumber, s.postcode,
                    s.postcodeDistrict, s.country, s.registeredPlaces,
                    new ProfileView(s.minAge, s.maxAge, List.of(s.sexes), List.of(s.needs), s.emergencyAdmissions,
                            s.soloPlacement, s.statementOfPurposeDate),
                    s.ownerGroupName == null ? null : new OwnerGroupView(s.ownerGroupName, s.ownerGroupNumber),
                    s.forProfit, s.active, JudgementView.of(judgement), judgement != null && judgement.isInadequate(),
                    s.registeredAt, s.changedAt);
        }
    }

    @POST
    @Idempotent
    @RolesAllowed(Roles.PROVIDER)
    @Operation(summary = "Register a setting the organisation runs, with its Statement of Purpose profile",
            description = "kind CHILDRENS_HOME, FOSTERING_AGENCY, SUPPORTED_ACCOMMODATION (Ofsted URN needed), "
                    + "RESIDENTIAL_SCHOOL, SPECIAL_SCHOOL (DfE number needed) or OTHER (either). The full postcode "
                    + "stays here; dps.provider.setting-registered.v1 carries its district and country. A duplicate "
                    + "Ofsted URN or DfE number is 409. Only the provider's own users.")
    public Response register(@PathParam("id") UUID providerId, @Valid @NotNull SettingRequest request) {
        caller.requireOwnProviderIfProvider(providerId);
        Setting setting = settings.register(providerId, request.details(true), caller.asActor());
        return Response.created(URI.create("/providers/" + providerId + "/settings/" + setting.id))
                .entity(SettingView.of(setting, settings.judgement(setting).orElse(null))).build();
    }

    @GET
    @RolesAllowed({Roles.PROVIDER, Roles.COMMISSIONER, Roles.PLACEMENT_OFFICER, Roles.MONITORING_OFFICER})
    @Operation(summary = "The organisation's settings by name, with each one's latest judgement, paged")
    public Page<SettingView> list(@PathParam("id") UUID providerId, @Valid @BeanParam PageRequest page) {
        requireReader(providerId);
        List<Setting> rows = settings.of(providerId, page);
        Map<String, SettingJudgement> judgements = settings.judgements(rows);
        return Page.of(rows, page.page, page.size,
                s -> SettingView.of(s, s.ofstedUrn == null ? null : judgements.get(s.ofstedUrn)));
    }

    @GET
    @Path("/{settingId}")
    @RolesAllowed({Roles.PROVIDER, Roles.COMMISSIONER, Roles.PLACEMENT_OFFICER, Roles.MONITORING_OFFICER})
    @Operation(summary = "One setting with its profile and latest judgement")
    public SettingView get(@PathParam("id") UUID providerId, @PathParam("settingId") UUID settingId) {
        requireReader(providerId);
        Setting setting = settings.get(providerId, settingId);
        return SettingView.of(setting, settings.judgement(setting).orElse(null));
    }

    @PUT
    @Path("/{settingId}")
    @RolesAllowed(Roles.PROVIDER)
    @Operation(summary = "Replace the setting's details, profile, owner group and places",
            description = "active=false closes the setting and withdraws its open vacancies. Publishes "
                    + "dps.provider.setting-changed.v1 with the whole setting, unless nothing changed.")
    public SettingView replace(@PathParam("id") UUID providerId, @PathParam("settingId") UUID settingId,
            @Valid @NotNull SettingRequest request) {
        caller.requireOwnProviderIfProvider(providerId);
        Setting setting = settings.replace(providerId, settingId, request.details(true), caller.asActor());
        return SettingView.of(setting, settings.judgement(setting).orElse(null));
    }

    @POST
    @Path("/{settingId}/vacancies")
    @Idempotent
    @RolesAllowed(Roles.PROVIDER)
    @Operation(summary = "Declare a live vacancy at one of the organisation's settings",
            description = "places 1..the setting's registered places; availableFrom today or later; minAge/maxAge "
                    + "within the setting's ages; needs within its profile's needs; emergency only where the setting "
                    + "takes emergency admissions (422 naming the rule otherwise). Publishes "
                    + "dps.provider.vacancy-declared.v1.")
    public Response declare(@PathParam("id") UUID providerId, @PathParam("settingId") UUID settingId,
            @Valid @NotNull VacancyResource.DeclarationRequest request) {
        caller.requireOwnProviderIfProvider(providerId);
        Vacancy vacancy = vacancies.declare(providerId, settingId, new VacancyService.Declaration(request.places(),
                request.availableFrom(), request.minAge(), request.maxAge(), request.needs(),
                Boolean.TRUE.equals(request.emergency())), caller.asActor());
        return Response.created(URI.create("/providers/" + providerId + "/vacancies/" + vacancy.id))
                .entity(VacancyResource.VacancyView.of(vacancy, vacancies.now(), vacancies.staleAfter())).build();
    }

    /** Provider users read their own; council officers only with a partner council's token. */
    private void requireReader(UUID providerId) {
        if (caller.hasRole(Roles.PROVIDER)) {
            caller.requireOwnProviderIfProvider(providerId);
        } else {
            caller.requirePartnerCouncil();
        }
    }
}
