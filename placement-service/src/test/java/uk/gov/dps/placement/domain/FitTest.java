package uk.gov.dps.placement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import uk.gov.dps.placement.domain.Fit.Criterion;
import uk.gov.dps.runtime.PostcodeDistricts.DistanceBand;

/**
 * The fit of a provider's settings for a referral, criterion by criterion, with known postcodes: the child lives in
 * PE29 (Huntingdon, Cambridgeshire); homes in PE1 (Peterborough: under 20 miles, outside Cambridgeshire's area),
 * PE13 (Wisbech: inside, over 20 miles) and NR1 (Norwich: outside, over 20 miles).
 */
class FitTest {

    private static final String CAMBRIDGESHIRE = "E10000003";
    private static final Instant NOW = Instant.parse("2018-10-22T09:00:00Z");
    private static final LocalDate WANTED = LocalDate.of(2018, 11, 5);
    private static final Fit.Child GIRL_OF_13 = new Fit.Child("11-15", "FEMALE",
            Set.of("EMOTIONAL_BEHAVIOURAL", "MISSING_EPISODES"), "PE29", false, WANTED, CAMBRIDGESHIRE);

    @Test
    void aHomeForAgesEightToTwelveOnlyPartlyMeetsABandOfElevenToFifteenAndSaysBothRanges() {
        Fit.Home home = home("Fenland House", "PE13", 8, 12);
        Fit.Assessment fit = Fit.assess(GIRL_OF_13, List.of(home), Map.of(home.settingId(), List.of(fresh(home))), NOW);

        assertThat(fit.level()).isEqualTo(Fit.Level.PARTLY_MEETS);
        assertThat(reason(fit, Criterion.AGE)).isEqualTo(new Fit.Reason(Criterion.AGE, false,
                "Registered for ages 8-12 only: the child's age band is 11-15"));
        assertThat(unmet(fit)).containsExactly(Criterion.AGE);
    }

    @Test
    void distancesAreInTheDfesBandsAndTheCouncilsArea() {
        Fit.Home peterborough = home("Lincoln Road", "PE1", 11, 17);
        Fit.Home wisbech = home("Fenland House", "PE13", 11, 17);
        Fit.Home norwich = home("Riverside", "NR1", 11, 17);

        Fit.Assessment near = Fit.assess(GIRL_OF_13, List.of(peterborough), vacancies(peterborough), NOW);
        assertThat(near.level()).isEqualTo(Fit.Level.MEETS);
        assertThat(near.distance().band()).isEqualTo(DistanceBand.TWENTY_MILES_OR_LESS);
        assertThat(near.distance().insideArea()).isFalse();
        assertThat(near.distance().miles()).isBetween(15.0, 20.0);
        assertThat(reason(near, Criterion.DISTANCE).text()).matches(
                "1\\d\\.\\d miles from the child's home district PE29 \\(20 miles or less\\), outside the council's area");

        Fit.Assessment inside = Fit.assess(GIRL_OF_13, List.of(wisbech), vacancies(wisbech), NOW);
        assertThat(inside.distance().band()).isEqualTo(DistanceBand.OVER_TWENTY_MILES);
        assertThat(inside.distance().insideArea()).isTrue();
        // distance orders, it does not decide the fit
        assertThat(inside.level()).isEqualTo(Fit.Level.MEETS);

        Fit.Assessment far = Fit.assess(GIRL_OF_13, List.of(norwich), vacancies(norwich), NOW);
        assertThat(far.distance().band()).isEqualTo(DistanceBand.OVER_TWENTY_MILES);
        assertThat(far.distance().insideArea()).isFalse();
        assertThat(far.distance().miles()).isGreaterThan(50);

        // of equally fitting homes, the nearest is the one assessed
        Map<UUID, List<Fit.Vacancy>> all = new java.util.HashMap<>();
        all.putAll(vacancies(peterborough));
        all.putAll(vacancies(wisbech));
        all.putAll(vacancies(norwich));
        assertThat(Fit.assess(GIRL_OF_13, List.of(norwich, wisbech, peterborough), all, NOW).settingName())
                .isEqualTo("Lincoln Road");
    }

    @Test
    void sexAndNeedsNotInTheProfileAreNamed() {
        Fit.Home boysOnly = new Fit.Home(UUID.randomUUID(), UUID.randomUUID(), "Oak Lodge", "PE1", 11, 17,
                Set.of("MALE"), Set.of("EMOTIONAL_BEHAVIOURAL"), false, null, null);
        Fit.Assessment fit = Fit.assess(GIRL_OF_13, List.of(boysOnly), vacancies(boysOnly), NOW);

        assertThat(fit.level()).isEqualTo(Fit.Level.PARTLY_MEETS);
        assertThat(unmet(fit)).containsExactlyInAnyOrder(Criterion.SEX, Criterion.NEEDS);
        assertThat(reason(fit, Criterion.SEX).text()).isEqualTo("Takes boys only: the child is a girl");
        assertThat(reason(fit, Criterion.NEEDS).text()).isEqualTo("Not in the Statement of Purpose: MISSING_EPISODES");
        // a child whose sex is not said fits a home for both
        Fit.Child notSaid = new Fit.Child("11-15", "NOT_SAID", Set.of(), "PE29", false, WANTED, CAMBRIDGESHIRE);
        Fit.Home both = home("Lincoln Road", "PE1", 11, 17);
        assertThat(Fit.assess(notSaid, List.of(both), vacancies(both), NOW).level()).isEqualTo(Fit.Level.MEETS);
    }

