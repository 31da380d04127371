package uk.gov.dps.events.spend;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The whole state of a provider's invoice for one placement and period after it was submitted, approved or disputed
 * ({@code dps.spend.invoice-submitted.v1}, {@code -approved.v1}, {@code -disputed.v1}). {@code expectedAmount} is
 * what the agreement implies for the period; {@code flagged} says the invoice differs from it.
 */
public record InvoiceSnapshot(UUID invoiceId, String invoiceNumber, UUID placementId, UUID providerId, String council,
        LocalDate periodFrom, LocalDate periodTo, BigDecimal amount, BigDecimal expectedAmount, boolean flagged,
        String status, String reason, Instant changedAt) {
}
