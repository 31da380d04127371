package uk.gov.dps.spend.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ThresholdsTest {

    private final Thresholds thresholds = new Thresholds(90, 100);

    @Test
    void aThresholdIsCrossedOnlyWhenTheAmountGoesOverIt() {
        assertThat(thresholds.status(9_000_00, 10_000_00)).isEqualTo(SpendStatus.WITHIN); // exactly 90%
        assertThat(thresholds.status(9_000_01, 10_000_00)).isEqualTo(SpendStatus.AT_RISK);
        assertThat(thresholds.status(10_000_00, 10_000_00)).isEqualTo(SpendStatus.AT_RISK); // fully used
        assertThat(thresholds.status(10_000_01, 10_000_00)).isEqualTo(SpendStatus.OVERSPENT);
        assertThat(thresholds.exceeded(12_000_00, 10_000_00)).isEqualTo(List.of(90, 100));
        assertThat(thresholds.exceeded(9_500_00, 10_000_00)).isEqualTo(List.of(90));
    }

    @Test
    void aZeroBudgetIsOverspentByAnything() {
        assertThat(thresholds.status(0, 0)).isEqualTo(SpendStatus.WITHIN);
        assertThat(thresholds.status(1, 0)).isEqualTo(SpendStatus.OVERSPENT);
    }

    @Test
    void atRiskMustComeBeforeOverspent() {
        assertThatThrownBy(() -> new Thresholds(100, 90)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Thresholds(0, 100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutInvoicesTheForecastIsTheWholeCommitmentAndTheVarianceIsTheHeadroom() {
        Position position = new Position(5_000_000, 3_189_060, 1_000_000);
        assertThat(position.remainingCommitment()).isEqualTo(3_189_060);
        assertThat(position.forecastOutturn()).isEqualTo(3_189_060);
        assertThat(position.variance()).isEqualTo(1_810_940);
        assertThat(new Position(3_000_000, 3_189_060, 0).variance()).isEqualTo(-189_060);
        assertThat(new Position(3_000_000, 3_189_060, 0).status(thresholds)).isEqualTo(SpendStatus.OVERSPENT);
    }

    @Test
    void theForecastIsTheActualsPlusTheCommitmentOfTheDaysNotInvoiced() {
        // £31,890.60 committed; invoices cover days the agreement puts £10,124.00 on: £10,124.00 was invoiced and
        // paid, and £5,100.00 invoiced (£38 more than the £5,062.00 its days commit) and not paid yet
        Position position = new Position(5_000_000, 3_189_060, 1_000_000,
                new Position.Actuals(1_012_400, 510_000, 1_012_400 + 506_200));
        assertThat(position.actualsTotal()).isEqualTo(1_522_400);
        assertThat(position.remainingCommitment()).isEqualTo(3_189_060 - 1_518_600);
        assertThat(position.forecastOutturn()).isEqualTo(3_189_060 + 3_800);
        assertThat(position.variance()).isEqualTo(5_000_000 - 3_192_860);
    }
}
