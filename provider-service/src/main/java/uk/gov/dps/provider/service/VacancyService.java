package uk.gov.dps.provider.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.EventType;
import uk.gov.dps.events.placement.Need;
import uk.gov.dps.events.provider.VacancySnapshot;
import uk.gov.dps.messaging.Outbox;
import uk.gov.dps.provider.config.ProviderConfig;
import uk.gov.dps.provider.domain.Membership;
import uk.gov.dps.provider.domain.Provider;
import uk.gov.dps.provider.domain.Setting;
import uk.gov.dps.provider.domain.SettingJudgement;
import uk.gov.dps.provider.domain.Vacancy;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.PlatformClock;
import uk.gov.dps.runtime.PostcodeDistricts;
import uk.gov.dps.runtime.ProblemException;

/**
 * Live vacancies at providers' settings: declared, confirmed, withdrawn (each publishing the whole vacancy through the
 * outbox, key = provider id), and found by partner councils' officers by lot, need, age, sex and distance.
 */
@ApplicationScoped
public class VacancyService {

    @Inject
    SettingService settings;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    ProviderConfig config;

    public record Declaration(int places, LocalDate availableFrom, Integer minAge, Integer maxAge, List<Need> needs,
            boolean emergency) {
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformClock.UK));
    }

    public Instant now() {
        return clock.instant();
    }

    public java.time.Duration staleAfter() {
        return config.vacancyStaleAfter();
    }

    /** Declares a vacancy at one of the provider's settings; 422 naming the rule when it does not fit the setting. */
    @Transactional
    public Vacancy declare(UUID providerId, UUID settingId, Declaration declaration, AuditTrail.Actor actor) {
        Setting setting = settings.get(providerId, settingId);
        if (!setting.active) {
            throw ProblemException.unprocessable("The setting is closed: a closed setting has no vacancies.");
        }
        if (declaration.places() < 1 || declaration.places() > setting.registeredPlaces) {
            throw ProblemException.unprocessable("places must be between 1 and the setting's registered places ("
                    + setting.registeredPlaces + ").");
        }
        if (declaration.availableFrom().isBefore(today())) {
            throw ProblemException.unprocessable("availableFrom must be today (" + today() + ") or later.");
        }
        checkAge("minAge", declaration.minAge(), setting);
        checkAge("maxAge", declaration.maxAge(), setting);
        if (declaration.minAge() != null && declaration.maxAge() != null && declaration.minAge() > declaration.maxAge()) {
            throw ProblemException.unprocessable("minAge must not be above maxAge.");
        }
        if (declaration.needs() != null) {
            List<String> outside = declaration.needs().stream().map(Enum::name).filter(n -> !setting.canMeet(n))
                    .distinct().toList();
            if (!outside.isEmpty()) {
                throw ProblemException.unprocessable("needs must be within the setting's Statement of Purpose: "
                        + outside + " is not among " + List.of(setting.needs) + ".");
            }
        }
        if (declaration.emergency() && !setting.emergencyAdmissions) {
            throw ProblemException.unprocessable(
                    "emergency: the setting's Statement of Purpose does not take emergency admissions.");
        }
        Instant now = clock.instant();
        Vacancy vacancy = new Vacancy();
        vacancy.id = UUID.randomUUID();
        vacancy.settingId = setting.id;
        vacancy.providerId = providerId;
        vacancy.places = declaration.places();
        vacancy.availableFrom = declaration.availableFrom();
        vacancy.minAge = declaration.minAge();
        vacancy.maxAge = declaration.maxAge();
        vacancy.needs = declaration.needs() == null ? null
                : (declaration.needs().isEmpty() ? EnumSet.noneOf(Need.class) : EnumSet.copyOf(declaration.needs()))
                        .stream().map(Enum::name).toArray(String[]::new);
        vacancy.emergency = declaration.emergency();
        vacancy.status = Vacancy.Status.OPEN;
        vacancy.declaredAt = now;
        vacancy.confirmedAt = now;
        vacancy.changedAt = now;
        vacancy.persist();
        announce(EventCatalog.VACANCY_DECLARED, vacancy);
        audit.record("vacancy", vacancy.id, "DECLARED", actor, null,
                Map.of("settingId", setting.id, "places", vacancy.places));
        return vacancy;
    }

    private static void checkAge(String field, Integer age, Setting setting) {
        if (age != null && !setting.takesAge(age)) {
            throw ProblemException.unprocessable(field + " must be within the setting's age range ("
                    + setting.minAge + "-" + setting.maxAge + ").");
        }
    }

    /** The provider says the vacancy is still there: it is no longer stale. */
    @Transactional
    public Vacancy confirm(UUID providerId, UUID vacancyId, AuditTrail.Actor actor) {
        Vacancy vacancy = get(providerId, vacancyId);
        if (vacancy.status != Vacancy.Status.OPEN) {
            throw ProblemException.conflict("The vacancy was withdrawn (" + vacancy.withdrawnReason
                    + "): declare a new one instead.");
        }
        vacancy.confirmedAt = clock.instant();
        vacancy.changedAt = vacancy.confirmedAt;
        announce(EventCatalog.VACANCY_CONFIRMED, vacancy);
        audit.record("vacancy", vacancy.id, "CONFIRMED", actor, null, null);
        return vacancy;
    }

    @Transactional
    public Vacancy withdraw(UUID providerId, UUID vacancyId, Vacancy.WithdrawnReason reason, AuditTrail.Actor actor) {
        Vacancy vacancy = get(providerId, vacancyId);
        if (vacancy.status != Vacancy.Status.OPEN) {
            throw ProblemException.conflict("The vacancy was withdrawn already (" + vacancy.withdrawnReason + ").");
        }
        withdrawn(vacancy, reason, actor);
        return vacancy;
    }

    /** A closed setting's open vacancies go with it. */
    @Transactional
    public void withdrawAllAt(Setting setting, AuditTrail.Actor actor) {
        Vacancy.<Vacancy>list("settingId = ?1 and status = ?2", setting.id, Vacancy.Status.OPEN)
                .forEach(v -> withdrawn(v, Vacancy.WithdrawnReason.NO_LONGER_AVAILABLE, actor));
    }

    private void withdrawn(Vacancy vacancy, Vacancy.WithdrawnReason reason, AuditTrail.Actor actor) {
        vacancy.status = Vacancy.Status.WITHDRAWN;
        vacancy.withdrawnReason = reason;
        vacancy.changedAt = clock.instant();
        announce(EventCatalog.VACANCY_WITHDRAWN, vacancy);
        audit.record("vacancy", vacancy.id, "WITHDRAWN", actor, reason.name(), null);
    }

    private void announce(EventType<VacancySnapshot> type, Vacancy vacancy) {
        outbox.publish(type, vacancy.providerId, vacancy.snapshot());
    }

    /** The provider's vacancy; 404 when the provider did not declare it. */
    public Vacancy get(UUID providerId, UUID vacancyId) {
        return Vacancy.<Vacancy>findByIdOptional(vacancyId).filter(v -> v.providerId.equals(providerId))
                .orElseThrow(() -> ProblemException.notFound("Vacancy", vacancyId));
    }

    /** What an officer looks for; empty filters match everything. */
    public record Search(Optional<UUID> lotId, Optional<Need> need, Optional<Integer> age, Optional<String> sex,
            boolean emergencyOnly, Optional<PostcodeDistricts.District> near, Optional<Double> withinMiles,
            boolean includeStale, Optional<UUID> onlyProvider) {
    }

    /** One vacancy found, with what the officer needs to judge it at a glance. */
    public record Found(Vacancy vacancy, Setting setting, Provider provider, Double miles, boolean stale,
            SettingJudgement judgement) {
    }

    /**
     * Open vacancies at active settings, nearest first when {@code near} is given (otherwise soonest available).
     * Officers are not offered the vacancies of a setting whose own latest judgement is Inadequate; with a lot, only
     * settings of that lot's members whose membership is active (not suspended).
     */
    public List<Found> search(Search search, PageRequest page) {
        StringBuilder query = new StringBuilder("from Vacancy v where v.status = :open and exists (select 1 from "
                + "Setting s where s.id = v.settingId and s.active = true)");
        Parameters parameters = Parameters.with("open", Vacancy.Status.OPEN);
        search.onlyProvider().ifPresent(id -> {
            query.append(" and v.providerId = :provider");
            parameters.and("provider", id);
        });
        search.lotId().ifPresent(id -> {
            query.append(" and exists (select 1 from Membership m where m.providerId = v.providerId"
                    + " and m.lotId = :lot and m.status = :active)");
            parameters.and("lot", id).and("active", Membership.Status.ACTIVE);
        });
        if (search.emergencyOnly()) {
            query.append(" and v.emergency = true");
        }
        List<Vacancy> candidates = Vacancy.<Vacancy>find(query.toString(), parameters).list();
        if (candidates.isEmpty()) {
            return List.of();
        }
        Map<UUID, Setting> settingsById = Setting.<Setting>list("id in ?1",
                candidates.stream().map(v -> v.settingId).distinct().toList()).stream()
                .collect(Collectors.toMap(s -> s.id, Function.identity()));
        Map<String, SettingJudgement> judgements = settings.judgements(settingsById.values());
        Map<UUID, Provider> providersById = Provider.<Provider>list("id in ?1",
                candidates.stream().map(v -> v.providerId).distinct().toList()).stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));
        Instant now = clock.instant();
        java.time.Duration staleAfter = config.vacancyStaleAfter();
        Comparator<Found> order = search.near().isPresent()
                ? Comparator.comparing(Found::miles).thenComparing(f -> f.vacancy().availableFrom)
                : Comparator.comparing((Found f) -> f.vacancy().availableFrom);
        return candidates.stream().map(v -> {
            Setting setting = settingsById.get(v.settingId);
            Double miles = search.near().flatMap(from -> PostcodeDistricts.find(setting.postcodeDistrict)
                    .map(from::milesTo)).map(m -> Math.round(m * 10) / 10.0).orElse(null);
            return new Found(v, setting, providersById.get(v.providerId), miles, v.isStale(now, staleAfter),
                    setting.ofstedUrn == null ? null : judgements.get(setting.ofstedUrn));
        }).filter(f -> search.onlyProvider().isPresent() || f.judgement() == null || !f.judgement().isInadequate())
                .filter(f -> search.need().map(n -> f.vacancy().isFor(n.name(), f.setting())).orElse(true))
                .filter(f -> search.age().map(a -> f.vacancy().takesAge(a, f.setting())).orElse(true))
                .filter(f -> search.sex().map(s -> new HashSet<>(List.of(f.setting().sexes)).contains(s)).orElse(true))
                .filter(f -> search.includeStale() || !f.stale())
                .filter(f -> search.withinMiles().map(w -> f.miles() != null && f.miles() <= w).orElse(true))
                .sorted(order.thenComparing(f -> f.vacancy().id))
                .skip(page.first()).limit(page.last() - page.first() + 1L).toList();
    }
}
