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
    void thePositionForecastsSpentPlusRemainingAndTheVarianceIsTheHeadroom() {
        Position position = new Position(5_000_000, 3_189_060, 1_000_000);
        assertThat(position.remainingCommitment()).isEqualTo(2_189_060);
        assertThat(position.forecastOutturn()).isEqualTo(3_189_060);
        assertThat(position.variance()).isEqualTo(1_810_940);
        assertThat(new Position(3_000_000, 3_189_060, 0).variance()).isEqualTo(-189_060);
        assertThat(new Position(3_000_000, 3_189_060, 0).status(thresholds)).isEqualTo(SpendStatus.OVERSPENT);
    }
}
