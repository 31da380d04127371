package uk.gov.dps.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import uk.gov.dps.portal.web.BarChart.Series;
import uk.gov.dps.portal.web.BarChart.Value;

/** The budget charts' scale: bars people can compare, thresholds where the figures say, an axis at a round figure. */
class BarChartTest {

    @Test
    void theAxisEndsAtARoundFigureAtOrAboveTheLargestValue() {
        assertThat(BarChart.niceMax(new BigDecimal("250000.50"))).isEqualByComparingTo("500000");
        assertThat(BarChart.niceMax(new BigDecimal("250000"))).isEqualByComparingTo("250000");
        assertThat(BarChart.niceMax(new BigDecimal("1200"))).isEqualByComparingTo("2000");
        assertThat(BarChart.niceMax(new BigDecimal("9000000"))).isEqualByComparingTo("10000000");
        assertThat(BarChart.niceMax(new BigDecimal("7"))).isEqualByComparingTo("10");
        // nothing to draw: still a scale, so empty bars sit at 0 of something
        assertThat(BarChart.niceMax(BigDecimal.ZERO)).isEqualByComparingTo("1000");
    }

    @Test
    void barsAreAsLongAsTheirShareOfTheScaleAndNeverPastIt() {
        assertThat(BarChart.scale(new BigDecimal("250000"), new BigDecimal("500000"))).isEqualTo(BarChart.PLOT_WIDTH / 2);
        assertThat(BarChart.scale(BigDecimal.ZERO, new BigDecimal("500000"))).isZero();
        assertThat(BarChart.scale(new BigDecimal("-10"), new BigDecimal("500000"))).isZero();
        assertThat(BarChart.scale(new BigDecimal("600000"), new BigDecimal("500000"))).isEqualTo(BarChart.PLOT_WIDTH);
    }

    @Test
    void aChartPutsEveryLineOnOneScaleWithItsThresholdMarks() {
        BarChart chart = BarChart.of("Health, 2026/27", "figures", List.of(
                new Series("CCG", List.of(new Value("Budget", "#1d70b8", new BigDecimal("100000"), 0),
                        new Value("Committed", "#505a5f", new BigDecimal("50000"), 0)),
                        List.of(new Value("At risk", "#0b0c0c", new BigDecimal("90000"), 90))),
                new Series("Joint", List.of(new Value("Budget", "#1d70b8", new BigDecimal("200000"), 0)), List.of())));
        assertThat(chart.scaleMax()).isEqualByComparingTo("200000");
        assertThat(chart.groups().get(0).bars()).extracting(BarChart.Bar::width)
                .containsExactly(BarChart.PLOT_WIDTH / 2, BarChart.PLOT_WIDTH / 4);
        assertThat(chart.groups().get(1).bars().get(0).width()).isEqualTo(BarChart.PLOT_WIDTH);
        BarChart.Mark atRisk = chart.groups().get(0).marks().get(0);
        assertThat(atRisk.x()).isEqualTo(BarChart.LEFT + BarChart.PLOT_WIDTH * 45 / 100);
        // the mark spans its own group's bars, not the next group's
        assertThat(atRisk.y2()).isLessThan(chart.groups().get(1).labelY());
        assertThat(chart.ticks()).extracting(BarChart.Tick::value).map(BigDecimal::intValue)
                .containsExactly(0, 50000, 100000, 150000, 200000);
        // bars of later groups stay inside the drawing
        assertThat(chart.groups().get(1).bars().get(0).y()).isLessThan(chart.axisY());
    }
}
