package uk.gov.dps.events.lot;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** {@code dps.purchasing-system.established.v1}: a council established a DPS (or dynamic market). */
public record PurchasingSystemEstablished(
        UUID dpsId,
        String reference,
        String title,
        String regime,
        List<String> councils,
        LocalDate validFrom,
        LocalDate validTo) {
}
