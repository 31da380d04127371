package uk.gov.dps.placement.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import uk.gov.dps.runtime.PostcodeDistricts;
import uk.gov.dps.runtime.PostcodeDistricts.PlacementDistance;

/**
 * How well an invited provider's settings fit a referral: for its best-fitting active setting, whether the Statement
 * of Purpose profile and the open vacancies meet the child's age band, sex and needs, how far the setting is from the
 * child's home district, and whether the setting may be awarded at all. Every eligible member is still invited: the
 * fit only orders and explains, so a provider reads first what it can take and the officer sees who is likely to
 * answer. Distance ranks (nearest first) but does not decide the fit: a home over 20 miles away may still be right.
 */
public final class Fit {

    /** In rank order: the inbox and the officer's list show MEETS first. */
    public enum Level {
        MEETS, PARTLY_MEETS, NO_SETTINGS_KNOWN
    }

    public enum Criterion {
        AGE, SEX, NEEDS, DISTANCE, VACANCY, QUALITY
    }

    /** One criterion of the best setting, met or not, in words a provider and an officer can act on. */
    public record Reason(Criterion criterion, boolean met, String text) {
    }

    /** What the referral says of the child (the minimum: age band, sex, needs, home district) and of the need. */
    public record Child(String ageBand, String sex, Set<String> needs, String homeDistrict, boolean emergency,
            LocalDate wantedStart, String councilOnsCode) {
    }

    /** One active setting with its profile and its own latest judgement (null when none is known). */
    public record Home(UUID settingId, UUID providerId, String name, String district, int minAge, int maxAge,
            Set<String> sexes, Set<String> needs, boolean emergencyAdmissions, String latestJudgement,
            LocalDate judgedOn) {
    }

    /** One open vacancy; ages and needs null mean "as the setting's profile". */
    public record Vacancy(UUID settingId, int places, LocalDate availableFrom, Integer minAge, Integer maxAge,
            Set<String> needs, boolean emergency, Instant confirmedAt) {
    }

    /** The fit of the best setting (none when the provider has registered no open setting), with its reasons. */
    public record Assessment(Level level, UUID settingId, String settingName, PlacementDistance distance,
            List<Reason> reasons) {
    }

    /** A vacancy not confirmed for this long is stale: it may well be filled. */
    public static final Duration STALE_AFTER = Duration.ofDays(7);

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    private Fit() {
    }

    public static Assessment noSettings() {
        return new Assessment(Level.NO_SETTINGS_KNOWN, null, null, null, List.of(new Reason(Criterion.VACANCY, false,
                "No open setting registered: the fit cannot be assessed")));
    }

    /** The best of the provider's settings: fewest criteria not met, then nearest, then by name. */
    public static Assessment assess(Child child, List<Home> homes, Map<UUID, List<Vacancy>> vacancies, Instant now) {
        if (homes.isEmpty()) {
            return noSettings();
        }
        Assessment best = null;
        long bestUnmet = Long.MAX_VALUE;
        for (Home home : homes.stream().sorted(Comparator.comparing(Home::name).thenComparing(Home::settingId))
                .toList()) {
            Assessment candidate = assess(child, home, vacancies.getOrDefault(home.settingId(), List.of()), now);
            long unmet = candidate.reasons().stream().filter(r -> !r.met()).count();
            if (best == null || unmet < bestUnmet || unmet == bestUnmet && miles(candidate) < miles(best)) {
                best = candidate;
                bestUnmet = unmet;
            }
        }
        return best;
    }

    private static double miles(Assessment assessment) {
        return assessment.distance() == null ? Double.MAX_VALUE : assessment.distance().miles();
    }

    static Assessment assess(Child child, Home home, List<Vacancy> vacancies, Instant now) {
        List<Reason> reasons = new ArrayList<>();
        reasons.add(age(child, home));
        reasons.add(sex(child, home));
        reasons.add(needs(child, home));
        PlacementDistance distance = PostcodeDistricts.placementDistance(child.homeDistrict(), home.district(),
                child.councilOnsCode()).orElse(null);
        reasons.add(distance(child, home, distance));
        reasons.add(vacancy(child, home, vacancies, now));
        reasons.add(quality(home));
        Level level = reasons.stream().allMatch(Reason::met) ? Level.MEETS : Level.PARTLY_MEETS;
        return new Assessment(level, home.settingId(), home.name(), distance, List.copyOf(reasons));
    }

    /** The referral's age band as a range of years, e.g. "11-15" as 11 to 15. */
    static int[] band(String ageBand) {
        String[] ends = ageBand.split("-");
        return new int[] {Integer.parseInt(ends[0].strip()), Integer.parseInt(ends[1].strip())};
    }

    private static Reason age(Child child, Home home) {
        int[] band = band(child.ageBand());
        boolean met = home.minAge() <= band[0] && band[1] <= home.maxAge();
        return new Reason(Criterion.AGE, met, met
                ? "Registered for ages " + home.minAge() + "-" + home.maxAge() + ": takes the child's age band "
                        + child.ageBand()
                : "Registered for ages " + home.minAge() + "-" + home.maxAge() + " only: the child's age band is "
                        + child.ageBand());
    }

