package uk.gov.dps.transparency.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;

import org.junit.jupiter.api.Test;

class NoticeStatusTest {

    private static final LocalDate DUE = LocalDate.parse("2018-10-20");
    private static final Period FORTNIGHT = Period.ofDays(14);

    @Test
    void aNoticeIsDueSoonFromAFortnightBeforeItsDueDateUntilTheDayItselfThenOverdue() {
        assertThat(NoticeStatus.of(DUE, null, LocalDate.parse("2018-10-05"), FORTNIGHT)).isEqualTo(NoticeStatus.UPCOMING);
        assertThat(NoticeStatus.of(DUE, null, LocalDate.parse("2018-10-06"), FORTNIGHT)).isEqualTo(NoticeStatus.DUE_SOON);
        assertThat(NoticeStatus.of(DUE, null, DUE, FORTNIGHT)).isEqualTo(NoticeStatus.DUE_SOON);
        assertThat(NoticeStatus.of(DUE, null, DUE.plusDays(1), FORTNIGHT)).isEqualTo(NoticeStatus.OVERDUE);
        assertThat(NoticeStatus.OVERDUE.isAlert()).isTrue();
    }

    @Test
    void aPublishedNoticeIsNoLongerAnAlertEvenIfPublishedLate() {
        assertThat(NoticeStatus.of(DUE, DUE.plusDays(3), DUE.plusDays(5), FORTNIGHT)).isEqualTo(NoticeStatus.PUBLISHED);
        assertThat(NoticeStatus.PUBLISHED.isAlert()).isFalse();
    }
}
