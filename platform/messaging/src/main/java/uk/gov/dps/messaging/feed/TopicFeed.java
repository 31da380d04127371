package uk.gov.dps.messaging.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.MultiEmitter;
import uk.gov.dps.events.EventJson;
import uk.gov.dps.messaging.IncomingEvent;
import uk.gov.dps.messaging.PoisonEventException;

/**
 * A live feed of one topic's events, as committed: the service reads the topic in a consumer group of its own per
 * instance (so every instance sees every event, wherever it was published) starting from the end of the topic, hands
 * each record to {@link #relay}, and this passes it on to the open feeds. Each event carries the feed's
 * {@link FeedPosition} just after it; a client that reconnects with that position first gets, read back from the
 * topic, what it missed, then the live events, none twice. Shared by contract-monitoring-service's quality feed and
 * provider-service's vacancy feed: each wires its own channel ({@code auto.offset.reset=latest}, no commits) and a
 * {@link TopicFeedStart} rebalance listener to it.
 */
public class TopicFeed {

    private static final Logger LOG = Logger.getLogger(TopicFeed.class);

    /**
     * One event as the feed shows it; {@code payload} is exactly the published payload, {@code position} the feed's
     * position just after it (its partition and offset passed).
     */
    public record FeedEvent(String id, String type, UUID providerId, Instant time, JsonNode payload, int partition,
            long offset, FeedPosition position) {
    }

    private final String topic;
    private final String bootstrapServers;
    private final int bufferPerClient;

    /** {@code bufferPerClient}: events a slow client may fall behind by before its stream is closed. */
    public TopicFeed(String topic, String bootstrapServers, int bufferPerClient) {
        this.topic = topic;
        this.bootstrapServers = bootstrapServers;
        this.bufferPerClient = bufferPerClient;
    }

    private final BroadcastProcessor<FeedEvent> events = BroadcastProcessor.create();
    /** Guards {@link #next}: an event is broadcast, and a feed subscribes, under it, so none falls in between. */
    private final Object positionLock = new Object();
    private final Map<Integer, Long> next = new HashMap<>();
    private volatile boolean live;

    /** Passes one record of the topic, as the service's channel received it, on to the open feeds. */
    public void relay(ConsumerRecord<String, String> record) {
        synchronized (positionLock) {
            next.put(record.partition(), record.offset() + 1);
            FeedPosition position = FeedPosition.of(next);
            try {
                IncomingEvent event = IncomingEvent.from(record);
                events.onNext(feedEvent(event, record, position));
            } catch (PoisonEventException | JsonProcessingException e) {
                // the feed only relays; consumers that act on events dead-letter what they cannot read
                LOG.warnf("Not relaying %s@%d on the live feed: %s", record.topic(), record.offset(), e.getMessage());
            }
        }
    }

    /**
     * The events after {@code after} (read back from the topic; all of the topic's retained events from a partition
     * the position does not name), then every event committed from now on. Without a position: from now on.
     */
    public Multi<FeedEvent> events(Optional<FeedPosition> after) {
        return Multi.createFrom().<FeedEvent>emitter(emitter -> {
            Catchup catchup = new Catchup(emitter, after);
            FeedPosition upTo;
            Cancellable liveEvents;
            synchronized (positionLock) {
                upTo = FeedPosition.of(next);
                liveEvents = events.subscribe().with(catchup::live, emitter::fail, emitter::complete);
            }
            emitter.onTermination(() -> {
                catchup.stop();
                liveEvents.cancel();
            });
            after.ifPresent(from -> Infrastructure.getDefaultWorkerPool().execute(() -> catchup.replay(from, upTo)));
        }, bufferPerClient);
    }

    /** True once this instance reads the topic, so an event committed from now on reaches the feeds. */
    public boolean isLive() {
        return live;
    }

    public void setLive(boolean live) {
        this.live = live;
    }

