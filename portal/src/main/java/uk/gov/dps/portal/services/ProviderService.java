package uk.gov.dps.portal.services;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** provider-service as the portal calls it: the commissioner's queue of applications to the council's lots. */
@RegisterRestClient(configKey = ProviderService.NAME)
@RegisterProvider(SignedInUserToken.class)
@RegisterProvider(ServiceErrors.Provider.class)
public interface ProviderService {

    String NAME = "provider-service";

    record Application(UUID id, UUID providerId, UUID lotId, List<String> categories, String requestedTier,
            String status, Instant receivedAt, LocalDate dueOn, boolean extended, boolean overdue) {

        public List<String> categories() {
            return categories == null ? List.of() : categories;
        }
    }

    @GET
    @Path("/applications")
    Page<Application> applications(@QueryParam("status") String status, @QueryParam("page") int page);

    // --- commissioners: one application and its decision; suspending and reinstating members ---------------

    record ApplicationDetail(UUID id, UUID providerId, UUID lotId, List<String> categories, String requestedTier,
            String status, Instant receivedAt, LocalDate dueOn, boolean extended, String extensionJustification,
            boolean overdue, Instant decidedAt, String decidedBy, String decisionReasons) {

        public List<String> categories() {
            return categories == null ? List.of() : categories;
        }
    }

    /** outcome ADMIT or REJECT; a rejection needs its reasons; tier only for a tiered lot. */
    record Decision(String outcome, String reasons, String tier) {
    }

    record Membership(UUID lotId, List<String> categories, String tier, String status, String suspendedReason,
            Instant admittedAt) {

        public List<String> categories() {
            return categories == null ? List.of() : categories;
        }
    }

    record Provider(UUID id, String name, String ofstedUrn, String postcode, List<Membership> memberships) {

        public List<Membership> memberships() {
            return memberships == null ? List.of() : memberships;
        }
    }

    /** One lot (lotId), or every lot of the provider when lotId is null. */
    record LotAction(UUID lotId, String reason) {
    }

    record LotsAffected(UUID providerId, List<UUID> lotIds) {
    }

    @GET
    @Path("/applications/{id}")
    ApplicationDetail application(@PathParam("id") UUID id);

    @POST
    @Path("/applications/{id}/decision")
    ApplicationDetail decide(@PathParam("id") UUID id, Decision decision);

    @GET
    @Path("/providers/{id}")
    Provider provider(@PathParam("id") UUID id);

    @POST
    @Path("/providers/{id}/suspensions")
    LotsAffected suspend(@PathParam("id") UUID providerId, LotAction action);

    @POST
    @Path("/providers/{id}/reinstatements")
    LotsAffected reinstate(@PathParam("id") UUID providerId, LotAction action);

    // --- providers: their own organisation's documents ---------------------------------------------------

    record Document(UUID id, String type, boolean mandatory, String reference, String title, LocalDate issuedOn,
            LocalDate expiresOn, LocalDate reviewOn, Instant recordedAt, String recordedBy, boolean expired,
            boolean expiringSoon) {
    }

    record NewDocument(String type, String reference, String title, LocalDate issuedOn, LocalDate expiresOn,
            LocalDate reviewOn) {
    }

    @GET
    @Path("/providers/{id}/documents")
    List<Document> documents(@PathParam("id") UUID providerId);

    @POST
    @Path("/providers/{id}/documents")
    Document recordDocument(@PathParam("id") UUID providerId, @HeaderParam("Idempotency-Key") String key,
            NewDocument document);

    // --- settings and their vacancies (issue 15): providers keep them, partner councils' officers read them -----

    /** What the setting's Statement of Purpose says it can do: ages (inclusive), sexes (FEMALE, MALE), needs. */
    record Profile(Integer minAge, Integer maxAge, List<String> sexes, List<String> needs,
            Boolean emergencyAdmissions, Boolean soloPlacement, LocalDate statementOfPurposeDate) {

        public List<String> sexes() {
            return sexes == null ? List.of() : sexes;
        }

        public List<String> needs() {
            return needs == null ? List.of() : needs;
        }
    }

