package uk.gov.dps.notification.domain;

import java.util.UUID;

/**
 * Who a notification is for: a council team (council and role) or a provider organisation. Its {@link #key} is
 * what a signed-in user's token is matched against.
 */
public record Audience(String council, String role, UUID providerId) {

    public static Audience team(String council, String role) {
        return new Audience(council, role, null);
    }

    public static Audience provider(UUID providerId) {
        return new Audience(null, null, providerId);
    }

    public boolean isProvider() {
        return providerId != null;
    }

    public String key() {
        return isProvider() ? "provider:" + providerId : "council:" + council + ":" + role;
    }
}
