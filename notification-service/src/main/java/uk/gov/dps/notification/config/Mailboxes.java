package uk.gov.dps.notification.config;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

/**
 * Council team mailboxes, per council (the {@code council} claim) and role:
 * {@code dps.notifications.mailboxes.cambridgeshire.commissioner=commissioning@cambridgeshire.example}. A team
 * without a mailbox still sees its notifications in the application.
 */
@ConfigMapping(prefix = "dps.notifications.mailboxes")
public interface Mailboxes {

    @WithParentName
    Map<String, Map<String, String>> byCouncil();

    default Optional<String> of(String council, String role) {
        return Optional.ofNullable(byCouncil().getOrDefault(council, Map.of()).get(role)).filter(a -> !a.isBlank());
    }
}
