package uk.gov.dps.placement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import uk.gov.dps.placement.domain.FundingShares.Share;
import uk.gov.dps.placement.domain.FundingShares.Stream;

class PlacementRulesTest {

    @Test
    void fundingSharesMustAddUpToExactlyOneHundredPercent() {
        assertThat(FundingShares.problem(List.of(new Share(Stream.HIGH_NEEDS_BLOCK, new BigDecimal("60")),
                new Share(Stream.LAC_PLACEMENTS, new BigDecimal("40"))))).isEmpty();
        assertThat(FundingShares.problem(List.of(new Share(Stream.HIGH_NEEDS_BLOCK, new BigDecimal("33.33")),
                new Share(Stream.LAC_PLACEMENTS, new BigDecimal("33.33")), new Share(Stream.HEALTH,
                        new BigDecimal("33.34"))))).isEmpty();
        assertThat(FundingShares.problem(List.of(new Share(Stream.HIGH_NEEDS_BLOCK, new BigDecimal("60")),
                new Share(Stream.LAC_PLACEMENTS, new BigDecimal("30"))))).contains("shares add up to 90%, not 100%");
        assertThat(FundingShares.problem(List.of(new Share(Stream.HEALTH, new BigDecimal("100")),
                new Share(Stream.HEALTH, new BigDecimal("0.00"))))).get().asString().contains("more than 0");
        assertThat(FundingShares.problem(List.of(new Share(Stream.HEALTH, new BigDecimal("50")),
                new Share(Stream.HEALTH, new BigDecimal("50"))))).contains("HEALTH appears twice");
        assertThat(FundingShares.problem(List.of())).isPresent();
    }

    @Test
    void thePanelApprovesSpecialSchoolsAndCostlyPlacements() {
        BigDecimal threshold = new BigDecimal("4000.00");
        assertThat(PanelRule.reasons("RESIDENTIAL", new BigDecimal("2531.00"), threshold, null)).isEmpty();
        assertThat(PanelRule.reasons("RESIDENTIAL", new BigDecimal("4000.00"), threshold, null)).isEmpty();
        assertThat(PanelRule.reasons("RESIDENTIAL", new BigDecimal("5600.00"), threshold, null))
                .containsExactly("A weekly cost of £5600.00 is above the panel threshold of £4000.00");
        assertThat(PanelRule.reasons("SPECIAL_SCHOOL", new BigDecimal("900.00"), threshold, null))
                .containsExactly("A special-school placement without a recorded parental preference");
        assertThat(PanelRule.reasons("SPECIAL_SCHOOL", new BigDecimal("4500.00"), threshold, null)).hasSize(2);
        // a special school named by the parents' preference has the preference as its basis, not the panel
        assertThat(PanelRule.reasons("SPECIAL_SCHOOL", new BigDecimal("900.00"), threshold,
                new ParentalPreference("Fenland School", ParentalPreference.Basis.TRIBUNAL_ORDER))).isEmpty();
    }

    @Test
    void offersAreRankedByWeightedPriceQualityAndNeedsWithInadequateExcluded() {
        var cheapGood = new OfferEvaluation.Candidate(UUID.randomUUID(), UUID.randomUUID(), "Cheap Good", new BigDecimal(
                "2000.00"), "GOOD", Set.of("AUTISM"));
        var dearOutstanding = new OfferEvaluation.Candidate(UUID.randomUUID(), UUID.randomUUID(), "Dear Outstanding",
                new BigDecimal("2500.00"), "OUTSTANDING", Set.of("AUTISM", "MEDICAL"));
        var inadequate = new OfferEvaluation.Candidate(UUID.randomUUID(), UUID.randomUUID(), "Cheapest Inadequate",
                new BigDecimal("1500.00"), "INADEQUATE", Set.of("AUTISM", "MEDICAL"));

        var ranked = OfferEvaluation.rank(List.of(dearOutstanding, inadequate, cheapGood), Set.of("AUTISM", "MEDICAL"),
                new OfferEvaluation.Weights(60, 30, 10));

        // Cheap Good: price 100 × 60% + quality 75 × 30% + needs 50 × 10% = 60 + 22.5 + 5 = 87.50
        // Dear Outstanding: price 2000/2500 = 80 × 60% + 100 × 30% + 100 × 10% = 48 + 30 + 10 = 88.00
        assertThat(ranked).extracting(r -> r.candidate().providerName())
                .containsExactly("Dear Outstanding", "Cheap Good", "Cheapest Inadequate");
        assertThat(ranked.get(0).score()).isEqualByComparingTo("88.00");
        assertThat(ranked.get(1).score()).isEqualByComparingTo("87.50");
        assertThat(ranked.get(0).rank()).isEqualTo(1);
        // the Inadequate provider's lower price does not set the price benchmark
        assertThat(ranked.get(1).priceScore()).isEqualByComparingTo("100.00");
        assertThat(ranked.get(2).excluded()).isTrue();
        assertThat(ranked.get(2).reasons()).first().asString().contains("Inadequate");
        assertThat(ranked.get(0).reasons()).anyMatch(r -> r.contains("Meets 2 of 2 needs"));
    }
}