    @Test
    void aVacancyMustBeOpenConfirmedWithinSevenDaysAndAvailableByTheWantedStart() {
        Fit.Home home = home("Lincoln Road", "PE1", 11, 17);
        assertThat(reason(Fit.assess(GIRL_OF_13, List.of(home), Map.of(), NOW), Criterion.VACANCY))
                .isEqualTo(new Fit.Reason(Criterion.VACANCY, false, "No open vacancy at Lincoln Road"));

        Fit.Vacancy stale = new Fit.Vacancy(home.settingId(), 1, LocalDate.of(2018, 10, 1), null, null, null, false,
                NOW.minus(Duration.ofDays(8)));
        Fit.Reason staleReason = reason(Fit.assess(GIRL_OF_13, List.of(home), Map.of(home.settingId(),
                List.of(stale)), NOW), Criterion.VACANCY);
        assertThat(staleReason.met()).isFalse();
        assertThat(staleReason.text()).contains("stale, last confirmed 2018-10-14 (over 7 days ago)");

        Fit.Vacancy late = new Fit.Vacancy(home.settingId(), 1, LocalDate.of(2018, 12, 1), null, null, null, false,
                NOW.minus(Duration.ofDays(1)));
        assertThat(reason(Fit.assess(GIRL_OF_13, List.of(home), Map.of(home.settingId(), List.of(late)), NOW),
                Criterion.VACANCY).text()).contains("available only after the wanted start 2018-11-05");

        // of a stale and a fresh one, the fresh one counts
        Fit.Assessment fit = Fit.assess(GIRL_OF_13, List.of(home), Map.of(home.settingId(),
                List.of(stale, fresh(home))), NOW);
        assertThat(fit.level()).isEqualTo(Fit.Level.MEETS);
        assertThat(reason(fit, Criterion.VACANCY).text()).isEqualTo(
                "Open vacancy (1 place) from 2018-10-29, confirmed 2018-10-21");
    }

    @Test
    void anEmergencyNeedsAnEmergencyVacancyAtAHomeTakingEmergencyAdmissions() {
        Fit.Child emergency = new Fit.Child("11-15", "FEMALE", Set.of("EMOTIONAL_BEHAVIOURAL"), "PE29", true, WANTED,
                CAMBRIDGESHIRE);
        Fit.Home planned = new Fit.Home(UUID.randomUUID(), UUID.randomUUID(), "Planned Only", "PE1", 11, 17,
                Set.of("FEMALE", "MALE"), Set.of("EMOTIONAL_BEHAVIOURAL"), false, null, null);
        assertThat(reason(Fit.assess(emergency, List.of(planned), vacancies(planned), NOW), Criterion.VACANCY).text())
                .isEqualTo("Emergency referral: Planned Only does not take emergency admissions");

        Fit.Home home = home("Lincoln Road", "PE1", 11, 17);
        Fit.Reason notEmergency = reason(Fit.assess(emergency, List.of(home), vacancies(home), NOW), Criterion.VACANCY);
        assertThat(notEmergency.met()).isFalse();
        assertThat(notEmergency.text()).contains("not for emergency admissions");

        Fit.Vacancy bed = new Fit.Vacancy(home.settingId(), 1, LocalDate.of(2018, 10, 22), null, null, null, true,
                NOW.minus(Duration.ofHours(2)));
        assertThat(Fit.assess(emergency, List.of(home), Map.of(home.settingId(), List.of(bed)), NOW).level())
                .isEqualTo(Fit.Level.MEETS);
    }

    @Test
    void anInadequateSettingIsNamedAndAProviderWithoutSettingsIsNotGuessedAt() {
        Fit.Home inadequate = new Fit.Home(UUID.randomUUID(), UUID.randomUUID(), "Marsh House", "PE1", 11, 17,
                Set.of("FEMALE", "MALE"), Set.of("EMOTIONAL_BEHAVIOURAL", "MISSING_EPISODES"), true, "INADEQUATE",
                LocalDate.of(2018, 9, 3));
        Fit.Assessment fit = Fit.assess(GIRL_OF_13, List.of(inadequate), vacancies(inadequate), NOW);
        assertThat(fit.level()).isEqualTo(Fit.Level.PARTLY_MEETS);
        assertThat(reason(fit, Criterion.QUALITY)).isEqualTo(new Fit.Reason(Criterion.QUALITY, false,
                "Latest judgement of Marsh House: INADEQUATE (2018-09-03): it cannot be awarded"));

        Fit.Assessment none = Fit.assess(GIRL_OF_13, List.of(), Map.of(), NOW);
        assertThat(none.level()).isEqualTo(Fit.Level.NO_SETTINGS_KNOWN);
        assertThat(none.settingId()).isNull();
    }

    private static Fit.Home home(String name, String district, int minAge, int maxAge) {
        return new Fit.Home(UUID.randomUUID(), UUID.randomUUID(), name, district, minAge, maxAge,
                Set.of("FEMALE", "MALE"), Set.of("EMOTIONAL_BEHAVIOURAL", "MISSING_EPISODES", "AUTISM"), true, "GOOD",
                LocalDate.of(2018, 3, 1));
    }

    private static Fit.Vacancy fresh(Fit.Home home) {
        return new Fit.Vacancy(home.settingId(), 1, LocalDate.of(2018, 10, 29), null, null, null, false,
                NOW.minus(Duration.ofDays(1)));
    }

    private static Map<UUID, List<Fit.Vacancy>> vacancies(Fit.Home home) {
        return Map.of(home.settingId(), List.of(fresh(home)));
    }

    private static Fit.Reason reason(Fit.Assessment fit, Criterion criterion) {
        return fit.reasons().stream().filter(r -> r.criterion() == criterion).findFirst().orElseThrow();
    }

    private static List<Criterion> unmet(Fit.Assessment fit) {
        return fit.reasons().stream().filter(r -> !r.met()).map(Fit.Reason::criterion).toList();
    }
}
