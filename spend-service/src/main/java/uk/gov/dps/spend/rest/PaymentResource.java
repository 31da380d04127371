package uk.gov.dps.spend.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.ProblemException;
import uk.gov.dps.runtime.Roles;
import uk.gov.dps.spend.domain.Money;
import uk.gov.dps.spend.domain.Payment;
import uk.gov.dps.spend.service.PaymentService;

@Path("/payments")
@Tag(name = "Payments")
@RolesAllowed(Roles.FINANCE_OFFICER)
public class PaymentResource {

    /** Lines per batch: a day's payment run of a council's finance system fits many times over. */
    static final int MAX_BATCH = 500;

    @Inject
    PaymentService payments;

    public record PaymentRequest(
            @NotNull UUID invoiceId,
            @NotNull LocalDate paidOn,
            @NotBlank @Size(max = 100) @Pattern(regexp = "\\S(.*\\S)?", message = "no spaces at either end")
            String paymentReference) {
    }

    public record BatchRequest(@NotEmpty @Size(max = MAX_BATCH) List<@Valid @NotNull PaymentRequest> payments) {
    }

    /** @param shares the amount by funding stream, adding up to it exactly */
    public record PaymentView(UUID id, UUID invoiceId, String invoiceNumber, UUID placementId, UUID providerId,
            String council, BigDecimal amount, LocalDate invoiceReceivedOn, LocalDate paidOn, String paymentReference,
            Payment.Source source, Map<String, BigDecimal> shares, String icbCode, Instant recordedAt) {

        static PaymentView of(PaymentService.Recorded r) {
            Payment p = r.payment();
            Map<String, BigDecimal> shares = new TreeMap<>();
            p.shares.forEach((stream, pence) -> shares.put(stream, Money.pounds(pence)));
            return new PaymentView(p.id, p.invoiceId, r.invoice().invoiceNumber, p.placementId, p.providerId,
                    p.council, Money.pounds(p.amountPence), r.invoice().receivedOn, p.paidOn, p.paymentReference,
                    p.source, shares, p.icbCode, p.recordedAt);
        }
    }

    public enum Outcome {
        RECORDED, ALREADY_RECORDED, REFUSED
    }

    /**
     * @param status  the HTTP status the line would have had on its own (201, 200 for a replay, 4xx refused)
     * @param problem why it was refused
     */
    public record LineResult(int line, String paymentReference, UUID invoiceId, Outcome outcome, int status,
            PaymentView payment, String problem) {
    }

    public record BatchResult(int recorded, int alreadyRecorded, int refused, List<LineResult> lines) {
    }

    @POST
    @Operation(summary = "Record the payment of an approved invoice of your council",
            description = "The amount is the invoice's, split by the placement's funding shares to the penny. "
                    + "paymentReference is your council's own and makes the request idempotent: sent again for the "
                    + "same invoice and day it answers the payment already recorded (200) and records nothing; for "
                    + "another invoice it is 409. An invoice not approved or already paid: 409; another council's: "
                    + "403; unknown: 404.")
    public Response record(@Valid @NotNull PaymentRequest request) {
        PaymentService.Recorded recorded = payments.record(serviceRequest(request), Payment.Source.FINANCE_OFFICER);
        if (recorded.replayed()) {
            return Response.ok(PaymentView.of(recorded)).build();
        }
        return Response.created(URI.create("/payments/" + recorded.payment().id)).entity(PaymentView.of(recorded))
                .build();
    }

    @POST
    @Path("/batch")
    @Operation(summary = "Record a payment run from your council's finance system",
            description = "For a council's finance system with client credentials (a service account with the "
                    + "finance-officer role and the council claim). Each line is recorded on its own, atomically, "
                    + "as POST /payments would: the answer says per line whether it was recorded, already recorded "
                    + "(the same paymentReference replayed: nothing new) or refused, and why. Send the same batch "
                    + "again after a timeout: nothing is recorded twice. At most " + MAX_BATCH + " lines.")
    public BatchResult batch(@Valid @NotNull BatchRequest request) {
        List<LineResult> lines = new ArrayList<>();
        int recorded = 0;
        int replayed = 0;
        int refused = 0;
        for (int i = 0; i < request.payments().size(); i++) {
            PaymentRequest line = request.payments().get(i);
            try {
                PaymentService.Recorded result = QuarkusTransaction.requiringNew()
                        .call(() -> payments.record(serviceRequest(line), Payment.Source.FINANCE_SYSTEM));
                if (result.replayed()) {
                    replayed++;
                } else {
                    recorded++;
                }
                lines.add(new LineResult(i, line.paymentReference(), line.invoiceId(),
                        result.replayed() ? Outcome.ALREADY_RECORDED : Outcome.RECORDED, result.replayed() ? 200 : 201,
                        PaymentView.of(result), null));
            } catch (RuntimeException e) {
                ProblemException problem = problemOf(e);
                refused++;
                lines.add(new LineResult(i, line.paymentReference(), line.invoiceId(), Outcome.REFUSED,
                        problem.status(), null, problem.toProblem(null).detail() + fieldErrors(problem)));
            }
        }
        return new BatchResult(recorded, replayed, refused, lines);
    }

    private static PaymentService.PaymentRequest serviceRequest(PaymentRequest request) {
        return new PaymentService.PaymentRequest(request.invoiceId(), request.paidOn(), request.paymentReference());
    }

    private static ProblemException problemOf(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ProblemException problem) {
                return problem;
            }
        }
        throw e;
    }

    private static String fieldErrors(ProblemException problem) {
        var errors = problem.toProblem(null).errors();
        if (errors == null || errors.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        errors.forEach(f -> text.append(" ").append(f.field()).append(": ").append(f.message()).append("."));
        return text.toString();
    }

    @GET
    @Operation(summary = "Your council's payments, latest paid first, paged")
    public Page<PaymentView> list(@Valid @BeanParam PageRequest page) {
        return Page.of(payments.list(page), page.page, page.size, PaymentView::of);
    }

    @GET
    @Path("/{id}")
    public PaymentView get(@PathParam("id") UUID id) {
        return PaymentView.of(payments.get(id));
    }
}
