package uk.gov.dps.messaging.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The feed's event ids, as a client sends them back in Last-Event-ID. */
class FeedPositionTest {

    @Test
    void aPositionReadsBackAsWritten() {
        FeedPosition position = FeedPosition.of(Map.of(2, 30L, 0, 17L, 1, 9L));
        assertThat(position.toString()).isEqualTo("0:17,1:9,2:30");
        assertThat(FeedPosition.parse(position.toString())).contains(position);
    }

    @Test
    void anythingElseIsNotAPosition() {
        for (String text : new String[] {"", "yesterday", "0:17,,1:9", "0:17,0:18", "-1:4", "0:-4", "0:1:2", "0:x"}) {
            assertThat(FeedPosition.parse(text)).as(text).isEmpty();
        }
    }

    @Test
    void anEventIsAheadOfAPositionFromItsNextOffsetOnAndOnPartitionsItDoesNotName() {
        FeedPosition position = FeedPosition.of(Map.of(0, 17L));
        assertThat(position.hasNotPassed(0, 16)).isFalse();
        assertThat(position.hasNotPassed(0, 17)).isTrue();
        assertThat(position.hasNotPassed(1, 0)).isTrue();
    }
}
