package uk.gov.dps.monitoring.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.messaging.feed.TopicFeed;
import uk.gov.dps.messaging.feed.TopicFeedStart;

/** The quality feed is live once its position on every partition of dps.quality is fixed (see TopicFeedStart). */
@ApplicationScoped
@Identifier("quality-feed")
public class QualityFeedPosition extends TopicFeedStart {

    @Inject
    QualityFeed feed;

    @Override
    protected TopicFeed feed() {
        return feed.feed();
    }
}
