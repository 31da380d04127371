package uk.gov.dps.notification.webhook.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import uk.gov.dps.events.EventJson;
import uk.gov.dps.events.Topics;
import uk.gov.dps.events.lot.LotSnapshot;
import uk.gov.dps.events.placement.OfferDeclined;
import uk.gov.dps.events.placement.PlacementStarted;
import uk.gov.dps.events.provider.ProviderSuspended;
import uk.gov.dps.events.quality.ConcernRaised;
import uk.gov.dps.events.spend.ThresholdCrossed;

class WebhookRoutingTest {

    private static final Function<UUID, Optional<String>> NO_REFERRALS = id -> Optional.empty();

    @Test
    void aPlacementGoesOnlyToItsOwnCouncil() {
        WebhookRouting.Audience audience = WebhookRouting.audience(Topics.PLACEMENTS, json(new PlacementStarted(
                UUID.randomUUID(), "cambridgeshire", UUID.randomUUID(), LocalDate.parse("2018-11-05"))), NO_REFERRALS);

        assertThat(audience.includes("cambridgeshire")).isTrue();
        assertThat(audience.includes("peterborough")).isFalse();
    }

    @Test
    void aSpendAlertGoesOnlyToItsOwnCouncil() {
        WebhookRouting.Audience audience = WebhookRouting.audience(Topics.SPEND, json(new ThresholdCrossed(
                UUID.randomUUID(), "peterborough", "BUDGET", UUID.randomUUID(), "LAC 2018/19", 2018, 90,
                new BigDecimal("91000"), new BigDecimal("100000"), Instant.parse("2018-10-09T09:00:00Z"))),
                NO_REFERRALS);

        assertThat(audience).isEqualTo(new WebhookRouting.Councils(java.util.Set.of("peterborough")));
    }

    @Test
    void aLotGoesToTheCouncilsItListsOnly() {
        WebhookRouting.Audience audience = WebhookRouting.audience(Topics.LOTS, json(new LotSnapshot(UUID.randomUUID(),
                UUID.randomUUID(), "DPS-1", "RES", "Residential", "RESIDENTIAL", List.of("WEEKS_52"), List.of(),
                List.of(), false, true, List.of("cambridgeshire", "peterborough"), LocalDate.parse("2018-11-01"),
                LocalDate.parse("2022-10-31"))), NO_REFERRALS);

        assertThat(audience.includes("cambridgeshire")).isTrue();
        assertThat(audience.includes("peterborough")).isTrue();
        assertThat(audience.includes("essex")).isFalse();
    }

    @Test
    void providerAndQualityEventsAreTheSharedMarketAndGoToEveryPartner() {
        JsonNode suspended = json(new ProviderSuspended(UUID.randomUUID(), List.of(UUID.randomUUID()), "Inadequate",
                true, Instant.parse("2018-10-09T09:00:00Z")));
        // a concern names the council that raised it, but partners share quality monitoring on purpose
        JsonNode concern = json(new ConcernRaised(UUID.randomUUID(), UUID.randomUUID(), "HIGH", "Staffing",
                "essex", Instant.parse("2018-10-09T09:00:00Z")));

        assertThat(WebhookRouting.audience(Topics.PROVIDERS, suspended, NO_REFERRALS))
                .isEqualTo(new WebhookRouting.EveryPartner());
        assertThat(WebhookRouting.audience(Topics.QUALITY, concern, NO_REFERRALS).includes("thurrock")).isTrue();
    }

    @Test
    void anOfferGoesToTheCouncilThatRaisedItsReferralAndToNobodyWhileThatIsUnknown() {
        UUID referral = UUID.randomUUID();
        JsonNode declined = json(new OfferDeclined(referral, UUID.randomUUID(), "NO_VACANCY", null,
                Instant.parse("2018-10-09T09:00:00Z")));

        WebhookRouting.Audience known = WebhookRouting.audience(Topics.PLACEMENTS, declined,
                id -> Optional.ofNullable(Map.of(referral, "suffolk").get(id)));
        WebhookRouting.Audience unknown = WebhookRouting.audience(Topics.PLACEMENTS, declined, NO_REFERRALS);

        assertThat(known.includes("suffolk")).isTrue();
        assertThat(known.includes("cambridgeshire")).isFalse();
        assertThat(unknown.includes("suffolk")).isFalse();
        assertThat(unknown.includes("cambridgeshire")).isFalse();
    }

    @Test
    void anEventOnACouncilsOwnTopicThatNamesNoCouncilGoesToNobody() {
        JsonNode unnamed = EventJson.mapper().createObjectNode().put("placementId", UUID.randomUUID().toString());

        assertThat(WebhookRouting.audience(Topics.PLACEMENTS, unnamed, NO_REFERRALS).includes("cambridgeshire"))
                .isFalse();
        assertThat(WebhookRouting.audience(Topics.SPEND, unnamed, NO_REFERRALS).includes("cambridgeshire")).isFalse();
    }

    private static JsonNode json(Record payload) {
        return EventJson.mapper().valueToTree(payload);
    }
}
