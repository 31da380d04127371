package uk.gov.dps.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** Thresholds are exact decimals: the boundary itself is within them. */
class KpiThresholdsTest {

    private static KpiFigures figures(String occupancy, String turnover, int incidents, int missing, String attendance,
            int complaints) {
        return new KpiFigures("2018-Q3", new BigDecimal(occupancy), new BigDecimal(turnover), incidents, missing,
                new BigDecimal(attendance), complaints);
    }

    @Test
    void valuesExactlyOnTheThresholdsAreWithinThem() {
        assertThat(KpiThresholds.DEFAULT.breaches(figures("50.00", "15.00", 10, 2, "85.00", 5))).isEmpty();
    }

    @Test
    void oneHundredthBeyondAThresholdIsABreach() {
        assertThat(KpiThresholds.DEFAULT.breaches(figures("49.99", "15.00", 10, 2, "85.00", 5)))
                .containsExactly("KPI return 2018-Q3: occupancy 49.99% is below 50%");
        assertThat(KpiThresholds.DEFAULT.breaches(figures("50.00", "15.00", 10, 2, "84.99", 5)))
                .containsExactly("KPI return 2018-Q3: education attendance 84.99% is below 85%");
    }

    @Test
    void councilsCanAgreeOtherThresholds() {
        KpiThresholds strict = new KpiThresholds(new BigDecimal("75"), new BigDecimal("10"), 5, 0,
                new BigDecimal("95"), 2);
        assertThat(strict.breaches(figures("80", "8", 3, 1, "96", 0)))
                .containsExactly("KPI return 2018-Q3: 1 missing episode, more than 0");
    }
}
