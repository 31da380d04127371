package uk.gov.dps.events.lot;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The whole state of a lot after it was opened, closed or changed ({@code dps.lot.opened.v1},
 * {@code dps.lot.closed.v1}, {@code dps.lot.changed.v1}), with what consumers need of its DPS, so a consumer
 * keeps its copy from the latest event of each lot alone.
 */
public record LotSnapshot(
        UUID lotId,
        UUID dpsId,
        String dpsReference,
        String code,
        String name,
        String serviceType,
        List<String> placementPatterns,
        List<Category> categories,
        List<String> selectionCriteria,
        boolean tiered,
        boolean open,
        List<String> councils,
        LocalDate dpsValidFrom,
        LocalDate dpsValidTo) {

    /** A category inside a lot, e.g. {@code EMERGENCY} "Emergency (same day)". */
    public record Category(String code, String name) {
    }
}
