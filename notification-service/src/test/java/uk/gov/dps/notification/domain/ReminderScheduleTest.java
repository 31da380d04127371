package uk.gov.dps.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ReminderScheduleTest {

    @Test
    void aDayLongWindowIsRemindedFourWorkingHoursBeforeItCloses() {
        // Tuesday 9 October 2018, 10:00 BST, closing Wednesday 17:00 BST: reminded Wednesday 13:00 BST
        assertThat(ReminderSchedule.remindAt(Instant.parse("2018-10-09T09:00:00Z"),
                Instant.parse("2018-10-10T16:00:00Z"), 4)).contains(Instant.parse("2018-10-10T12:00:00Z"));
    }

    @Test
    void aWindowClosingMondayMorningIsRemindedOnFridayAfternoon() {
        // closing Monday 15 October 2018 at 11:00 BST: two working hours on Monday, two on Friday (to 15:00 BST)
        assertThat(ReminderSchedule.remindAt(Instant.parse("2018-10-12T08:00:00Z"),
                Instant.parse("2018-10-15T10:00:00Z"), 4)).contains(Instant.parse("2018-10-12T14:00:00Z"));
    }

    @Test
    void anEmergencyWindowShorterThanTheReminderPeriodIsRemindedHalfwayThrough() {
        assertThat(ReminderSchedule.remindAt(Instant.parse("2018-10-09T13:00:00Z"),
                Instant.parse("2018-10-09T15:00:00Z"), 4)).contains(Instant.parse("2018-10-09T14:00:00Z"));
    }

    @Test
    void aCallOffAlreadyClosedAtIssueHasNoReminder() {
        assertThat(ReminderSchedule.remindAt(Instant.parse("2018-10-09T13:00:00Z"),
                Instant.parse("2018-10-09T13:00:00Z"), 4)).isEmpty();
    }
}
