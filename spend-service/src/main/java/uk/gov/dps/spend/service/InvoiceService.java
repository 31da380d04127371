package uk.gov.dps.spend.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.EventType;
import uk.gov.dps.events.spend.InvoiceSnapshot;
import uk.gov.dps.messaging.Outbox;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.ProblemException;
import uk.gov.dps.runtime.Roles;
import uk.gov.dps.spend.domain.FinancialYear;
import uk.gov.dps.spend.domain.FundingStream;
import uk.gov.dps.spend.domain.Invoice;
import uk.gov.dps.spend.domain.Money;
import uk.gov.dps.spend.domain.PlacementTerms;
import uk.gov.dps.spend.domain.TermCalendar;
import uk.gov.dps.spend.domain.TrackedPlacement;

/**
 * Providers invoice their placements; each invoice is checked against the agreement on arrival, with the
 * commitment's own arithmetic ({@link PlacementTerms#commitmentBetween}); finance officers of the placement's council
 * approve or dispute it. Every change is published through the outbox (key: placement id) in its transaction.
 */
@ApplicationScoped
public class InvoiceService {

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    @Inject
    TermCalendar calendar;

    @Inject
    AlertService alerts;

    @Inject
    Positions positions;

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    public record NewInvoice(String invoiceNumber, UUID placementId, LocalDate periodFrom, LocalDate periodTo,
            long amountPence, LocalDate receivedOn) {
    }

    public record Filter(Optional<Invoice.Status> status, Optional<UUID> placementId, Optional<Boolean> flagged) {
    }

    @Transactional
    public Invoice submit(NewInvoice request) {
        UUID provider = caller.providerClaim()
                .orElseThrow(() -> ProblemException.forbidden("Only a provider's users submit invoices."));
        // locked: two invoices for the same placement are checked for overlap one after the other
        TrackedPlacement placement = TrackedPlacement.<TrackedPlacement>findByIdOptional(request.placementId(),
                LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> ProblemException.notFound("Placement",
                        request.placementId()));
        if (!provider.equals(placement.providerId)) {
            throw ProblemException.forbidden("Placement " + placement.id + " is not one of your organisation's.");
        }
        String number = request.invoiceNumber().strip();
        if (request.periodTo().isBefore(request.periodFrom())) {
            throw ProblemException.badRequest("periodTo", "must not be before periodFrom");
        }
        if (request.periodFrom().isBefore(placement.firstDay())
                || (placement.endDate != null && request.periodTo().isAfter(placement.endDate))) {
            throw ProblemException.unprocessable("The period " + request.periodFrom() + " to " + request.periodTo()
                    + " is not inside the placement, which runs from " + placement.firstDay()
                    + (placement.endDate == null ? " (open-ended)." : " to " + placement.endDate + "."));
        }
        FinancialYear year = FinancialYear.of(request.periodFrom());
        if (!year.contains(request.periodTo())) {
            throw ProblemException.unprocessable("An invoice covers one financial year at most: invoice "
                    + year.firstDay() + " to " + year.lastDay() + " and the days after separately.");
        }
        LocalDate today = positions.today();
        LocalDate receivedOn = request.receivedOn() != null ? request.receivedOn() : today;
        if (receivedOn.isAfter(today)) {
            throw ProblemException.badRequest("receivedOn", "must not be in the future");
        }
        if (Invoice.count("providerId = ?1 and invoiceNumber = ?2", provider, number) > 0) {
            throw ProblemException.conflict("Your organisation already submitted invoice " + number + ".");
        }
        List<Invoice> overlapping = Invoice.<Invoice>list("placementId = ?1 and status <> ?2 and periodFrom <= ?3 "
                + "and periodTo >= ?4", Sort.by("periodFrom"), placement.id, Invoice.Status.DISPUTED,
                request.periodTo(), request.periodFrom());
        if (!overlapping.isEmpty()) {
            Invoice earlier = overlapping.get(0);
            throw ProblemException.conflict("Invoice " + earlier.invoiceNumber + " already covers "
                    + earlier.periodFrom + " to " + earlier.periodTo + " of this placement.");
        }

        Map<FundingStream, Long> commitment = placement.terms().commitmentBetween(request.periodFrom(),
                request.periodTo(), calendar);
        long expected = commitment.values().stream().mapToLong(Long::longValue).sum();
        Invoice invoice = new Invoice();
        invoice.id = UUID.randomUUID();
        invoice.invoiceNumber = number;
        invoice.placementId = placement.id;
        invoice.providerId = provider;
        invoice.council = placement.council;
        invoice.financialYear = year.startYear();
        invoice.lotKey = placement.lotKey;
        invoice.providerKey = placement.providerKey;
        invoice.offContract = placement.offContract;
        invoice.periodFrom = request.periodFrom();
        invoice.periodTo = request.periodTo();
        invoice.amountPence = request.amountPence();
        invoice.expectedPence = expected;
        invoice.flagged = Invoice.mismatch(request.amountPence(), expected);
        invoice.amountShares = Invoice.byName(placement.split().allocateByStream(request.amountPence()));
        invoice.commitmentShares = Invoice.byName(commitment);
        invoice.status = Invoice.Status.SUBMITTED;
        invoice.receivedOn = receivedOn;
        invoice.submittedAt = clock.instant();
        invoice.submittedBy = caller.name();
        invoice.persist();
        publish(EventCatalog.INVOICE_SUBMITTED, invoice);
        em.flush(); // positions read the invoice tables with SQL
        // invoiced days leave the remaining commitment: the forecast moves by the difference
        alerts.check(affected(invoice));
        return invoice;
    }

