package uk.gov.dps.provider.rest;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import uk.gov.dps.events.placement.Need;
import uk.gov.dps.messaging.feed.FeedStream;
import uk.gov.dps.provider.config.ProviderConfig;
import uk.gov.dps.provider.domain.Setting;
import uk.gov.dps.provider.domain.Vacancy;
import uk.gov.dps.provider.messaging.VacancyFeed;
import uk.gov.dps.provider.service.VacancyService;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.Idempotent;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.PostcodeDistricts;
import uk.gov.dps.runtime.ProblemException;
import uk.gov.dps.runtime.QueryValues;
import uk.gov.dps.runtime.Roles;

/**
 * Live vacancies as partner councils' officers find them (by lot, need, age, sex and distance) and watch them arrive
 * on a live feed; providers declare them at their settings (SettingResource) and confirm or withdraw them
 * (ProviderVacancyResource).
 */
@Path("/vacancies")
@Tag(name = "Settings and vacancies")
public class VacancyResource {

    @Inject
    VacancyService vacancies;

    @Inject
    VacancyFeed feed;

    @Inject
    ProviderConfig config;

    @Inject
    Caller caller;

    /** Ages and needs narrow the setting's profile; left out, the vacancy is as the profile says. */
    public record DeclarationRequest(@NotNull Integer places, @NotNull LocalDate availableFrom, Integer minAge,
            Integer maxAge, @Size(max = 20) List<@NotNull Need> needs, Boolean emergency) {
    }

    public record WithdrawalRequest(@NotNull Vacancy.WithdrawnReason reason) {
    }

    public record VacancyView(UUID id, UUID settingId, UUID providerId, int places, LocalDate availableFrom,
            Integer minAge, Integer maxAge, List<String> needs, boolean emergency, Vacancy.Status status,
            Vacancy.WithdrawnReason withdrawnReason, Instant declaredAt, Instant confirmedAt, Instant changedAt,
            boolean stale) {

        static VacancyView of(Vacancy v, Instant now, Duration staleAfter) {
            return new VacancyView(v.id, v.settingId, v.providerId, v.places, v.availableFrom, v.minAge, v.maxAge,
                    v.needs == null ? null : List.of(v.needs), v.emergency, v.status, v.withdrawnReason, v.declaredAt,
                    v.confirmedAt, v.changedAt, v.isStale(now, staleAfter));
        }
    }

    /** One search result: the vacancy, where it is, whose it is, how far, whether stale, the setting's judgement. */
    public record VacancyRow(VacancyView vacancy, String settingName, Setting.Kind settingKind,
            String postcodeDistrict, String country, String providerName, Double distanceMiles, boolean stale,
            SettingResource.JudgementView latestJudgement) {
    }

    @GET
    @RolesAllowed({Roles.COMMISSIONER, Roles.PLACEMENT_OFFICER, Roles.MONITORING_OFFICER, Roles.PROVIDER})
    @Operation(summary = "Open vacancies, paged; provider users see only their own",
            description = "lotId: settings of the lot's members whose membership is active (not suspended); need, "
                    + "age, sex (FEMALE or MALE), emergency=true; near=<postcode or district> sorts nearest first and gives "
                    + "each row its distance in miles between district centroids, withinMiles limits it; stale "
                    + "vacancies (not confirmed for 7 days) only with includeStale=true, marked stale. Settings whose "
                    + "own latest judgement is Inadequate are not offered.")
    public Page<VacancyRow> search(@QueryParam("lotId") String lotId, @QueryParam("need") String need,
            @QueryParam("age") String age, @QueryParam("sex") String sex, @QueryParam("emergency") String emergency,
            @QueryParam("near") String near, @QueryParam("withinMiles") String withinMiles,
            @QueryParam("includeStale") String includeStale, @Valid @BeanParam PageRequest page) {
        Optional<UUID> onlyProvider = Optional.empty();
        if (caller.hasRole(Roles.PROVIDER)) {
            onlyProvider = Optional.of(caller.providerClaim()
                    .orElseThrow(() -> ProblemException.forbidden("Your token names no provider organisation.")));
        } else {
            caller.requirePartnerCouncil();
        }
        Optional<PostcodeDistricts.District> from = Optional.ofNullable(near).filter(n -> !n.isBlank())
                .map(n -> PostcodeDistricts.find(n).orElseThrow(() -> ProblemException.badRequest("near",
                        "must be a UK postcode or postcode district we know, such as PE29 or PE29 3TN")));
        Optional<Double> within = optionalNumber(withinMiles, "withinMiles", 0, 1000);
        if (within.isPresent() && from.isEmpty()) {
            throw ProblemException.badRequest("withinMiles", "needs near=<postcode or district> to measure from");
        }
        VacancyService.Search search = new VacancyService.Search(QueryValues.optionalId(lotId, "lotId"),
                QueryValues.optionalEnum(Need.class, need, "need"),
                optionalNumber(age, "age", 0, 25).map(Double::intValue),
                Optional.ofNullable(sex).filter(s -> !s.isBlank()).map(s -> {
                    if (!s.equals("FEMALE") && !s.equals("MALE")) {
                        throw ProblemException.badRequest("sex", "must be FEMALE or MALE");
                    }
                    return s;
                }), flag(emergency, "emergency"), from, within, flag(includeStale, "includeStale"), onlyProvider);
        Instant now = vacancies.now();
        Duration staleAfter = vacancies.staleAfter();
        return Page.of(vacancies.search(search, page), page.page, page.size, f -> new VacancyRow(
                VacancyView.of(f.vacancy(), now, staleAfter), f.setting().name, f.setting().kind,
                f.setting().postcodeDistrict, f.setting().country, f.provider().name, f.miles(), f.stale(),
                SettingResource.JudgementView.of(f.judgement())));
    }

    @GET
    @Path("/feed")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RolesAllowed({Roles.COMMISSIONER, Roles.PLACEMENT_OFFICER, Roles.MONITORING_OFFICER})
    @Operation(summary = "Live feed of vacancies declared, confirmed and withdrawn (text/event-stream)",
            description = "Each event: id = the feed's position just after it (e.g. 0:17,1:9,2:30), event = type "
                    + "(dps.provider.vacancy-declared.v1, -confirmed.v1, -withdrawn.v1), data = {id, type, "
                    + "providerId, time, payload} with the payload exactly as on dps.providers. Starts with a comment "
                    + "once listening; comment heartbeats keep it open. Reconnecting with Last-Event-ID (as "
                    + "EventSource does) first gets the events missed, then the live ones, none twice. Partner "
                    + "councils' officers only.")
    public Multi<OutboundSseEvent> feed(@HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        caller.requirePartnerCouncil();
        return FeedStream.sse(feed.feed(), FeedStream.lastEventId(lastEventId),
                e -> VacancyFeed.VACANCY_TYPES.contains(e.type()), sse, "listening to vacancies on dps.providers",
                config.vacancyFeed().heartbeat());
    }

    private static Optional<Double> optionalNumber(String value, String parameter, double min, double max) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            double number = Double.parseDouble(value.strip());
            if (number >= min && number <= max) {
                return Optional.of(number);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ProblemException.badRequest(parameter, "must be a number from " + (int) min + " to " + (int) max);
    }

    private static boolean flag(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return false;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw ProblemException.badRequest(parameter, "must be true or false");
        }
        return Boolean.parseBoolean(value);
    }
}
