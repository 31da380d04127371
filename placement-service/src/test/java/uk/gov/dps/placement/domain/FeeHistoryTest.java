package uk.gov.dps.placement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class FeeHistoryTest {

    @Test
    void theFeeInForceIsTheLastChangeEffectiveByThatDayElseTheAwardedFee() {
        Placement placement = new Placement();
        placement.plannedStart = LocalDate.of(2018, 11, 5);
        placement.fee = fee("2531.00");
        UUID request = UUID.randomUUID();
        List<FeeChange> changes = List.of(change("2019-01-07", "2700.00", null),
                change("2019-04-01", "2781.00", request));

        assertThat(FeeHistory.inForce(placement, changes, LocalDate.of(2018, 10, 22)).total()).isEqualTo("2531.00");
        assertThat(FeeHistory.inForce(placement, changes, LocalDate.of(2019, 1, 7)).total()).isEqualTo("2700.00");
        assertThat(FeeHistory.inForce(placement, changes, LocalDate.of(2019, 3, 31)).total()).isEqualTo("2700.00");
        assertThat(FeeHistory.inForce(placement, changes, LocalDate.of(2019, 4, 1)).total()).isEqualTo("2781.00");

        // the award first, from the planned start until the placement has started, then each change
        assertThat(FeeHistory.of(placement, changes)).extracting(FeeHistory.Entry::effectiveFrom).containsExactly(
                LocalDate.of(2018, 11, 5), LocalDate.of(2019, 1, 7), LocalDate.of(2019, 4, 1));
        assertThat(FeeHistory.of(placement, changes)).extracting(FeeHistory.Entry::requestId)
                .containsExactly(null, null, request);
        placement.startDate = LocalDate.of(2018, 11, 12);
        assertThat(FeeHistory.of(placement, changes).get(0).effectiveFrom()).isEqualTo(LocalDate.of(2018, 11, 12));
        assertThat(FeeHistory.of(placement, List.of())).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo(FeeHistory.AGREED_AT_AWARD));
    }

    private static Fee fee(String core) {
        return Fee.of(new BigDecimal(core), null, null, null);
    }

    private static FeeChange change(String from, String core, UUID request) {
        FeeChange change = new FeeChange();
        change.effectiveFrom = LocalDate.parse(from);
        change.fee = fee(core);
        change.reason = "uplift";
        change.requestId = request;
        return change;
    }
}