    record OwnerGroup(String name, String companiesHouseNumber) {
    }

    record Judgement(String judgement, String regulator, LocalDate inspectedOn, String reportReference) {
    }

    record Setting(UUID id, UUID providerId, String name, String kind, String ofstedUrn, String dfeNumber,
            String postcode, String postcodeDistrict, String country, int registeredPlaces, Profile profile,
            OwnerGroup ownerGroup, boolean forProfit, boolean active, Judgement latestJudgement, boolean inadequate,
            Instant registeredAt, Instant changedAt) {
    }

    /** A new setting, or the whole of a changed one (PUT replaces it). */
    record SettingRequest(String name, String kind, String ofstedUrn, String dfeNumber, String postcode,
            Integer registeredPlaces, Profile profile, OwnerGroup ownerGroup, Boolean forProfit, Boolean active) {
    }

    record Vacancy(UUID id, UUID settingId, UUID providerId, int places, LocalDate availableFrom, Integer minAge,
            Integer maxAge, List<String> needs, boolean emergency, String status, String withdrawnReason,
            Instant declaredAt, Instant confirmedAt, Instant changedAt, boolean stale) {

        public List<String> needs() {
            return needs == null ? List.of() : needs;
        }
    }

    /** One search result: the vacancy, its setting, whose it is, how far from the place asked about. */
    record VacancyRow(Vacancy vacancy, String settingName, String settingKind, String postcodeDistrict,
            String country, String providerName, Double distanceMiles, boolean stale, Judgement latestJudgement) {
    }

    /** Ages and needs narrow the setting's profile; left out, the vacancy is as the profile says. */
    record Declaration(Integer places, LocalDate availableFrom, Integer minAge, Integer maxAge, List<String> needs,
            Boolean emergency) {
    }

    /** FILLED, NO_LONGER_AVAILABLE or OTHER. */
    record Withdrawal(String reason) {
    }

    @GET
    @Path("/providers/{id}/settings")
    Page<Setting> settings(@PathParam("id") UUID providerId, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/providers/{id}/settings/{settingId}")
    Setting setting(@PathParam("id") UUID providerId, @PathParam("settingId") UUID settingId);

    @POST
    @Path("/providers/{id}/settings")
    Setting registerSetting(@PathParam("id") UUID providerId, @HeaderParam("Idempotency-Key") String key,
            SettingRequest setting);

    @PUT
    @Path("/providers/{id}/settings/{settingId}")
    Setting changeSetting(@PathParam("id") UUID providerId, @PathParam("settingId") UUID settingId,
            SettingRequest setting);

    @POST
    @Path("/providers/{id}/settings/{settingId}/vacancies")
    Vacancy declareVacancy(@PathParam("id") UUID providerId, @PathParam("settingId") UUID settingId,
            @HeaderParam("Idempotency-Key") String key, Declaration declaration);

    @POST
    @Path("/providers/{id}/vacancies/{vacancyId}/confirm")
    Vacancy confirmVacancy(@PathParam("id") UUID providerId, @PathParam("vacancyId") UUID vacancyId);

    @POST
    @Path("/providers/{id}/vacancies/{vacancyId}/withdraw")
    Vacancy withdrawVacancy(@PathParam("id") UUID providerId, @PathParam("vacancyId") UUID vacancyId,
            Withdrawal withdrawal);

    /**
     * Open vacancies, nearest first when {@code near} is given; a provider's own only, for a provider user. Each
     * filter may be null; sex is FEMALE or MALE, the referral's words.
     */
    @GET
    @Path("/vacancies")
    Page<VacancyRow> vacancies(@QueryParam("lotId") String lotId, @QueryParam("need") String need,
            @QueryParam("age") String age, @QueryParam("sex") String sex, @QueryParam("emergency") String emergency,
            @QueryParam("near") String near, @QueryParam("withinMiles") String withinMiles,
            @QueryParam("includeStale") String includeStale, @QueryParam("page") int page,
            @QueryParam("size") int size);
}
