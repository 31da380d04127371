package uk.gov.dps.spend.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class FinancialYearTest {

    @Test
    void theYearTurnsOnFirstApril() {
        assertThat(FinancialYear.of(LocalDate.of(2019, 3, 31))).isEqualTo(new FinancialYear(2018));
        assertThat(FinancialYear.of(LocalDate.of(2019, 4, 1))).isEqualTo(new FinancialYear(2019));
        assertThat(FinancialYear.of(LocalDate.of(2018, 10, 9)).label()).isEqualTo("2018/19");
        assertThat(new FinancialYear(1999).label()).isEqualTo("1999/00");
    }

    @Test
    void aYearWithTwentyNinthFebruaryHas366Days() {
        assertThat(new FinancialYear(2018).length()).isEqualTo(365);
        assertThat(new FinancialYear(2019).length()).isEqualTo(366); // 29 February 2020
        assertThat(new FinancialYear(2019).day(365)).isEqualTo(LocalDate.of(2020, 3, 31));
        assertThat(new FinancialYear(2018).indexOf(LocalDate.of(2018, 11, 5))).isEqualTo(218);
    }
}
