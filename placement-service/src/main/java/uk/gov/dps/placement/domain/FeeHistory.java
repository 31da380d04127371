package uk.gov.dps.placement.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Every weekly fee a placement has had: the one agreed at award, then each change from its effective date. */
public final class FeeHistory {

    public static final String AGREED_AT_AWARD = "Agreed at award";

    /** @param requestId the provider's accepted request, or null (the award, or a change by the council) */
    public record Entry(LocalDate effectiveFrom, Fee fee, String reason, UUID requestId) {
    }

    private FeeHistory() {
    }

    /** @param changes the placement's fee changes in effective order (effectiveFrom, then as recorded) */
    public static List<Entry> of(Placement placement, List<FeeChange> changes) {
        List<Entry> entries = new ArrayList<>(changes.size() + 1);
        entries.add(new Entry(placement.startDate != null ? placement.startDate : placement.plannedStart,
                placement.fee, AGREED_AT_AWARD, null));
        changes.forEach(c -> entries.add(new Entry(c.effectiveFrom, c.fee, c.reason, c.requestId)));
        return entries;
    }

    /** The fee in force on {@code day}: the last change effective by then, else the fee agreed at award. */
    public static Fee inForce(Placement placement, List<FeeChange> changes, LocalDate day) {
        Fee fee = placement.fee;
        for (FeeChange change : changes) {
            if (!change.effectiveFrom.isAfter(day)) {
                fee = change.fee;
            }
        }
        return fee;
    }
}
