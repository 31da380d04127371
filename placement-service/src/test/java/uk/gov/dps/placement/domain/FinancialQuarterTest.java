package uk.gov.dps.placement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import uk.gov.dps.runtime.PlatformClock;

class FinancialQuarterTest {

    @Test
    void aQuarterIsWrittenAsTheFinancialYearAndItsNumber() {
        FinancialQuarter q3 = FinancialQuarter.parse("2026-27-Q3").orElseThrow();
        assertThat(q3.firstDay()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(q3.lastDay()).isEqualTo(LocalDate.of(2026, 12, 31));
        FinancialQuarter q4 = FinancialQuarter.parse("2026-27-q4").orElseThrow();
        assertThat(q4.firstDay()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(q4.lastDay()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(FinancialQuarter.parse("2026-27-Q1").orElseThrow().firstDay()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(FinancialQuarter.parse("2099-00-Q2").orElseThrow().lastDay()).isEqualTo(LocalDate.of(2099, 9, 30));
        assertThat(q3.label()).isEqualTo("2026-27-Q3");
        assertThat(q3.next()).isEqualTo(q4);
        assertThat(q4.next().label()).isEqualTo("2027-28-Q1");
        assertThat(q3.previous().label()).isEqualTo("2026-27-Q2");
    }

    @Test
    void anythingElseIsNotAQuarter() {
        for (String bad : new String[] {"2026-Q3", "2026-28-Q3", "2026-27-Q5", "2026-27-Q0", "26-27-Q1", "2026/27-Q1",
                "", "Q3", "2026-27-Q3x"}) {
            assertThat(FinancialQuarter.parse(bad)).as(bad).isEmpty();
        }
        assertThat(FinancialQuarter.parse(null)).isEmpty();
    }

    @Test
    void boundariesAreMidnightUkTimeInGmtAndInSummerTime() {
        FinancialQuarter q3 = FinancialQuarter.parse("2018-19-Q3").orElseThrow();
        // 1 October is in British Summer Time: the quarter starts at 23:00 UTC the day before
        assertThat(q3.start(PlatformClock.UK)).isEqualTo(Instant.parse("2018-09-30T23:00:00Z"));
        assertThat(q3.end(PlatformClock.UK)).isEqualTo(Instant.parse("2019-01-01T00:00:00Z"));
        assertThat(FinancialQuarter.parse("2018-19-Q4").orElseThrow().end(PlatformClock.UK))
                .isEqualTo(Instant.parse("2019-03-31T23:00:00Z"));
        assertThat(FinancialQuarter.of(LocalDate.of(2019, 3, 31)).label()).isEqualTo("2018-19-Q4");
        assertThat(FinancialQuarter.of(LocalDate.of(2019, 4, 1)).label()).isEqualTo("2019-20-Q1");
        assertThat(FinancialQuarter.of(LocalDate.of(2018, 12, 31)).label()).isEqualTo("2018-19-Q3");
    }
}
