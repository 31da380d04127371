package uk.gov.dps.events;

import java.util.List;
import java.util.Optional;

import uk.gov.dps.events.provider.ProviderRegistered;

/**
 * Every event the platform publishes. The JSON Schemas, golden examples and the AsyncAPI document are
 * checked against this list by the module's tests, so a new event type starts here.
 */
public final class EventCatalog {

    public static final EventType PROVIDER_REGISTERED = new EventType("dps.provider.registered.v1", Topics.PROVIDERS,
            ProviderRegistered.class, "A provider organisation registered with the platform.");

    public static final List<EventType> ALL = List.of(PROVIDER_REGISTERED);

    private EventCatalog() {
    }

    public static Optional<EventType> find(String type) {
        return ALL.stream().filter(t -> t.type().equals(type)).findFirst();
    }
}
