package uk.gov.dps.placement.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Ranks a call-off's offers by a transparent price/quality score, and says why.
 * <ul>
 * <li>Gateway: a provider whose latest Ofsted (or CQC) judgement is Inadequate is excluded.</li>
 * <li>Price: the lowest weekly cost among eligible offers scores 100; others score lowest ÷ theirs × 100.</li>
 * <li>Quality: the latest judgement's points (Outstanding 100, Good 75, Requires improvement 40, none yet 50).</li>
 * <li>Needs: the share of the child's needs the offer says it meets, × 100 (100 when the referral lists none).</li>
 * </ul>
 * The total is the weighted sum (weights in percent, adding up to 100), to two decimals.
 */
public final class OfferEvaluation {

    public record Weights(int price, int quality, int needs) {
        public Weights {
            if (price < 0 || quality < 0 || needs < 0 || price + quality + needs != 100) {
                throw new IllegalArgumentException("evaluation weights must be non-negative and add up to 100");
            }
        }
    }

    public record Candidate(UUID offerId, UUID providerId, String providerName, BigDecimal weeklyTotal,
            String latestJudgement, Set<String> needsMet) {
    }

    public record Ranked(int rank, Candidate candidate, boolean excluded, BigDecimal priceScore,
            BigDecimal qualityScore, BigDecimal needsScore, BigDecimal score, List<String> reasons) {
    }

    private static final Map<String, Integer> QUALITY_POINTS = Map.of("OUTSTANDING", 100, "GOOD", 75,
            "REQUIRES_IMPROVEMENT_TO_BE_GOOD", 40);
    private static final int NOT_YET_JUDGED_POINTS = 50;
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private OfferEvaluation() {
    }

    public static List<Ranked> rank(List<Candidate> offers, Set<String> childNeeds, Weights weights) {
        List<Candidate> eligible = offers.stream().filter(c -> !"INADEQUATE".equals(c.latestJudgement())).toList();
        BigDecimal lowest = eligible.stream().map(Candidate::weeklyTotal).min(Comparator.naturalOrder())
                .orElse(BigDecimal.ZERO);

        List<Ranked> scored = new ArrayList<>();
        for (Candidate c : eligible) {
            BigDecimal price = c.weeklyTotal().signum() == 0 ? HUNDRED
                    : lowest.multiply(HUNDRED).divide(c.weeklyTotal(), 2, RoundingMode.HALF_UP);
            int qualityPoints = c.latestJudgement() == null ? NOT_YET_JUDGED_POINTS
                    : QUALITY_POINTS.getOrDefault(c.latestJudgement(), NOT_YET_JUDGED_POINTS);
            BigDecimal quality = BigDecimal.valueOf(qualityPoints).setScale(2);
            long met = childNeeds.stream().filter(c.needsMet()::contains).count();
            BigDecimal needs = childNeeds.isEmpty() ? HUNDRED.setScale(2)
                    : BigDecimal.valueOf(met * 100).divide(BigDecimal.valueOf(childNeeds.size()), 2, RoundingMode.HALF_UP);
            BigDecimal score = weighted(price, weights.price()).add(weighted(quality, weights.quality()))
                    .add(weighted(needs, weights.needs())).setScale(2, RoundingMode.HALF_UP);
            List<String> reasons = List.of(
                    "Weekly cost £" + c.weeklyTotal().toPlainString() + " against lowest £" + lowest.toPlainString()
                            + ": price score " + price.toPlainString() + " × " + weights.price() + "%",
                    "Latest judgement " + (c.latestJudgement() == null ? "none recorded" : c.latestJudgement())
                            + ": quality score " + quality.toPlainString() + " × " + weights.quality() + "%",
                    "Meets " + met + " of " + childNeeds.size() + " needs: needs score " + needs.toPlainString() + " × "
                            + weights.needs() + "%");
            scored.add(new Ranked(0, c, false, price, quality, needs, score, reasons));
        }
        scored.sort(Comparator.comparing(Ranked::score).reversed()
                .thenComparing(r -> r.candidate().weeklyTotal())
                .thenComparing(r -> r.candidate().providerName()));

        List<Ranked> ranked = new ArrayList<>();
        for (int i = 0; i < scored.size(); i++) {
            Ranked r = scored.get(i);
            ranked.add(new Ranked(i + 1, r.candidate(), false, r.priceScore(), r.qualityScore(), r.needsScore(),
                    r.score(), r.reasons()));
        }
        offers.stream().filter(c -> "INADEQUATE".equals(c.latestJudgement()))
                .forEach(c -> ranked.add(new Ranked(0, c, true, null, null, null, null,
                        List.of("Excluded: latest judgement is Inadequate (quality gateway)"))));
        return ranked;
    }

    private static BigDecimal weighted(BigDecimal score, int weightPercent) {
        return score.multiply(BigDecimal.valueOf(weightPercent)).divide(HUNDRED, 4, RoundingMode.HALF_UP);
    }
}
