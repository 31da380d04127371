package uk.gov.dps.provider.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.placement.Need;
import uk.gov.dps.events.provider.SettingSnapshot;
import uk.gov.dps.messaging.Outbox;
import uk.gov.dps.provider.domain.Setting;
import uk.gov.dps.provider.domain.SettingJudgement;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.PlatformClock;
import uk.gov.dps.runtime.PostcodeDistricts;
import uk.gov.dps.runtime.ProblemException;

/**
 * The settings a provider runs and their Statement of Purpose profiles. Every change publishes the whole setting
 * (dps.provider.setting-registered.v1 / setting-changed.v1, key = provider id) through the outbox.
 */
@ApplicationScoped
public class SettingService {

    @Inject
    ProviderService providers;

    @Inject
    VacancyService vacancies;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** A setting's details as given (already checked for shape by bean validation). */
    public record Details(String name, Setting.Kind kind, String ofstedUrn, String dfeNumber, String postcode,
            int registeredPlaces, Profile profile, OwnerGroup ownerGroup, boolean forProfit, boolean active) {
    }

    public record Profile(int minAge, int maxAge, List<String> sexes, List<Need> needs, boolean emergencyAdmissions,
            boolean soloPlacement, LocalDate statementOfPurposeDate) {
    }

    public record OwnerGroup(String name, String companiesHouseNumber) {
    }

    @Transactional
    public Setting register(UUID providerId, Details details, AuditTrail.Actor actor) {
        providers.get(providerId);
        Setting setting = new Setting();
        setting.id = UUID.randomUUID();
        setting.providerId = providerId;
        setting.registeredAt = clock.instant();
        apply(setting, details);
        setting.persist();
        outbox.publish(EventCatalog.SETTING_REGISTERED, providerId, setting.snapshot());
        audit.record("setting", setting.id, "REGISTERED", actor, null,
                Map.of("providerId", providerId, "name", setting.name));
        return setting;
    }

    /**
     * Replaces the setting's details, profile, owner group and places; {@code active=false} closes it, and withdraws
     * its open vacancies. A repeated PUT changes nothing and publishes nothing.
     */
    @Transactional
    public Setting replace(UUID providerId, UUID settingId, Details details, AuditTrail.Actor actor) {
        Setting setting = get(providerId, settingId);
        SettingSnapshot before = setting.snapshot();
        boolean wasActive = setting.active;
        apply(setting, details);
        if (sameApartFromTime(before, setting.snapshot())) {
            setting.changedAt = before.changedAt();
            return setting;
        }
        outbox.publish(EventCatalog.SETTING_CHANGED, providerId, setting.snapshot());
        audit.record("setting", setting.id, wasActive && !setting.active ? "CLOSED" : "CHANGED", actor, null,
                Map.of("providerId", providerId));
        if (wasActive && !setting.active) {
            vacancies.withdrawAllAt(setting, actor);
        }
        return setting;
    }

    private static boolean sameApartFromTime(SettingSnapshot a, SettingSnapshot b) {
        return a.equals(new SettingSnapshot(b.settingId(), b.providerId(), b.name(), b.kind(), b.ofstedUrn(),
                b.dfeNumber(), b.postcodeDistrict(), b.country(), b.registeredPlaces(), b.profile(), b.ownerGroup(),
                b.forProfit(), b.active(), a.changedAt()));
    }

