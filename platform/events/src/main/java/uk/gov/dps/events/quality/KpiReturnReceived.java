package uk.gov.dps.events.quality;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** {@code dps.quality.kpi-return-received.v1}: a provider's quarterly KPI return. */
public record KpiReturnReceived(UUID returnId, UUID providerId, String quarter, BigDecimal occupancyPercent,
        BigDecimal staffTurnoverPercent, int incidents, int missingEpisodes, BigDecimal educationAttendancePercent,
        int complaints, Instant receivedAt) {
}
