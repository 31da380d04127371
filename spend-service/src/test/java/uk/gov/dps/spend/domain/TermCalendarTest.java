package uk.gov.dps.spend.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class TermCalendarTest {

    /** The model 2018/19 calendar of application.properties: 38 whole weeks; two bank holidays fall in term. */
    static final TermCalendar CALENDAR_2018_19 = TermCalendar.parse(List.of(
            "2018-09-03/2018-10-21", "2018-10-29/2018-12-23", "2019-01-07/2019-02-17",
            "2019-02-25/2019-04-07", "2019-04-22/2019-05-26", "2019-06-03/2019-07-14"),
            List.of("2019-04-22", "2019-05-06"));

    @Test
    void schoolDaysAreWeekdaysInTermThatAreNotHolidays() {
        assertThat(CALENDAR_2018_19.isSchoolDay(LocalDate.of(2018, 9, 3))).isTrue(); // first Monday of term
        assertThat(CALENDAR_2018_19.isSchoolDay(LocalDate.of(2018, 9, 8))).isFalse(); // a Saturday
        assertThat(CALENDAR_2018_19.inTerm(LocalDate.of(2018, 9, 8))).isTrue(); // ... but in term
        assertThat(CALENDAR_2018_19.isSchoolDay(LocalDate.of(2018, 10, 24))).isFalse(); // half term
        assertThat(CALENDAR_2018_19.isSchoolDay(LocalDate.of(2019, 5, 6))).isFalse(); // early May bank holiday
        assertThat(CALENDAR_2018_19.isSchoolDay(LocalDate.of(2019, 5, 7))).isTrue();
    }

    @Test
    void itCoversTheAcademicYearsItHasTermsFor() {
        assertThat(CALENDAR_2018_19.covers(LocalDate.of(2018, 8, 1))).isTrue();
        assertThat(CALENDAR_2018_19.covers(LocalDate.of(2019, 7, 31))).isTrue();
        assertThat(CALENDAR_2018_19.covers(LocalDate.of(2018, 7, 31))).isFalse();
        assertThat(CALENDAR_2018_19.covers(LocalDate.of(2019, 8, 1))).isFalse();
    }

    @Test
    void overlappingOrMalformedTermsAreRefused() {
        assertThatThrownBy(() -> TermCalendar.parse(List.of("2018-09-03/2018-10-21", "2018-10-21/2018-12-20"),
                List.of())).hasMessageContaining("overlap");
        assertThatThrownBy(() -> TermCalendar.parse(List.of("2018-09-03"), List.of()))
                .hasMessageContaining("first/last");
        assertThatThrownBy(() -> TermCalendar.parse(List.of("2018-10-21/2018-09-03"), List.of()))
                .hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> TermCalendar.parse(List.of(), List.of("5 May"))).hasMessageContaining("ISO date");
    }

    @Test
    void theFingerprintChangesWithTheCalendar() {
        TermCalendar shorter = TermCalendar.parse(List.of("2018-09-03/2018-10-21"), List.of());
        assertThat(shorter.fingerprint()).isNotEqualTo(CALENDAR_2018_19.fingerprint());
        assertThat(TermCalendar.parse(List.of("2018-09-03/2018-10-21"), List.of()).fingerprint())
                .isEqualTo(shorter.fingerprint());
    }
}
