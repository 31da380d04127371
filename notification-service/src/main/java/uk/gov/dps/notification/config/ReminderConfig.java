package uk.gov.dps.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Deadline reminders to invited providers that have not answered a call-off. */
@ConfigMapping(prefix = "dps.notifications.reminders")
public interface ReminderConfig {

    /** Working hours (09:00–17:00) before the call-off's respond-by time. */
    @WithDefault("4")
    int workingHoursBefore();

    /** How often due reminders are looked for (a Quarkus scheduler interval). */
    @WithDefault("1m")
    String checkInterval();
}