    private static Reason sex(Child child, Home home) {
        String sex = child.sex();
        if (sex == null || "NOT_SAID".equals(sex)) {
            boolean both = home.sexes().containsAll(Set.of("FEMALE", "MALE"));
            return new Reason(Criterion.SEX, both, both ? "Takes girls and boys (the child's sex is not said)"
                    : "Takes " + sexes(home) + " only, and the child's sex is not said");
        }
        boolean met = home.sexes().contains(sex);
        return new Reason(Criterion.SEX, met, met ? "Takes " + sexes(home) : "Takes " + sexes(home)
                + " only: the child is " + ("FEMALE".equals(sex) ? "a girl" : "a boy"));
    }

    private static String sexes(Home home) {
        boolean girls = home.sexes().contains("FEMALE");
        boolean boys = home.sexes().contains("MALE");
        return girls && boys ? "girls and boys" : girls ? "girls" : boys ? "boys" : "no one (no sex in the profile)";
    }

    private static Reason needs(Child child, Home home) {
        Set<String> missing = new TreeSet<>(child.needs());
        missing.removeAll(home.needs());
        if (child.needs().isEmpty()) {
            return new Reason(Criterion.NEEDS, true, "The referral lists no needs");
        }
        return new Reason(Criterion.NEEDS, missing.isEmpty(), missing.isEmpty()
                ? "Statement of Purpose meets all " + child.needs().size() + " of the child's needs"
                : "Not in the Statement of Purpose: " + String.join(", ", missing));
    }

    private static Reason distance(Child child, Home home, PlacementDistance distance) {
        if (distance == null) {
            return new Reason(Criterion.DISTANCE, true, "Distance unknown: postcode district " + home.district()
                    + " or " + child.homeDistrict() + " is not a known district");
        }
        return new Reason(Criterion.DISTANCE, true, String.format(java.util.Locale.ROOT,
                "%.1f miles from the child's home district %s (%s), %s the council's area", distance.miles(),
                child.homeDistrict(), distance.band() == PostcodeDistricts.DistanceBand.TWENTY_MILES_OR_LESS
                        ? "20 miles or less" : "over 20 miles", distance.insideArea() ? "inside" : "outside"));
    }

    private static Reason vacancy(Child child, Home home, List<Vacancy> vacancies, Instant now) {
        if (child.emergency() && !home.emergencyAdmissions()) {
            return new Reason(Criterion.VACANCY, false, "Emergency referral: " + home.name()
                    + " does not take emergency admissions");
        }
        if (vacancies.isEmpty()) {
            return new Reason(Criterion.VACANCY, false, "No open vacancy at " + home.name());
        }
        List<String> bestProblems = null;
        Vacancy best = null;
        for (Vacancy vacancy : vacancies.stream().sorted(Comparator.comparing(Vacancy::availableFrom)).toList()) {
            List<String> problems = problems(child, vacancy, now);
            if (bestProblems == null || problems.size() < bestProblems.size()) {
                bestProblems = problems;
                best = vacancy;
            }
        }
        if (bestProblems.isEmpty()) {
            return new Reason(Criterion.VACANCY, true, "Open " + (best.emergency() ? "emergency " : "") + "vacancy ("
                    + best.places() + (best.places() == 1 ? " place" : " places") + ") from " + best.availableFrom()
                    + ", confirmed " + day(best.confirmedAt()));
        }
        return new Reason(Criterion.VACANCY, false, "The open vacancy from " + best.availableFrom() + ": "
                + String.join("; ", bestProblems));
    }

    private static List<String> problems(Child child, Vacancy vacancy, Instant now) {
        List<String> problems = new ArrayList<>();
        if (vacancy.confirmedAt().isBefore(now.minus(STALE_AFTER))) {
            problems.add("stale, last confirmed " + day(vacancy.confirmedAt()) + " (over 7 days ago)");
        }
        if (child.wantedStart() != null && vacancy.availableFrom().isAfter(child.wantedStart())) {
            problems.add("available only after the wanted start " + child.wantedStart());
        }
        if (child.emergency() && !vacancy.emergency()) {
            problems.add("not for emergency admissions, and this is an emergency referral");
        }
        int[] band = band(child.ageBand());
        if (vacancy.minAge() != null && vacancy.minAge() > band[0]
                || vacancy.maxAge() != null && vacancy.maxAge() < band[1]) {
            problems.add("for ages " + (vacancy.minAge() == null ? "" : vacancy.minAge()) + "-"
                    + (vacancy.maxAge() == null ? "" : vacancy.maxAge()) + " only (the child's band is "
                    + child.ageBand() + ")");
        }
        if (vacancy.needs() != null && !vacancy.needs().containsAll(child.needs())) {
            Set<String> missing = new TreeSet<>(child.needs());
            missing.removeAll(vacancy.needs());
            problems.add("not for " + String.join(", ", missing));
        }
        return problems;
    }

    private static Reason quality(Home home) {
        if (home.latestJudgement() == null) {
            return new Reason(Criterion.QUALITY, true, "No judgement recorded for " + home.name() + " yet");
        }
        boolean inadequate = "INADEQUATE".equals(home.latestJudgement());
        return new Reason(Criterion.QUALITY, !inadequate, "Latest judgement of " + home.name() + ": "
                + home.latestJudgement() + (home.judgedOn() == null ? "" : " (" + home.judgedOn() + ")")
                + (inadequate ? ": it cannot be awarded" : ""));
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ENGLAND);
    }
}
