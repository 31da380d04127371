package uk.gov.dps.monitoring.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The councils' financial year runs 1 April to 31 March. */
class FinancialQuarterTest {

    @ParameterizedTest(name = "{0}: {1} to {2}")
    @CsvSource({
            "2018-Q1, 2018-04-01, 2018-06-30",
            "2018-Q2, 2018-07-01, 2018-09-30",
            "2018-Q3, 2018-10-01, 2018-12-31",
            "2018-Q4, 2019-01-01, 2019-03-31",
            "2019-Q4, 2020-01-01, 2020-03-31", // a leap year's February
    })
    void quartersCoverTheFinancialYear(String text, LocalDate first, LocalDate last) {
        FinancialQuarter quarter = FinancialQuarter.parse(text);
        assertThat(quarter.firstDay()).isEqualTo(first);
        assertThat(quarter.lastDay()).isEqualTo(last);
        assertThat(quarter).hasToString(text);
        assertThat(FinancialQuarter.containing(first)).isEqualTo(quarter);
        assertThat(FinancialQuarter.containing(last)).isEqualTo(quarter);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2018-Q5", "2018Q3", "18-Q3", "Q3-2018", ""})
    void onlyYearDashQuarterIsAQuarter(String text) {
        assertThatThrownBy(() -> FinancialQuarter.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2018-Q3");
    }

    @ParameterizedTest
    @CsvSource({"2018-Q3, true", "2018-Q4, false", "2017-Q4, true"})
    void aQuarterHasStartedOnItsFirstDay(String text, boolean started) {
        assertThat(FinancialQuarter.parse(text).hasStartedBy(LocalDate.of(2018, 12, 20))).isEqualTo(started);
        assertThat(FinancialQuarter.parse("2018-Q4").hasStartedBy(LocalDate.of(2019, 1, 1))).isTrue();
    }
}
