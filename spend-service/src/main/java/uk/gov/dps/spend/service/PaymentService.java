package uk.gov.dps.spend.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.spend.PaymentRecorded;
import uk.gov.dps.messaging.Outbox;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.ProblemException;
import uk.gov.dps.spend.config.SpendConfig;
import uk.gov.dps.spend.domain.FundingStream;
import uk.gov.dps.spend.domain.Invoice;
import uk.gov.dps.spend.domain.Money;
import uk.gov.dps.spend.domain.Payment;
import uk.gov.dps.spend.domain.TrackedPlacement;

/**
 * Payments of approved invoices, by a finance officer or the council's finance system. The council's payment
 * reference is the idempotency key: the same reference for the same invoice and day answers the payment already
 * recorded and records nothing; the same reference for anything else is refused. Each payment is split between the
 * placement's funders to the penny and published as {@code dps.spend.payment-recorded.v1} through the outbox.
 */
@ApplicationScoped
public class PaymentService {

    /** Advisory lock namespace for payment references ("PAY"): one writer per council and reference at a time. */
    private static final int REFERENCE_LOCK = 0x504159;

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    @Inject
    AlertService alerts;

    @Inject
    Positions positions;

    @Inject
    SpendConfig config;

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    public record PaymentRequest(UUID invoiceId, LocalDate paidOn, String paymentReference) {
    }

    /** @param replayed true when the reference was already recorded: nothing new was recorded */
    public record Recorded(Payment payment, Invoice invoice, boolean replayed) {
    }

    @Transactional
    public Recorded record(PaymentRequest request, Payment.Source source) {
        String council = caller.requirePartnerCouncil();
        String reference = request.paymentReference().strip();
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(?1, hashtext(?2))) AS locked")
                .setParameter(1, REFERENCE_LOCK).setParameter(2, council + "|" + reference).getSingleResult();
        Optional<Payment> earlier = Payment.<Payment>find("council = ?1 and paymentReference = ?2", council, reference)
                .firstResultOptional();
        if (earlier.isPresent()) {
            Payment payment = earlier.get();
            if (!payment.invoiceId.equals(request.invoiceId()) || !payment.paidOn.equals(request.paidOn())) {
                throw ProblemException.conflict("Payment reference " + reference + " already recorded a payment of "
                        + "invoice " + payment.invoiceId + " on " + payment.paidOn + ".");
            }
            return new Recorded(payment, Invoice.findById(payment.invoiceId), true);
        }
        Invoice invoice = Invoice.<Invoice>findByIdOptional(request.invoiceId(), LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Invoice", request.invoiceId()));
        caller.requireCouncil(invoice.council);
        if (invoice.status == Invoice.Status.PAID) {
            Payment paid = Payment.find("invoiceId", invoice.id).firstResult();
            throw ProblemException.conflict("Invoice " + invoice.invoiceNumber + " was already paid on "
                    + paid.paidOn + " (reference " + paid.paymentReference + ").");
        }
        if (invoice.status != Invoice.Status.APPROVED) {
            throw ProblemException.conflict("Invoice " + invoice.invoiceNumber + " is " + invoice.status
                    + ": only an approved invoice can be paid.");
        }
        if (request.paidOn().isAfter(positions.today())) {
            throw ProblemException.badRequest("paidOn", "must not be in the future: record a payment once made");
        }
        if (request.paidOn().isBefore(invoice.receivedOn)) {
            throw ProblemException.unprocessable("Invoice " + invoice.invoiceNumber + " was received on "
                    + invoice.receivedOn + ", after the payment date " + request.paidOn() + ".");
        }
        TrackedPlacement placement = TrackedPlacement.findById(invoice.placementId);
        Map<FundingStream, Long> shares = placement.split().allocateByStream(invoice.amountPence);

        Payment payment = new Payment();
        payment.id = UUID.randomUUID();
        payment.invoiceId = invoice.id;
        payment.council = invoice.council;
        payment.placementId = invoice.placementId;
        payment.providerId = invoice.providerId;
        payment.amountPence = invoice.amountPence;
        payment.shares = Invoice.byName(shares);
        payment.icbCode = shares.getOrDefault(FundingStream.HEALTH, 0L) > 0 ? icb(invoice.council).code() : null;
        payment.paidOn = request.paidOn();
        payment.paymentReference = reference;
        payment.source = source;
        payment.recordedAt = clock.instant();
        payment.recordedBy = caller.name();
        payment.persist();
        invoice.status = Invoice.Status.PAID;
        outbox.publish(EventCatalog.PAYMENT_RECORDED, invoice.placementId, event(payment, invoice));
        em.flush(); // positions read the invoice tables with SQL
        alerts.check(InvoiceService.affected(invoice));
        return new Recorded(payment, invoice, false);
    }

    /** A payment of the caller's council: 404 unknown, 403 another council's. */
    public Recorded get(UUID id) {
        Payment payment = Payment.<Payment>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Payment", id));
        caller.requireCouncil(payment.council);
        return new Recorded(payment, Invoice.findById(payment.invoiceId), false);
    }

    public List<Recorded> list(PageRequest page) {
        String council = caller.requirePartnerCouncil();
        List<Recorded> recorded = new ArrayList<>();
        List<Payment> payments = Payment.<Payment>find("council", Sort.descending("paidOn").and("id"), council)
                .range(page.first(), page.last()).list();
        Map<UUID, Invoice> invoices = new java.util.HashMap<>();
        if (!payments.isEmpty()) {
            Invoice.<Invoice>list("id in ?1", payments.stream().map(p -> p.invoiceId).toList())
                    .forEach(i -> invoices.put(i.id, i));
        }
        payments.forEach(p -> recorded.add(new Recorded(p, invoices.get(p.invoiceId), false)));
        return recorded;
    }

    public SpendConfig.Icb icb(String council) {
        SpendConfig.Icb icb = config.icbs().get(council);
        if (icb == null) {
            throw new IllegalStateException("no ICB configured for " + council + " (dps.spend.icbs." + council + ")");
        }
        return icb;
    }

    static PaymentRecorded event(Payment p, Invoice invoice) {
        List<PaymentRecorded.StreamAmount> shares = new ArrayList<>();
        for (FundingStream stream : FundingStream.values()) {
            Long pence = p.shares.get(stream.name());
            if (pence != null) {
                shares.add(new PaymentRecorded.StreamAmount(stream.name(), Money.pounds(pence)));
            }
        }
        return new PaymentRecorded(p.id, p.invoiceId, invoice.invoiceNumber, p.placementId, p.providerId, p.council,
                Money.pounds(p.amountPence), invoice.receivedOn, p.paidOn, p.paymentReference, p.source.name(), shares,
                p.recordedAt);
    }
}
