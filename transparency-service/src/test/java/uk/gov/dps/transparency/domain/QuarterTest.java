package uk.gov.dps.transparency.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class QuarterTest {

    @Test
    void aQuarterRunsFromTheFirstDayOfItsFirstMonthToTheLastDayOfItsThird() {
        Quarter q3 = Quarter.parse("2018-Q3").orElseThrow();
        assertThat(q3.firstDay()).isEqualTo("2018-07-01");
        assertThat(q3.lastDay()).isEqualTo("2018-09-30");
        assertThat(Quarter.parse("2019-Q1").orElseThrow().lastDay()).isEqualTo("2019-03-31");
        assertThat(Quarter.containing(LocalDate.parse("2018-10-01"))).isEqualTo(new Quarter(2018, 4));
    }

    @Test
    void onlyYearAndQuarterNumberAreAccepted() {
        assertThat(Quarter.parse("2018-Q5")).isEmpty();
        assertThat(Quarter.parse("2018Q3")).isEmpty();
        assertThat(Quarter.parse(null)).isEmpty();
    }
}
