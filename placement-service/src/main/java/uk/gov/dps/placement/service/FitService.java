package uk.gov.dps.placement.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hibernate.jpa.HibernateHints;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import uk.gov.dps.placement.domain.Fit;
import uk.gov.dps.placement.domain.Projections.SettingView;
import uk.gov.dps.placement.domain.Projections.VacancyView;
import uk.gov.dps.placement.domain.Referral;
import uk.gov.dps.placement.domain.SettingQuality;
import uk.gov.dps.runtime.PartnerCouncils;
import uk.gov.dps.runtime.PostcodeDistricts;
import uk.gov.dps.runtime.PostcodeDistricts.PlacementDistance;

/**
 * Assesses a call-off's invitations against the invitees' settings and vacancies set-wise: three queries for the whole
 * lot (settings, open vacancies, the settings' own judgements), whatever the number of members, then plain Java
 * ({@link Fit}). Also where a setting is from the child's home, for offers and placements.
 */
@ApplicationScoped
public class FitService {

    @Inject
    EntityManager em;

    @Inject
    PartnerCouncils councils;

    @Inject
    Clock clock;

    /** Nanoseconds the last assessment on this thread took: the call-off reports it in its Server-Timing header. */
    private static final ThreadLocal<Long> LAST_NANOS = new ThreadLocal<>();

    /**
     * The fit of each of {@code providers} (members of the referral's lot) for the referral, now. Reads the settings and
     * vacancies of the lot's members (a superset of those invited) read-only, so that nothing but the invitations is
     * written.
     */
    public Map<UUID, Fit.Assessment> assess(Referral referral, Collection<UUID> providers) {
        long start = System.nanoTime();
        Instant now = clock.instant();
        List<SettingView> settings = em.createQuery("""
                select s from Projections$SettingView s where s.active = true
                and s.providerId in (select m.providerId from Projections$LotMember m where m.lotId = :lot)""", SettingView.class)
                .setParameter("lot", referral.lotId).setHint(HibernateHints.HINT_READ_ONLY, true).getResultList();
        Map<UUID, List<Fit.Vacancy>> vacancies = em.createQuery("""
                select v from Projections$VacancyView v where v.status = 'OPEN' and v.places > 0
                and v.providerId in (select m.providerId from Projections$LotMember m where m.lotId = :lot)""", VacancyView.class)
                .setParameter("lot", referral.lotId).setHint(HibernateHints.HINT_READ_ONLY, true).getResultStream()
                .map(v -> new Fit.Vacancy(v.settingId, v.places, v.availableFrom, v.minAge, v.maxAge,
                        v.needs == null ? null : Set.of(v.needs), v.emergency, v.confirmedAt))
                .collect(Collectors.groupingBy(Fit.Vacancy::settingId));
        Map<String, SettingQuality> judgements = em.createQuery("""
                select q from SettingQuality q where q.ofstedUrn in (select s.ofstedUrn from Projections$SettingView s
                where s.active = true and s.providerId in (select m.providerId from Projections$LotMember m where m.lotId = :lot))""",
                SettingQuality.class).setParameter("lot", referral.lotId)
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultStream()
                .collect(Collectors.toMap(q -> q.ofstedUrn, q -> q));
        Map<UUID, List<Fit.Home>> homes = settings.stream().map(s -> home(s, judgements.get(s.ofstedUrn)))
                .collect(Collectors.groupingBy(Fit.Home::providerId));
        Fit.Child child = child(referral);
        Map<UUID, Fit.Assessment> assessments = new HashMap<>();
        for (UUID provider : providers) {
            assessments.put(provider, Fit.assess(child, homes.getOrDefault(provider, List.of()), vacancies, now));
        }
        LAST_NANOS.set(System.nanoTime() - start);
        return assessments;
    }

    /** How long the last assessment on this thread took, in milliseconds (0 when none). */
    public static double lastAssessmentMillis() {
        Long nanos = LAST_NANOS.get();
        LAST_NANOS.remove();
        return nanos == null ? 0 : nanos / 1e6;
    }

    Fit.Child child(Referral referral) {
        return new Fit.Child(referral.ageBand, referral.sex, Set.of(referral.needs), referral.postcodeDistrict,
                referral.emergency, referral.wantedStart, onsCode(referral.council));
    }

    private static Fit.Home home(SettingView s, SettingQuality quality) {
        return new Fit.Home(s.settingId, s.providerId, s.name, s.postcodeDistrict, s.minAge, s.maxAge, Set.of(s.sexes),
                Set.of(s.needs), s.emergencyAdmissions, quality == null ? null : quality.latestJudgement,
                quality == null ? null : quality.judgedOn);
    }

    /** The placing council's ONS code (null for a council not configured, whose area is then never "inside"). */
    String onsCode(String council) {
        PartnerCouncils.Council partner = councils.all().get(council);
        return partner == null ? "" : partner.onsCode();
    }

    /** How far {@code setting} is from the referral's child's home district, in the DfE's terms, if both are known. */
    public Optional<PlacementDistance> distance(Referral referral, SettingView setting) {
        if (setting == null) {
            return Optional.empty();
        }
        return PostcodeDistricts.placementDistance(referral.postcodeDistrict, setting.postcodeDistrict,
                onsCode(referral.council));
    }

    /** The settings of these ids (nulls ignored), in one query; a map that answers null for a null key. */
    public Map<UUID, SettingView> settings(Collection<UUID> ids) {
        Set<UUID> wanted = ids.stream().filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        Map<UUID, SettingView> settings = new HashMap<>();
        if (!wanted.isEmpty()) {
            SettingView.<SettingView>list("settingId in ?1", wanted).forEach(s -> settings.put(s.settingId, s));
        }
        return settings;
    }

    /** A setting's own latest judgement, if the regulator's judgement of it is known. */
    public Optional<SettingQuality> settingJudgement(SettingView setting) {
        return setting == null || setting.ofstedUrn == null ? Optional.empty()
                : Optional.ofNullable(SettingQuality.findById(setting.ofstedUrn));
    }
}
