package uk.gov.dps.monitoring.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How a provider's red/amber/green risk rating follows from what the partner councils have recorded. The
 * rating is the worst level any rule reaches, and every rule that fires gives a reason, so a rating is never
 * unexplained:
 * <ul>
 * <li><b>Judgements</b> (the latest per registered setting): Inadequate → red; Requires improvement to be
 * good → amber.</li>
 * <li><b>Open concerns</b>: any serious → red; two or more high → red, one high → amber; two or more medium →
 * amber; low concerns are recorded but do not change the rating.</li>
 * <li><b>Improvement plans</b> not completed by their due date → amber; still not completed more than
 * {@value #DAYS_OVERDUE_BEFORE_RED} days after it → red.</li>
 * <li><b>KPIs</b> (the latest quarterly return): each breach of the {@link KpiThresholds} → amber.</li>
 * </ul>
 */
public final class RiskRules {

    public static final int DAYS_OVERDUE_BEFORE_RED = 28;
    public static final String NO_RISK_FACTORS = "No risk factors: no judgement below Good, no open concern above "
            + "low severity, no overdue improvement plan and the latest KPI return (if any) within thresholds";

    /** The latest judgement of one registered setting. */
    public record CurrentJudgement(String settingUrn, Inspection.Regulator regulator, Inspection.Judgement judgement,
            LocalDate inspectedOn) {
    }

    public record OpenConcerns(int low, int medium, int high, int serious) {
        public static final OpenConcerns NONE = new OpenConcerns(0, 0, 0, 0);
    }

    public record ActivePlan(String summary, LocalDate dueOn) {
    }

    /** What is known about a provider at the moment of assessment. */
    public record Facts(List<CurrentJudgement> judgements, OpenConcerns openConcerns, List<ActivePlan> activePlans,
            Optional<KpiFigures> latestKpiReturn) {

        public static final Facts NONE = new Facts(List.of(), OpenConcerns.NONE, List.of(), Optional.empty());
    }

    /** The rating and, worst first, every reason for it. */
    public record Assessment(RiskRating rating, List<String> reasons) {
    }

    private record Reason(RiskRating level, String text) {
    }

    private final KpiThresholds kpiThresholds;

    public RiskRules(KpiThresholds kpiThresholds) {
        this.kpiThresholds = kpiThresholds;
    }

    public Assessment assess(Facts facts, LocalDate today) {
        List<Reason> reasons = new ArrayList<>();
        judgements(facts.judgements(), reasons);
        concerns(facts.openConcerns(), reasons);
        plans(facts.activePlans(), today, reasons);
        facts.latestKpiReturn().ifPresent(kpi -> kpiThresholds.breaches(kpi)
                .forEach(text -> reasons.add(new Reason(RiskRating.AMBER, text))));
        if (reasons.isEmpty()) {
            return new Assessment(RiskRating.GREEN, List.of(NO_RISK_FACTORS));
        }
        RiskRating rating = reasons.stream().map(Reason::level).reduce(RiskRating.GREEN, RiskRating::worse);
        // worst first; within a level, in the order the rules are listed above
        List<String> texts = reasons.stream().sorted(Comparator.comparing(Reason::level).reversed())
                .map(Reason::text).toList();
        return new Assessment(rating, texts);
    }

    private static void judgements(List<CurrentJudgement> judgements, List<Reason> reasons) {
        judgements.stream().sorted(Comparator.comparing(CurrentJudgement::settingUrn)).forEach(j -> {
            RiskRating level = switch (j.judgement()) {
                case INADEQUATE -> RiskRating.RED;
                case REQUIRES_IMPROVEMENT_TO_BE_GOOD -> RiskRating.AMBER;
                case GOOD, OUTSTANDING -> RiskRating.GREEN;
            };
            if (level != RiskRating.GREEN) {
                reasons.add(new Reason(level, "Latest %s judgement for setting %s is %s (inspected %s)".formatted(
                        j.regulator().label(), j.settingUrn(), j.judgement().label(), j.inspectedOn())));
            }
        });
    }

    private static void concerns(OpenConcerns open, List<Reason> reasons) {
        if (open.serious() > 0) {
            reasons.add(new Reason(RiskRating.RED, count(open.serious(), "serious concern") + " open"));
        }
        if (open.high() >= 2) {
            reasons.add(new Reason(RiskRating.RED, count(open.high(), "high-severity concern") + " open"));
        } else if (open.high() == 1) {
            reasons.add(new Reason(RiskRating.AMBER, "1 high-severity concern open"));
        }
        if (open.medium() >= 2) {
            reasons.add(new Reason(RiskRating.AMBER, count(open.medium(), "medium-severity concern") + " open"));
        }
    }

    private static void plans(List<ActivePlan> plans, LocalDate today, List<Reason> reasons) {
        plans.stream().filter(p -> today.isAfter(p.dueOn())).sorted(Comparator.comparing(ActivePlan::dueOn))
                .forEach(p -> {
                    long days = ChronoUnit.DAYS.between(p.dueOn(), today);
                    RiskRating level = days > DAYS_OVERDUE_BEFORE_RED ? RiskRating.RED : RiskRating.AMBER;
                    reasons.add(new Reason(level, "Improvement plan \"%s\" was due %s and is %s overdue".formatted(
                            p.summary(), p.dueOn(), count(days, "day"))));
                });
    }

    private static String count(long n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }
}