    private void apply(Setting setting, Details details) {
        LocalDate today = LocalDate.now(clock.withZone(PlatformClock.UK));
        String ofstedUrn = blankToNull(details.ofstedUrn());
        String dfeNumber = blankToNull(details.dfeNumber());
        if (details.kind().isSchool() && dfeNumber == null) {
            throw ProblemException.badRequest("dfeNumber", "is needed for a school (its DfE number, such as 873/6001)");
        }
        if (!details.kind().isSchool() && details.kind() != Setting.Kind.OTHER && ofstedUrn == null) {
            throw ProblemException.badRequest("ofstedUrn",
                    "is needed for a " + details.kind().name().toLowerCase().replace('_', ' ')
                            + " (its Ofsted URN, such as SC484123)");
        }
        if (details.kind() == Setting.Kind.OTHER && ofstedUrn == null && dfeNumber == null) {
            throw ProblemException.badRequest("ofstedUrn", "or dfeNumber is needed: the setting's regulator reference");
        }
        PostcodeDistricts.District district = PostcodeDistricts.find(details.postcode())
                .orElseThrow(() -> ProblemException.badRequest("postcode",
                        "is not in a UK postcode district we know (" + details.postcode() + ")"));
        Profile profile = details.profile();
        if (profile.minAge() > profile.maxAge()) {
            throw ProblemException.badRequest("profile.maxAge", "must not be below profile.minAge");
        }
        if (profile.statementOfPurposeDate() != null && profile.statementOfPurposeDate().isAfter(today)) {
            throw ProblemException.badRequest("profile.statementOfPurposeDate", "must not be in the future");
        }
        if (ofstedUrn != null && Setting.count("ofstedUrn = ?1 and id <> ?2", ofstedUrn, setting.id) > 0) {
            throw ProblemException.conflict("A setting with Ofsted URN " + ofstedUrn + " is already registered.");
        }
        if (dfeNumber != null && Setting.count("dfeNumber = ?1 and id <> ?2", dfeNumber, setting.id) > 0) {
            throw ProblemException.conflict("A setting with DfE number " + dfeNumber + " is already registered.");
        }
        setting.name = details.name().strip();
        setting.kind = details.kind();
        setting.ofstedUrn = ofstedUrn;
        setting.dfeNumber = dfeNumber;
        setting.postcode = details.postcode().strip().toUpperCase();
        setting.postcodeDistrict = district.code();
        setting.country = district.country();
        setting.registeredPlaces = details.registeredPlaces();
        setting.minAge = profile.minAge();
        setting.maxAge = profile.maxAge();
        // kept in a fixed order, once each, so a repeated PUT is recognised as no change
        setting.sexes = new TreeSet<>(profile.sexes()).toArray(String[]::new);
        setting.needs = (profile.needs().isEmpty() ? EnumSet.noneOf(Need.class) : EnumSet.copyOf(profile.needs()))
                .stream().map(Enum::name).toArray(String[]::new);
        setting.emergencyAdmissions = profile.emergencyAdmissions();
        setting.soloPlacement = profile.soloPlacement();
        setting.statementOfPurposeDate = profile.statementOfPurposeDate();
        setting.ownerGroupName = details.ownerGroup() == null ? null : details.ownerGroup().name().strip();
        setting.ownerGroupNumber = details.ownerGroup() == null ? null
                : details.ownerGroup().companiesHouseNumber();
        setting.forProfit = details.forProfit();
        setting.active = details.active();
        setting.changedAt = clock.instant();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip().toUpperCase();
    }

    /** The provider's setting; 404 when the provider does not run it. */
    public Setting get(UUID providerId, UUID settingId) {
        providers.get(providerId);
        return Setting.<Setting>findByIdOptional(settingId).filter(s -> s.providerId.equals(providerId))
                .orElseThrow(() -> ProblemException.notFound("Setting", settingId));
    }

    public List<Setting> of(UUID providerId, PageRequest page) {
        providers.get(providerId);
        return Setting.<Setting>find("providerId", Sort.by("name").and("id"), providerId)
                .range(page.first(), page.last()).list();
    }

    /** The latest judgement of each of these settings that has one, by setting URN. */
    public Map<String, SettingJudgement> judgements(Collection<Setting> settings) {
        List<String> urns = settings.stream().map(s -> s.ofstedUrn).filter(Objects::nonNull).distinct().toList();
        if (urns.isEmpty()) {
            return Map.of();
        }
        return SettingJudgement.<SettingJudgement>list("settingUrn in ?1", urns).stream()
                .collect(Collectors.toMap(j -> j.settingUrn, Function.identity()));
    }

    public Optional<SettingJudgement> judgement(Setting setting) {
        return Optional.ofNullable(setting.ofstedUrn).flatMap(urn -> SettingJudgement.<SettingJudgement>findByIdOptional(urn));
    }
}
