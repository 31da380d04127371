package uk.gov.dps.spend.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class PaymentPerformanceTest {

    private static PaymentPerformance.Receipt paid(String received, String paid) {
        return new PaymentPerformance.Receipt(LocalDate.parse(received), paid == null ? null : LocalDate.parse(paid),
                false);
    }

    @Test
    void theBandsAreThirtySixtyAndMoreDaysFromReceipt() {
        PaymentPerformance p = PaymentPerformance.of(List.of(
                paid("2026-04-01", "2026-04-01"), // same day: 0
                paid("2026-04-01", "2026-05-01"), // 30
                paid("2026-04-01", "2026-05-02"), // 31
                paid("2026-04-01", "2026-05-31"), // 60
                paid("2026-04-01", "2026-06-01"), // 61
                paid("2026-04-01", null),
                new PaymentPerformance.Receipt(LocalDate.parse("2026-04-01"), null, true)));
        assertThat(p.received()).isEqualTo(6);
        assertThat(p.within30Days()).isEqualTo(2);
        assertThat(p.within31To60Days()).isEqualTo(2);
        assertThat(p.after60Days()).isEqualTo(1);
        assertThat(p.unpaid()).isEqualTo(1);
        assertThat(p.disputed()).isEqualTo(1);
        assertThat(p.averageDaysToPay()).hasToString("36.4"); // 182 / 5
        assertThat(p.percent(p.within30Days())).hasToString("33.33");
    }

    @Test
    void nothingReceivedHasNoAverage() {
        PaymentPerformance p = PaymentPerformance.of(List.of());
        assertThat(p.averageDaysToPay()).isNull();
        assertThat(p.percent(p.unpaid())).hasToString("0.00");
    }

    @Test
    void periodsAreTheHalvesOfTheFinancialYear() {
        PaymentPeriod h1 = PaymentPeriod.parse("2026-27-H1");
        assertThat(h1.firstDay()).isEqualTo(LocalDate.parse("2026-04-01"));
        assertThat(h1.lastDay()).isEqualTo(LocalDate.parse("2026-09-30"));
        PaymentPeriod h2 = PaymentPeriod.parse("2026-27-h2");
        assertThat(h2.firstDay()).isEqualTo(LocalDate.parse("2026-10-01"));
        assertThat(h2.lastDay()).isEqualTo(LocalDate.parse("2027-03-31"));
        assertThat(PaymentPeriod.of(LocalDate.parse("2027-03-31")).name()).isEqualTo("2026-27-H2");
        assertThat(PaymentPeriod.of(LocalDate.parse("2026-09-30")).name()).isEqualTo("2026-27-H1");
        assertThat(PaymentPeriod.of(LocalDate.parse("2099-10-01")).name()).isEqualTo("2099-00-H2");
        assertThatThrownBy(() -> PaymentPeriod.parse("2026-28-H1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentPeriod.parse("2026-H1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PaymentPeriod.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
