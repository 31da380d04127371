package uk.gov.dps.events.placement;

import java.time.LocalDate;
import java.util.UUID;

/** {@code dps.exemption.expiring.v1}: an exemption to buy off the DPS ends soon; renew it or stop using it. */
public record ExemptionExpiring(UUID exemptionId, String council, String serviceType, String reason,
        String contractBasis, LocalDate validUntil, int daysLeft) {
}
