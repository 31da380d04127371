package uk.gov.dps.messaging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import uk.gov.dps.events.EventType;

/**
 * What one consumer does with each event type it handles, one line per type: the catalogue entry names the
 * payload record, so the handler takes that record (and, if it needs the id, time or subject, the event).
 *
 * <pre>{@code
 * EventHandlers.builder()
 *         .on(EventCatalog.PROVIDER_ADMITTED_TO_LOT, membership::admitted)
 *         .on(EventCatalog.PROVIDER_SUSPENDED, membership::suspended)
 *         .build();
 * }</pre>
 *
 * The {@link Inbox} converts the payload once, before the handler runs; a payload that does not fit its record is
 * a poison event. A type with no handler is acknowledged (a topic carries many types, and new types are additive)
 * and counted per consumer and type in {@code dps.inbox.unhandled}.
 */
public final class EventHandlers {

    private final Map<String, Handler<?>> byType;

    private EventHandlers(Map<String, Handler<?>> byType) {
        this.byType = Collections.unmodifiableMap(new LinkedHashMap<>(byType));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The CloudEvents types handled, in the order they were listed. */
    public Set<String> types() {
        return byType.keySet();
    }

    /**
     * Hands the event's payload, as its contract record, to the handler of its type.
     *
     * @return false, having done nothing, when no handler is listed for the event's type
     * @throws PoisonEventException when the payload does not match the type's payload record
     */
    boolean dispatch(IncomingEvent event) {
        Handler<?> handler = byType.get(event.type());
        if (handler == null) {
            return false;
        }
        handler.handle(event);
        return true;
    }

    @Override
    public String toString() {
        return "EventHandlers" + types();
    }

    public static final class Builder {

        private final Map<String, Handler<?>> byType = new LinkedHashMap<>();

        private Builder() {
        }

        /** Handles {@code type} with a method that takes its payload record. */
        public <P extends Record> Builder on(EventType<P> type, Consumer<? super P> handler) {
            return on(type, (payload, event) -> handler.accept(payload));
        }

        /** Handles {@code type} with a method that takes its payload record and the event (id, time, subject). */
        public <P extends Record> Builder on(EventType<P> type, BiConsumer<? super P, IncomingEvent> handler) {
            if (byType.putIfAbsent(type.type(), new Handler<>(type, handler)) != null) {
                throw new IllegalArgumentException(type.type() + " has two handlers");
            }
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(byType);
        }
    }

    private record Handler<P extends Record>(EventType<P> type, BiConsumer<? super P, IncomingEvent> handler) {

        void handle(IncomingEvent event) {
            P payload = event.payloadAs(type.payload());
            if (payload == null) {
                // "null" is valid JSON but no payload of any type
                throw new PoisonEventException("payload of " + event.type() + " " + event.id() + " is null");
            }
            handler.accept(payload, event);
        }
    }
}
