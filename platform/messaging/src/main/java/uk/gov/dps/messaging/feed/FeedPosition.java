package uk.gov.dps.messaging.feed;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Where a live feed ({@link TopicFeed}) stands in its topic: for each partition, the offset of the next event. It is the id
 * of every feed event (e.g. {@code 0:17,1:9,2:30}), the same on every instance of the service, so a client that
 * reconnects with it as {@code Last-Event-ID} gets what it missed from whichever instance it reaches.
 */
public record FeedPosition(SortedMap<Integer, Long> nextOffsets) {

    public FeedPosition {
        nextOffsets = Collections.unmodifiableSortedMap(new TreeMap<>(nextOffsets));
    }

    public static FeedPosition of(Map<Integer, Long> nextOffsets) {
        return new FeedPosition(new TreeMap<>(nextOffsets));
    }

    /** The position written by {@link #toString()}, or empty if {@code text} is not one. */
    public static Optional<FeedPosition> parse(String text) {
        SortedMap<Integer, Long> offsets = new TreeMap<>();
        try {
            for (String part : text.strip().split(",")) {
                String[] partitionAndOffset = part.split(":");
                if (partitionAndOffset.length != 2) {
                    return Optional.empty();
                }
                int partition = Integer.parseInt(partitionAndOffset[0]);
                long offset = Long.parseLong(partitionAndOffset[1]);
                if (partition < 0 || offset < 0 || offsets.put(partition, offset) != null) {
                    return Optional.empty();
                }
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.of(new FeedPosition(offsets));
    }

    /** Whether the event at {@code offset} of {@code partition} is still ahead of this position. */
    public boolean hasNotPassed(int partition, long offset) {
        return offset >= nextOffsets.getOrDefault(partition, 0L);
    }

    @Override
    public String toString() {
        return nextOffsets.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(","));
    }
}
