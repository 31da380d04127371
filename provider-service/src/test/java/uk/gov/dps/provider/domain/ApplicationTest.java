package uk.gov.dps.provider.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ApplicationTest {

    private static Application receivedOn(LocalDate day) {
        Application application = new Application();
        application.receive(Instant.parse(day + "T10:00:00Z"), day);
        return application;
    }

    @Test
    void isDueTenWorkingDaysAfterReceipt() {
        assertThat(receivedOn(LocalDate.of(2018, 12, 20)).dueOn).isEqualTo(LocalDate.of(2019, 1, 8));
    }

    @Test
    void isOverdueOnlyAfterItsDueDateAndWhileUndecided() {
        Application application = receivedOn(LocalDate.of(2018, 12, 20));
        assertThat(application.isOverdue(LocalDate.of(2019, 1, 8))).isFalse();
        assertThat(application.isOverdue(LocalDate.of(2019, 1, 9))).isTrue();
        application.decide(Application.Status.ADMITTED, null, "commissioner", Instant.now());
        assertThat(application.isOverdue(LocalDate.of(2019, 1, 9))).isFalse();
    }

    @Test
    void canBeExtendedToFifteenWorkingDaysOnceAndOnlyWhileUndecided() {
        Application application = receivedOn(LocalDate.of(2018, 12, 20));
        application.extend("Evidence of insurance requested from the provider");
        assertThat(application.dueOn).isEqualTo(LocalDate.of(2019, 1, 15));
        assertThat(application.isOverdue(LocalDate.of(2019, 1, 14))).isFalse();
        assertThatThrownBy(() -> application.extend("again")).hasMessageContaining("once already");

        Application decided = receivedOn(LocalDate.of(2018, 12, 20));
        decided.decide(Application.Status.REJECTED, "No insurance", "commissioner", Instant.now());
        assertThatThrownBy(() -> decided.extend("late")).hasMessageContaining("decided already");
        assertThatThrownBy(() -> decided.decide(Application.Status.ADMITTED, null, "x", Instant.now()))
                .hasMessageContaining("rejected already");
    }
}