    /** Approves a submitted invoice; one flagged as differing from the agreement needs a reason. */
    @Transactional
    public Invoice approve(UUID id, String reason) {
        Invoice invoice = toDecide(id);
        if (invoice.flagged && (reason == null || reason.isBlank())) {
            throw ProblemException.badRequest("reason", "approving an invoice flagged as differing from the "
                    + "agreement (expected " + Money.pounds(invoice.expectedPence) + ") needs a reason");
        }
        decide(invoice, Invoice.Status.APPROVED, reason);
        publish(EventCatalog.INVOICE_APPROVED, invoice);
        return invoice;
    }

    @Transactional
    public Invoice dispute(UUID id, String reason) {
        Invoice invoice = toDecide(id);
        decide(invoice, Invoice.Status.DISPUTED, reason);
        publish(EventCatalog.INVOICE_DISPUTED, invoice);
        em.flush();
        // a disputed invoice no longer counts as invoiced: its days are back in the remaining commitment
        alerts.check(affected(invoice));
        return invoice;
    }

    private Invoice toDecide(UUID id) {
        Invoice invoice = Invoice.<Invoice>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Invoice", id));
        caller.requireCouncil(invoice.council);
        if (invoice.status != Invoice.Status.SUBMITTED) {
            throw ProblemException.conflict("Invoice " + invoice.invoiceNumber + " was already decided: it is "
                    + invoice.status + ".");
        }
        return invoice;
    }

    private void decide(Invoice invoice, Invoice.Status status, String reason) {
        invoice.status = status;
        invoice.reason = reason == null || reason.isBlank() ? null : reason.strip();
        invoice.decidedAt = clock.instant();
        invoice.decidedBy = caller.name();
    }

    /** An invoice the caller may see: its council's finance officers, or the provider that sent it. */
    public Invoice get(UUID id) {
        Invoice invoice = Invoice.<Invoice>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Invoice", id));
        if (caller.hasRole(Roles.PROVIDER) && caller.providerClaim().map(invoice.providerId::equals).orElse(false)) {
            return invoice;
        }
        if (caller.hasRole(Roles.FINANCE_OFFICER)) {
            caller.requireCouncil(invoice.council);
            return invoice;
        }
        throw ProblemException.forbidden("Invoice " + id + " is neither your council's nor your organisation's.");
    }

    /** Providers see their own invoices, finance officers their council's; newest first. */
    public List<Invoice> list(Filter filter, PageRequest page) {
        StringBuilder query = new StringBuilder();
        Parameters parameters = new Parameters();
        if (caller.hasRole(Roles.FINANCE_OFFICER) && caller.councilClaim().isPresent()) {
            query.append("council = :council");
            parameters.and("council", caller.requirePartnerCouncil());
        } else {
            UUID provider = caller.providerClaim().orElseThrow(() -> ProblemException
                    .forbidden("Your token is scoped to neither a partner council nor a provider."));
            query.append("providerId = :provider");
            parameters.and("provider", provider);
        }
        filter.status().ifPresent(s -> {
            query.append(" and status = :status");
            parameters.and("status", s);
        });
        filter.placementId().ifPresent(p -> {
            query.append(" and placementId = :placement");
            parameters.and("placement", p);
        });
        filter.flagged().ifPresent(f -> {
            query.append(" and flagged = :flagged");
            parameters.and("flagged", f);
        });
        return Invoice.<Invoice>find(query.toString(), Sort.descending("submittedAt").and("id"), parameters)
                .range(page.first(), page.last()).list();
    }

    /**
     * Recomputes what the commitment puts on the days of the placement's invoices after its terms changed (a fee
     * change, a start or an end), so the remaining commitment stays "the commitment of the days not invoiced".
     * The expected amount an invoice was checked against is kept as it was.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void termsChanged(TrackedPlacement placement) {
        PlacementTerms terms = placement.terms();
        for (Invoice invoice : Invoice.<Invoice>list("placementId", placement.id)) {
            Map<String, Long> now = Invoice.byName(terms.commitmentBetween(invoice.periodFrom, invoice.periodTo,
                    calendar));
            if (!now.equals(invoice.commitmentShares)) {
                invoice.commitmentShares = now;
            }
        }
        em.flush(); // before the alerts read positions with SQL
    }

    static CommitmentLedger.Affected affected(Invoice invoice) {
        CommitmentLedger.Affected affected = CommitmentLedger.Affected.none();
        invoice.amountShares.keySet().forEach(stream -> affected.budgets().add(new CommitmentLedger.BudgetKey(
                invoice.council, invoice.financialYear, FundingStream.valueOf(stream))));
        return affected;
    }

    private void publish(EventType<InvoiceSnapshot> type, Invoice invoice) {
        outbox.publish(type, invoice.placementId, snapshot(invoice));
    }

    static InvoiceSnapshot snapshot(Invoice i) {
        return new InvoiceSnapshot(i.id, i.invoiceNumber, i.placementId, i.providerId, i.council, i.periodFrom,
                i.periodTo, Money.pounds(i.amountPence), Money.pounds(i.expectedPence), i.flagged, i.status.name(),
                i.reason, i.decidedAt != null ? i.decidedAt : i.submittedAt);
    }
}