    /** Where the feed starts reading each newly assigned partition (the end of the topic at that moment). */
    public void startsAt(Map<Integer, Long> positions) {
        synchronized (positionLock) {
            positions.forEach(next::putIfAbsent);
        }
    }

    /** One client's feed: after a reconnection, what it missed is replayed while the live events wait their turn. */
    private final class Catchup {

        private final MultiEmitter<? super FeedEvent> emitter;
        private final Optional<FeedPosition> after;
        private final Queue<FeedEvent> heldBack = new ArrayDeque<>();
        private final AtomicBoolean stopped = new AtomicBoolean();
        private boolean replaying;

        Catchup(MultiEmitter<? super FeedEvent> emitter, Optional<FeedPosition> after) {
            this.emitter = emitter;
            this.after = after;
            this.replaying = after.isPresent();
        }

        synchronized void live(FeedEvent event) {
            if (after.isPresent() && !after.get().hasNotPassed(event.partition(), event.offset())) {
                return; // the client had it already (from an instance further on)
            }
            if (replaying) {
                heldBack.add(event);
            } else {
                emitter.emit(event);
            }
        }

        void stop() {
            stopped.set(true);
        }

        /** Reads [from, upTo) of every partition, at the client's pace, then lets the live events through. */
        void replay(FeedPosition from, FeedPosition upTo) {
            Map<Integer, Long> progress = new HashMap<>(from.nextOffsets());
            upTo.nextOffsets().keySet().forEach(p -> progress.putIfAbsent(p, 0L));
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(replayConsumerConfig())) {
                List<TopicPartition> partitions = upTo.nextOffsets().keySet().stream()
                        .map(p -> new TopicPartition(topic, p)).toList();
                consumer.assign(partitions);
                partitions.forEach(p -> consumer.seek(p, progress.get(p.partition())));
                while (!stopped.get() && !caughtUp(consumer, partitions, upTo)) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        if (upTo.hasNotPassed(record.partition(), record.offset())) {
                            continue; // the live events bring it
                        }
                        progress.put(record.partition(), record.offset() + 1);
                        awaitDemand();
                        emitReplayed(record, FeedPosition.of(progress));
                    }
                }
            } catch (RuntimeException e) {
                LOG.warnf("Could not replay the live feed of %s from %s: %s", topic, from, e.getMessage());
                emitter.fail(e);
                return;
            }
            synchronized (this) {
                heldBack.forEach(emitter::emit);
                heldBack.clear();
                replaying = false;
            }
        }

        private void emitReplayed(ConsumerRecord<String, String> record, FeedPosition position) {
            try {
                emitter.emit(feedEvent(IncomingEvent.from(record), record, position));
            } catch (PoisonEventException | JsonProcessingException e) {
                LOG.warnf("Not replaying %s@%d on the live feed: %s", record.topic(), record.offset(), e.getMessage());
            }
        }

        /** The client's stream asks for one event at a time, as each is written: wait briefly for the next ask. */
        private void awaitDemand() {
            while (emitter.requested() == 0 && !stopped.get()) {
                LockSupport.parkNanos(100_000);
            }
        }

        private static boolean caughtUp(KafkaConsumer<String, String> consumer, Collection<TopicPartition> partitions,
                FeedPosition upTo) {
            return partitions.stream().allMatch(p -> consumer.position(p) >= upTo.nextOffsets().get(p.partition()));
        }
    }

    private Properties replayConsumerConfig() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // a position older than the topic's retention starts at the oldest event still kept
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return props;
    }

    private static FeedEvent feedEvent(IncomingEvent event, ConsumerRecord<String, String> record,
            FeedPosition position) throws JsonProcessingException {
        return new FeedEvent(event.id(), event.type(), providerId(event), event.time(),
                EventJson.mapper().readTree(event.payload()), record.partition(), record.offset(), position);
    }

    private static UUID providerId(IncomingEvent event) {
        try {
            return event.subject() == null ? null : UUID.fromString(event.subject());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
