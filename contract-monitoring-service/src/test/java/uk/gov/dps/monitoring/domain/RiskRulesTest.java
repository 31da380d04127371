package uk.gov.dps.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import uk.gov.dps.monitoring.domain.Inspection.Judgement;
import uk.gov.dps.monitoring.domain.Inspection.Regulator;
import uk.gov.dps.monitoring.domain.RiskRules.ActivePlan;
import uk.gov.dps.monitoring.domain.RiskRules.Assessment;
import uk.gov.dps.monitoring.domain.RiskRules.CurrentJudgement;
import uk.gov.dps.monitoring.domain.RiskRules.Facts;
import uk.gov.dps.monitoring.domain.RiskRules.OpenConcerns;

class RiskRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2018, 12, 20);
    private static final RiskRules RULES = new RiskRules(KpiThresholds.DEFAULT);

    private static Assessment assess(Facts facts) {
        return RULES.assess(facts, TODAY);
    }

    private static Facts judgements(CurrentJudgement... judgements) {
        return new Facts(List.of(judgements), OpenConcerns.NONE, List.of(), Optional.empty());
    }

    private static Facts concerns(int low, int medium, int high, int serious) {
        return new Facts(List.of(), new OpenConcerns(low, medium, high, serious), List.of(), Optional.empty());
    }

    private static Facts plans(ActivePlan... plans) {
        return new Facts(List.of(), OpenConcerns.NONE, List.of(plans), Optional.empty());
    }

    private static CurrentJudgement ofsted(String setting, Judgement judgement) {
        return new CurrentJudgement(setting, Regulator.OFSTED, judgement, LocalDate.of(2018, 12, 3));
    }

    private static KpiFigures kpiWithinThresholds() {
        return new KpiFigures("2018-Q2", new BigDecimal("92.50"), new BigDecimal("8.00"), 4, 1, new BigDecimal("96.00"),
                0);
    }

    @Test
    void nothingRecordedIsGreenAndSaysWhy() {
        assertThat(assess(Facts.NONE)).isEqualTo(new Assessment(RiskRating.GREEN, List.of(RiskRules.NO_RISK_FACTORS)));
    }

    @Nested
    class Judgements {

        @Test
        void inadequateIsRedNamingTheRegulatorSettingAndDate() {
            assertThat(assess(judgements(ofsted("SC123456", Judgement.INADEQUATE)))).isEqualTo(new Assessment(
                    RiskRating.RED,
                    List.of("Latest Ofsted judgement for setting SC123456 is Inadequate (inspected 2018-12-03)")));
        }

        @Test
        void requiresImprovementIsAmber() {
            Assessment assessment = assess(judgements(
                    new CurrentJudgement("1-101", Regulator.CQC, Judgement.REQUIRES_IMPROVEMENT_TO_BE_GOOD,
                            LocalDate.of(2018, 6, 1))));
            assertThat(assessment.rating()).isEqualTo(RiskRating.AMBER);
            assertThat(assessment.reasons()).containsExactly(
                    "Latest CQC judgement for setting 1-101 is Requires improvement to be good (inspected 2018-06-01)");
        }

        @Test
        void goodAndOutstandingAreNoRisk() {
            assertThat(assess(judgements(ofsted("SC1", Judgement.GOOD), ofsted("SC2", Judgement.OUTSTANDING))).rating())
                    .isEqualTo(RiskRating.GREEN);
        }

        @Test
        void oneInadequateSettingMakesTheWholeProviderRed() {
            Assessment assessment = assess(judgements(ofsted("SC1", Judgement.OUTSTANDING),
                    ofsted("SC3", Judgement.REQUIRES_IMPROVEMENT_TO_BE_GOOD), ofsted("SC2", Judgement.INADEQUATE)));
            assertThat(assessment.rating()).isEqualTo(RiskRating.RED);
            // worst first, every reason kept
            assertThat(assessment.reasons()).hasSize(2);
            assertThat(assessment.reasons().get(0)).contains("SC2 is Inadequate");
            assertThat(assessment.reasons().get(1)).contains("SC3 is Requires improvement");
        }
    }

    @Nested
    class Concerns {

        @Test
        void lowConcernsDoNotChangeTheRating() {
            assertThat(assess(concerns(5, 0, 0, 0)).rating()).isEqualTo(RiskRating.GREEN);
        }

        @Test
        void oneMediumConcernIsNotEnoughButTwoAreAmber() {
            assertThat(assess(concerns(0, 1, 0, 0)).rating()).isEqualTo(RiskRating.GREEN);
            assertThat(assess(concerns(0, 2, 0, 0))).isEqualTo(
                    new Assessment(RiskRating.AMBER, List.of("2 medium-severity concerns open")));
        }

        @Test
        void oneHighConcernIsAmberAndTwoAreRed() {
            assertThat(assess(concerns(0, 0, 1, 0))).isEqualTo(
                    new Assessment(RiskRating.AMBER, List.of("1 high-severity concern open")));
            assertThat(assess(concerns(0, 0, 2, 0))).isEqualTo(
                    new Assessment(RiskRating.RED, List.of("2 high-severity concerns open")));
        }

        @Test
        void anySeriousConcernIsRed() {
            assertThat(assess(concerns(0, 0, 0, 1))).isEqualTo(
                    new Assessment(RiskRating.RED, List.of("1 serious concern open")));
            assertThat(assess(concerns(0, 3, 1, 2)).reasons()).containsExactly("2 serious concerns open",
                    "1 high-severity concern open", "3 medium-severity concerns open");
        }
    }

    @Nested
    class ImprovementPlans {

        @Test
        void aPlanDueTodayOrLaterIsNoRisk() {
            assertThat(assess(plans(new ActivePlan("Safer recruitment", TODAY),
                    new ActivePlan("Training", TODAY.plusDays(30)))).rating()).isEqualTo(RiskRating.GREEN);
        }

        @Test
        void aPlanPastItsDueDateIsAmber() {
            assertThat(assess(plans(new ActivePlan("Safer recruitment", TODAY.minusDays(1))))).isEqualTo(new Assessment(
                    RiskRating.AMBER, List.of("Improvement plan \"Safer recruitment\" was due 2018-12-19 and is 1 day overdue")));
        }

        @Test
        void aPlanStillOpenFourWeeksAfterItsDueDateIsAmberAndAfterThatRed() {
            assertThat(assess(plans(new ActivePlan("Staffing", TODAY.minusDays(RiskRules.DAYS_OVERDUE_BEFORE_RED))))
                    .rating()).isEqualTo(RiskRating.AMBER);
            Assessment late = assess(plans(new ActivePlan("Staffing", TODAY.minusDays(29))));
            assertThat(late.rating()).isEqualTo(RiskRating.RED);
            assertThat(late.reasons()).containsExactly(
                    "Improvement plan \"Staffing\" was due 2018-11-21 and is 29 days overdue");
        }
    }

    @Nested
    class Kpis {

        @Test
        void aReturnWithinThresholdsIsNoRisk() {
            assertThat(assess(new Facts(List.of(), OpenConcerns.NONE, List.of(), Optional.of(kpiWithinThresholds())))
                    .rating()).isEqualTo(RiskRating.GREEN);
        }

        @Test
        void breachesAreAmberEvenManyOfThem() {
            KpiFigures poor = new KpiFigures("2018-Q3", new BigDecimal("40.00"), new BigDecimal("22.50"), 11, 3,
                    new BigDecimal("70.00"), 6);
            Assessment assessment = assess(new Facts(List.of(), OpenConcerns.NONE, List.of(), Optional.of(poor)));
            assertThat(assessment.rating()).isEqualTo(RiskRating.AMBER);
            assertThat(assessment.reasons()).containsExactly(
                    "KPI return 2018-Q3: occupancy 40% is below 50%",
                    "KPI return 2018-Q3: staff turnover 22.5% is above 15%",
                    "KPI return 2018-Q3: 11 incidents, more than 10",
                    "KPI return 2018-Q3: 3 missing episodes, more than 2",
                    "KPI return 2018-Q3: education attendance 70% is below 85%",
                    "KPI return 2018-Q3: 6 complaints, more than 5");
        }
    }

    @Test
    void theRatingIsTheWorstOfAllRulesAndListsEveryReasonWorstFirst() {
        KpiFigures highTurnover = new KpiFigures("2018-Q3", new BigDecimal("90"), new BigDecimal("15.01"), 0, 0,
                new BigDecimal("95"), 0);
        Facts facts = new Facts(List.of(ofsted("SC1", Judgement.REQUIRES_IMPROVEMENT_TO_BE_GOOD)),
                new OpenConcerns(0, 0, 0, 1), List.of(new ActivePlan("Recruit a manager", TODAY.minusDays(3))),
                Optional.of(highTurnover));
        Assessment assessment = assess(facts);
        assertThat(assessment.rating()).isEqualTo(RiskRating.RED);
        assertThat(assessment.reasons()).containsExactly(
                "1 serious concern open",
                "Latest Ofsted judgement for setting SC1 is Requires improvement to be good (inspected 2018-12-03)",
                "Improvement plan \"Recruit a manager\" was due 2018-12-17 and is 3 days overdue",
                "KPI return 2018-Q3: staff turnover 15.01% is above 15%");
    }
}
