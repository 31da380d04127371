package uk.gov.dps.spend.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.gov.dps.spend.domain.FundingStream.HEALTH;
import static uk.gov.dps.spend.domain.FundingStream.HIGH_NEEDS_BLOCK;
import static uk.gov.dps.spend.domain.FundingStream.LAC_PLACEMENTS;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

class FundingSplitTest {

    private static FundingSplit split(String hnb, String lac, String health) {
        Map<FundingStream, BigDecimal> shares = new java.util.EnumMap<>(FundingStream.class);
        if (hnb != null) {
            shares.put(HIGH_NEEDS_BLOCK, new BigDecimal(hnb));
        }
        if (lac != null) {
            shares.put(LAC_PLACEMENTS, new BigDecimal(lac));
        }
        if (health != null) {
            shares.put(HEALTH, new BigDecimal(health));
        }
        return FundingSplit.ofPercentages(shares);
    }

    @Test
    void sixtyFortySplitsExactly() {
        // £53,151.00 = 21 weeks at £2,531: 60% is £31,890.60, 40% is £21,260.40
        assertThat(split("60", "40", null).allocateByStream(5_315_100))
                .containsEntry(HIGH_NEEDS_BLOCK, 3_189_060L).containsEntry(LAC_PLACEMENTS, 2_126_040L);
    }

    @Test
    void leftOverPenceGoToTheLargestRemaindersAndThePartsAlwaysAddUp() {
        // 528,571p in thirds (33.33 / 33.33 / 33.34): exact 176,172.7143 / 176,172.7143 / 176,225.5714.
        // Floors add up to 528,569; the 2 pence left go to the largest remainders (.7143, .7143).
        assertThat(split("33.33", "33.33", "33.34").allocateByStream(528_571))
                .containsEntry(HIGH_NEEDS_BLOCK, 176_173L).containsEntry(LAC_PLACEMENTS, 176_173L)
                .containsEntry(HEALTH, 176_225L);
        // one penny between two equal halves: the tie goes by stream order, never lost or doubled
        assertThat(split("50", "50", null).allocateByStream(1)).containsEntry(HIGH_NEEDS_BLOCK, 1L)
                .containsEntry(LAC_PLACEMENTS, 0L);
        FundingSplit awkward = split("12.34", "56.78", "30.88");
        LongStream.rangeClosed(0, 5_000).forEach(pence -> assertThat(LongStream.of(awkward.allocate(pence)).sum())
                .isEqualTo(pence));
    }

    @Test
    void sharesMustAddUpToAHundredWithAtMostTwoDecimals() {
        assertThatThrownBy(() -> split("60", "30", null)).hasMessageContaining("add up to 90.00%");
        assertThatThrownBy(() -> split("60.001", "39.999", null)).hasMessageContaining("two decimals");
        assertThatThrownBy(() -> split("100", "0", null)).hasMessageContaining("more than 0");
        assertThat(FundingSplit.whollyBy(LAC_PLACEMENTS).percentOf(LAC_PLACEMENTS)).isEqualByComparingTo("100");
    }
}
