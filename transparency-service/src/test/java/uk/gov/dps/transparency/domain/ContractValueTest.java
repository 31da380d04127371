package uk.gov.dps.transparency.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ContractValueTest {

    @Test
    void aFiftyTwoWeekPlacementIsTheWeeklyFeeTimesTheWeeksOfItsPlannedPeriod() {
        // 1 October to 28 October: 28 days, 4 weeks
        assertThat(ContractValue.of(new BigDecimal("2531.00"), "WEEKS_52", LocalDate.parse("2018-10-01"),
                LocalDate.parse("2018-10-28"))).isEqualByComparingTo("10124.00");
    }

    @Test
    void partWeeksCountAsTheirDays() {
        // 10 days: 10/7 of a week
        assertThat(ContractValue.of(new BigDecimal("700.00"), "WEEKS_52", LocalDate.parse("2018-10-01"),
                LocalDate.parse("2018-10-10"))).isEqualByComparingTo("1000.00");
    }

    @Test
    void termTimeAndDayPlacementsAreChargedThirtyEightWeeksInFiftyTwo() {
        assertThat(ContractValue.of(new BigDecimal("1000.00"), "WEEKS_38", LocalDate.parse("2018-09-03"),
                LocalDate.parse("2019-09-01"))).isEqualByComparingTo("38000.00");
        assertThat(ContractValue.of(new BigDecimal("1000.00"), "DAY", LocalDate.parse("2018-09-03"),
                LocalDate.parse("2019-09-01"))).isEqualByComparingTo("38000.00");
    }

    @Test
    void withoutAPlannedEndOneYearIsValued() {
        assertThat(ContractValue.of(new BigDecimal("820.00"), "WEEKS_52", LocalDate.parse("2018-10-01"), null))
                .isEqualByComparingTo("42640.00");
        assertThat(ContractValue.periodEnd(LocalDate.parse("2018-10-01"), null)).isEqualTo("2019-09-29");
    }
}
