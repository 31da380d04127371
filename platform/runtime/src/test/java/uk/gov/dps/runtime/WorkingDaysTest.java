package uk.gov.dps.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected dates are the published England and Wales bank holidays (gov.uk and the proclamations). */
class WorkingDaysTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // the millennium holiday; Christmas on a Saturday
            "1999, 1999-01-01 1999-04-02 1999-04-05 1999-05-03 1999-05-31 1999-08-30 1999-12-27 1999-12-28 1999-12-31",
            // the golden jubilee, with the spring bank holiday moved next to it
            "2002, 2002-01-01 2002-03-29 2002-04-01 2002-05-06 2002-06-03 2002-06-04 2002-08-26 2002-12-25 2002-12-26",
            // the royal wedding; the diamond jubilee, with the spring bank holiday moved next to it
            "2011, 2011-01-03 2011-04-22 2011-04-25 2011-04-29 2011-05-02 2011-05-30 2011-08-29 2011-12-26 2011-12-27",
            "2012, 2012-01-02 2012-04-06 2012-04-09 2012-05-07 2012-06-04 2012-06-05 2012-08-27 2012-12-25 2012-12-26",
            "2018, 2018-01-01 2018-03-30 2018-04-02 2018-05-07 2018-05-28 2018-08-27 2018-12-25 2018-12-26",
            "2019, 2019-01-01 2019-04-19 2019-04-22 2019-05-06 2019-05-27 2019-08-26 2019-12-25 2019-12-26",
            // Christmas on a Friday, Boxing Day on a Saturday: substitute Monday 28th
            "2020, 2020-01-01 2020-04-10 2020-04-13 2020-05-08 2020-05-25 2020-08-31 2020-12-25 2020-12-28",
            // Christmas on a Saturday and Boxing Day on a Sunday: substitutes Monday 27th and Tuesday 28th
            "2021, 2021-01-01 2021-04-02 2021-04-05 2021-05-03 2021-05-31 2021-08-30 2021-12-27 2021-12-28",
            // New Year's Day on a Saturday; the platinum jubilee; the Queen's funeral; Christmas on a Sunday
            "2022, 2022-01-03 2022-04-15 2022-04-18 2022-05-02 2022-06-02 2022-06-03 2022-08-29 2022-09-19 2022-12-26 2022-12-27",
            "2023, 2023-01-02 2023-04-07 2023-04-10 2023-05-01 2023-05-08 2023-05-29 2023-08-28 2023-12-25 2023-12-26",
            "2025, 2025-01-01 2025-04-18 2025-04-21 2025-05-05 2025-05-26 2025-08-25 2025-12-25 2025-12-26",
            // Boxing Day on a Saturday: substitute Monday 28th
            "2026, 2026-01-01 2026-04-03 2026-04-06 2026-05-04 2026-05-25 2026-08-31 2026-12-25 2026-12-28",
    })
    void bankHolidaysMatchThePublishedLists(int year, String expected) {
        assertThat(WorkingDays.bankHolidays(year)).containsExactlyInAnyOrder(
                java.util.Arrays.stream(expected.split(" ")).map(LocalDate::parse).toArray(LocalDate[]::new));
    }

    @Test
    void tenWorkingDaysSkipWeekends() {
        // Monday 1 October 2018: two whole weeks later
        assertThat(WorkingDays.addWorkingDays(LocalDate.of(2018, 10, 1), 10)).isEqualTo(LocalDate.of(2018, 10, 15));
        // received on a Saturday: the clock starts on Monday
        assertThat(WorkingDays.addWorkingDays(LocalDate.of(2018, 10, 6), 10)).isEqualTo(LocalDate.of(2018, 10, 19));
    }

    @Test
    void tenWorkingDaysSkipChristmasAndNewYear() {
        // Thursday 20 December 2018: 25, 26 December and 1 January do not count
        assertThat(WorkingDays.addWorkingDays(LocalDate.of(2018, 12, 20), 10)).isEqualTo(LocalDate.of(2019, 1, 8));
    }

    @Test
    void tenWorkingDaysSkipEasterAndSubstituteDays() {
        // Monday 15 April 2019: Good Friday 19 and Easter Monday 22 April do not count
        assertThat(WorkingDays.addWorkingDays(LocalDate.of(2019, 4, 15), 10)).isEqualTo(LocalDate.of(2019, 5, 1));
        // Wednesday 22 December 2021: substitute days 27 and 28 December and 3 January 2022 do not count
        assertThat(WorkingDays.addWorkingDays(LocalDate.of(2021, 12, 22), 10)).isEqualTo(LocalDate.of(2022, 1, 10));
    }

    @Test
    void anExtensionGivesFifteenWorkingDaysFromTheSameReceipt() {
        LocalDate received = LocalDate.of(2018, 12, 20);
        assertThat(WorkingDays.addWorkingDays(received, 15)).isEqualTo(LocalDate.of(2019, 1, 15));
    }

    @Test
    void weekendsAndBankHolidaysAreNotWorkingDays() {
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2018, 10, 9))).isTrue(); // the committee met on a Tuesday
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2018, 10, 13))).isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2018, 8, 27))).isFalse();
    }

    // Reminders "4 working hours before the deadline": working hours are 09:00-17:00 UK time on working days.

    @Test
    void workingHoursWithinOneDay() {
        assertThat(WorkingDays.minusWorkingHours(uk("2019-01-16T15:30"), 4)).isEqualTo(uk("2019-01-16T11:30"));
        // exactly the whole morning: 09:00 that day, not 17:00 the day before
        assertThat(WorkingDays.minusWorkingHours(uk("2019-01-16T13:00"), 4)).isEqualTo(uk("2019-01-16T09:00"));
    }

    @Test
    void workingHoursSkipTheWeekend() {
        // Monday 14 January 2019 11:00: two hours on Monday morning, two on Friday afternoon
        assertThat(WorkingDays.minusWorkingHours(uk("2019-01-14T11:00"), 4)).isEqualTo(uk("2019-01-11T15:00"));
    }

    @Test
    void workingHoursSkipBankHolidays() {
        // Tuesday 28 May 2019 10:00 (British Summer Time), after the spring bank holiday: back to Friday 24 May
        assertThat(WorkingDays.minusWorkingHours(uk("2019-05-28T10:00"), 4)).isEqualTo(uk("2019-05-24T14:00"));
        assertThat(WorkingDays.minusWorkingHours(uk("2019-05-28T10:00"), 4))
                .isEqualTo(Instant.parse("2019-05-24T13:00:00Z"));
        // Thursday 27 December 2018 10:00: Christmas Day and Boxing Day do not count
        assertThat(WorkingDays.minusWorkingHours(uk("2018-12-27T10:00"), 4)).isEqualTo(uk("2018-12-24T14:00"));
    }

    @Test
    void aDeadlineOutsideWorkingHoursCountsFromTheEndOfTheLastWorkingDay() {
        // Saturday noon: Friday 17:00 is the last working moment
        assertThat(WorkingDays.minusWorkingHours(uk("2019-01-12T12:00"), 4)).isEqualTo(uk("2019-01-11T13:00"));
        // Wednesday evening and Wednesday before opening
        assertThat(WorkingDays.minusWorkingHours(uk("2019-01-16T20:00"), 4)).isEqualTo(uk("2019-01-16T13:00"));
        assertThat(WorkingDays.minusWorkingHours(uk("2019-01-16T07:00"), 4)).isEqualTo(uk("2019-01-15T13:00"));
        // Easter Monday 22 April 2019 at 10:00: the Thursday before Good Friday
        assertThat(WorkingDays.minusWorkingHours(uk("2019-04-22T10:00"), 4)).isEqualTo(uk("2019-04-18T13:00"));
    }

    @Test
    void manyWorkingHoursSpanSeveralDays() {
        // 20 hours before Wednesday 16 January 2019 12:00: 3 on Wednesday, 8 on Tuesday, 8 on Monday, 1 on Friday
        assertThat(WorkingDays.minusWorkingHours(uk("2019-01-16T12:00"), 20)).isEqualTo(uk("2019-01-11T16:00"));
        assertThat(WorkingDays.minusWorkingHours(uk("2019-01-12T12:00"), 0)).isEqualTo(uk("2019-01-12T12:00"));
    }

    private static Instant uk(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(PlatformClock.UK).toInstant();
    }
}
