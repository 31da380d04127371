package uk.gov.dps.events.spend;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code dps.spend.payment-recorded.v1}: a council paid an approved invoice, recorded by a finance officer or by the
 * council's finance system. {@code shares} splits the amount by funding stream as the placement's commitment is
 * split (the HEALTH share is recharged to the ICB).
 */
public record PaymentRecorded(UUID paymentId, UUID invoiceId, String invoiceNumber, UUID placementId, UUID providerId,
        String council, BigDecimal amount, LocalDate invoiceReceivedOn, LocalDate paidOn, String paymentReference,
        String source, List<StreamAmount> shares, Instant recordedAt) {

    /** One funding stream's part of a payment, in pounds. */
    public record StreamAmount(String stream, BigDecimal amount) {
    }
}
