package uk.gov.dps.events;

import java.util.List;
import java.util.Map;

/** Kafka topics, one per producing aggregate family; the record key is the aggregate id. */
public final class Topics {

    public static final String PROVIDERS = "dps.providers";
    public static final String LOTS = "dps.lots";
    public static final String PLACEMENTS = "dps.placements";
    public static final String QUALITY = "dps.quality";
    public static final String SPEND = "dps.spend";

    public static final List<String> ALL = List.of(PROVIDERS, LOTS, PLACEMENTS, QUALITY, SPEND);

    /** The only service that writes to each topic (its CloudEvents {@code source}). */
    private static final Map<String, String> PRODUCERS = Map.of(
            PROVIDERS, "provider-service",
            LOTS, "lot-service",
            PLACEMENTS, "placement-service",
            QUALITY, "contract-monitoring-service",
            SPEND, "spend-service");

    private Topics() {
    }

    public static String producer(String topic) {
        String service = PRODUCERS.get(topic);
        if (service == null) {
            throw new IllegalArgumentException("not a DPS topic: " + topic);
        }
        return service;
    }

    /** Where a consumer parks an event it cannot process, with the error, so it can go on with the next. */
    public static String deadLetter(String topic) {
        return topic + ".dlq";
    }
}
