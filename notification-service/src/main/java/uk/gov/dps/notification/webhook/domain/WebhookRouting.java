package uk.gov.dps.notification.webhook.domain;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import uk.gov.dps.events.Topics;

/**
 * Which partner councils may receive an event: a council only ever receives its own council's data.
 * <ul>
 * <li>an event with a {@code council} field (referrals, placements, exemptions, spend alerts) goes to that council;
 * <li>one listing {@code councils} (a DPS, a lot) to those councils;
 * <li>placement events that name only a referral (offers, declines) to the council that raised the referral, and
 * to nobody while that is unknown;
 * <li>other events about the shared market (providers, lots, quality monitoring, which partners share on purpose)
 * to every partner.
 * </ul>
 * Any other event on a council's own topics (placements, spend) goes to nobody: unknown is never everyone.
 */
public final class WebhookRouting {

    private WebhookRouting() {
    }

    /** Who may receive an event. */
    public sealed interface Audience {

        boolean includes(String council);
    }

    /** Every partner council. */
    public record EveryPartner() implements Audience {

        @Override
        public boolean includes(String council) {
            return true;
        }
    }

    /** These councils only (none: nobody). */
    public record Councils(Set<String> councils) implements Audience {

        public Councils {
            councils = Set.copyOf(councils);
        }

        @Override
        public boolean includes(String council) {
            return councils.contains(council);
        }
    }

    /**
     * @param topic           the topic the event came from
     * @param payload         its JSON payload
     * @param referralCouncil the council that raised a referral, where known
     */
    public static Audience audience(String topic, JsonNode payload, Function<UUID, Optional<String>> referralCouncil) {
        JsonNode council = payload.path("council");
        if (council.isTextual()) {
            return new Councils(Set.of(council.asText()));
        }
        JsonNode councils = payload.path("councils");
        if (councils.isArray()) {
            Set<String> named = new LinkedHashSet<>();
            councils.forEach(c -> {
                if (c.isTextual()) {
                    named.add(c.asText());
                }
            });
            return new Councils(named);
        }
        if (Topics.PLACEMENTS.equals(topic) || Topics.SPEND.equals(topic)) {
            return referralId(payload).flatMap(referralCouncil)
                    .<Audience>map(c -> new Councils(Set.of(c)))
                    .orElseGet(() -> new Councils(Set.of()));
        }
        return new EveryPartner();
    }

    /** The referral an event is about, if it names one. */
    public static Optional<UUID> referralId(JsonNode payload) {
        JsonNode id = payload.path("referralId");
        if (!id.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(id.asText()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
