package uk.gov.dps.portal.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import uk.gov.dps.portal.services.Page;
import uk.gov.dps.portal.services.PlacementService;
import uk.gov.dps.portal.services.PlacementService.ProviderPlacement;
import uk.gov.dps.portal.services.ServiceProblem;
import uk.gov.dps.portal.services.SpendService;
import uk.gov.dps.portal.services.SpendService.Invoice;
import uk.gov.dps.portal.services.SpendService.PaymentPerformance;
import uk.gov.dps.portal.web.Pages.Option;

/**
 * Invoices: a provider invoices a council for one of its placements and sees at once whether it matches the
 * agreement (flagged with the amount expected when it does not); the council's finance officers check them, flagged
 * ones first, approve (with a reason when flagged) or dispute them, and record the payment; and the council's
 * payment performance for the six-month period, as the Procurement Act's payments compliance notice reports it.
 */
public final class InvoicePages {

    static final String[] STATUSES = {"", "All", "SUBMITTED", "Submitted", "APPROVED", "Approved", "DISPUTED",
            "Disputed", "PAID", "Paid"};
    static final Map<String, String> INVOICE_FIELDS = Map.of("invoiceNumber", "invoiceNumber", "placementId",
            "placementId", "periodFrom", "periodFrom", "periodTo", "periodTo", "amount", "amount");

    private InvoicePages() {
    }

    @CheckedTemplate(basePath = "Invoices")
    static final class Templates {

        static native TemplateInstance yourInvoices(Page<Invoice> invoices, Pages.Paging paging);

        static native TemplateInstance submit(Form form, List<Option> placements, String key);

        static native TemplateInstance invoice(Invoice invoice, String done, Form form, boolean finance);

        static native TemplateInstance invoices(Page<Invoice> invoices, List<Option> statuses, List<Option> flagged,
                Pages.Paging paging);

        static native TemplateInstance performance(PaymentPerformance performance, Form form);
    }

    /** Providers: their organisation's invoices, submitting one, and its check. */
    @Path("/your-invoices")
    @Produces(MediaType.TEXT_HTML)
    public static class ProviderInvoices {

        @Inject
        @RestClient
        SpendService spend;

        @Inject
        @RestClient
        PlacementService placements;

        @GET
        public TemplateInstance list(@QueryParam("page") @DefaultValue("0") int page) {
            Page<Invoice> invoices = spend.invoices(null, null, page);
            return Templates.yourInvoices(invoices, LotPages.paging(invoices, "/your-invoices?"));
        }

        @GET
        @Path("new")
        public TemplateInstance form(@QueryParam("placement") String placement) {
            return page(Form.empty().with("placementId", placement));
        }

        @POST
        @Path("new")
        @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
        public Response submit(MultivaluedMap<String, String> posted) {
            Form form = Form.of(posted);
            String placement = form.text("placementId", "Select the placement the invoice is for");
            String number = form.text("invoiceNumber", "Enter your invoice number");
            if (number != null && number.length() > 60) {
                form.reject("invoiceNumber", "The invoice number must be 60 characters or fewer");
            }
            LocalDate from = form.date("periodFrom", "the first day the invoice covers", true);
            LocalDate to = form.date("periodTo", "the last day the invoice covers", true);
            if (from != null && to != null && to.isBefore(from)) {
                form.rejectDate("periodTo", "The last day must be the same as or after the first day");
            }
            BigDecimal amount = form.money("amount", "amount invoiced", true);
            if (placement != null && !VacancyPages.isId(placement)) {
                form.reject("placementId", "Select the placement the invoice is for");
            }
            if (form.hasErrors()) {
                return Response.status(400).entity(page(form)).build();
            }
            Invoice submitted;
            try {
                submitted = spend.submitInvoice(SettingPages.keyOf(form), new SpendService.NewInvoice(number,
                        UUID.fromString(placement), from, to, amount));
            } catch (ServiceProblem refused) {
                return OfficerPages.onForm(refused, page(form.refusedBy(refused, "invoiceNumber", INVOICE_FIELDS)));
            }
            // post/redirect/get: the invoice's page says whether it matched the agreement
            return Response.seeOther(URI.create("/your-invoices/" + submitted.id() + "?done=submitted")).build();
        }

        @GET
        @Path("{id}")
        public TemplateInstance invoice(@PathParam("id") UUID id, @QueryParam("done") String done) {
            return Templates.invoice(spend.invoice(id), "submitted".equals(done) ? "Invoice submitted" : null,
                    Form.empty(), false);
        }

        private TemplateInstance page(Form form) {
            // the placements it may invoice for, in one call: the first page, newest first
            List<Option> options = new ArrayList<>(List.of(new Option("", "Choose a placement",
                    form.value("placementId").isEmpty())));
            for (ProviderPlacement p : placements.ownPlacements(null, 0).items()) {
                options.add(new Option(p.id().toString(), "Placement " + Formats.shortId(p.id()) + " for "
                        + Formats.label(p.council()) + ", " + p.serviceType() + ", from " + Formats.date(
                        p.startDate() != null ? p.startDate() : p.plannedStart()),
                        p.id().toString().equals(form.value("placementId"))));
            }
            return Templates.submit(form, options, SettingPages.keyOf(form));
        }
    }

    /** Finance officers: the council's invoices, deciding them, paying them, and payment performance. */
    @Path("/finance")
    @Produces(MediaType.TEXT_HTML)
    public static class FinanceInvoices {

        @Inject
        @RestClient
        SpendService spend;

        @Inject
        Viewer viewer;

        @GET
        @Path("invoices")
        public TemplateInstance list(@QueryParam("status") @DefaultValue("") String status,
                @QueryParam("flagged") @DefaultValue("") String flagged,
                @QueryParam("page") @DefaultValue("0") int page) {
            Boolean onlyFlagged = switch (flagged) {
                case "true" -> true;
                case "false" -> false;
                default -> null;
            };
            // the service checks the status: anything it does not know comes back as its 400
            Page<Invoice> invoices = spend.invoices(status.isBlank() ? null : status, onlyFlagged, page);
            String filter = (status.isBlank() ? "" : "status=" + status + "&")
                    + (onlyFlagged == null ? "" : "flagged=" + onlyFlagged + "&");
            return Templates.invoices(invoices, Option.of(status, STATUSES), Option.of(flagged, "", "All invoices",
                    "true", "Flagged: not what the agreement says", "false", "Matching the agreement"),
                    LotPages.paging(invoices, "/finance/invoices?" + filter));
        }

        @GET
        @Path("invoices/{id}")
        public TemplateInstance invoice(@PathParam("id") UUID id, @QueryParam("done") String done) {
            String banner = done == null ? null : switch (done) {
                case "approved" -> "Invoice approved for payment";
                case "disputed" -> "Invoice disputed: the provider can send a corrected one";
                case "paid" -> "Payment recorded";
                default -> null;
            };
            return Templates.invoice(spend.invoice(id), banner, Form.empty(), viewer.has("finance-officer"));
        }

        /** A flagged invoice needs a reason to approve it anyway; a dispute always needs one. */
        @POST
        @Path("invoices/{id}/{decision: approve|dispute}")
        @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
        public Response decide(@PathParam("id") UUID id, @PathParam("decision") String decision,
                MultivaluedMap<String, String> posted) {
            Form form = Form.of(posted);
            Invoice invoice = spend.invoice(id);
            String field = decision + "Reason";
            String reason = "dispute".equals(decision) ? form.text(field, "Enter why you dispute the invoice")
                    : form.text(field, invoice.flagged() ? "Enter why you approve an invoice that does not match the"
                            + " agreement" : null);
            if (reason != null && reason.length() > 1000) {
                form.reject(field, "The reason must be 1,000 characters or fewer");
            }
            if (form.hasErrors()) {
                return Response.status(400).entity(Templates.invoice(invoice, null, form, true)).build();
            }
            try {
                if ("approve".equals(decision)) {
                    spend.approveInvoice(id, new SpendService.InvoiceDecision(reason));
                } else {
                    spend.disputeInvoice(id, new SpendService.InvoiceDecision(reason));
                }
            } catch (ServiceProblem refused) {
                return OfficerPages.onForm(refused, Templates.invoice(spend.invoice(id), null,
                        form.refusedBy(refused, field, Map.of("reason", field)), true));
            }
            return Response.seeOther(URI.create("/finance/invoices/" + id + "?done=" + ("approve".equals(decision)
                    ? "approved" : "disputed"))).build();
        }

        @POST
        @Path("invoices/{id}/payment")
        @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
        public Response pay(@PathParam("id") UUID id, MultivaluedMap<String, String> posted) {
            Form form = Form.of(posted);
            LocalDate paidOn = form.date("paidOn", "the date it was paid", true);
            if (paidOn != null && paidOn.isAfter(LocalDate.now(Formats.UK))) {
                form.rejectDate("paidOn", "The date it was paid must be today or in the past");
            }
            String reference = form.text("paymentReference", "Enter your council's payment reference");
            if (reference != null && reference.length() > 100) {
                form.reject("paymentReference", "The payment reference must be 100 characters or fewer");
            }
            if (form.hasErrors()) {
                return Response.status(400).entity(Templates.invoice(spend.invoice(id), null, form, true)).build();
            }
            try {
                spend.recordPayment(new SpendService.NewPayment(id, paidOn, reference));
            } catch (ServiceProblem refused) {
                return OfficerPages.onForm(refused, Templates.invoice(spend.invoice(id), null,
                        form.refusedBy(refused, "paidOn", Map.of("paidOn", "paidOn", "paymentReference",
                                "paymentReference")), true));
            }
            return Response.seeOther(URI.create("/finance/invoices/" + id + "?done=paid")).build();
        }

        @GET
        @Path("payment-performance")
        public Response performance(@QueryParam("period") @DefaultValue("") String period) {
            Form form = Form.empty().with("period", period.strip());
            if (!period.isBlank() && !period.strip().toUpperCase(java.util.Locale.UK).matches("[0-9]{4}-[0-9]{2}-H[12]")) {
                form.reject("period", "Enter the period as its years and half, like 2026-27-H2");
                return Response.status(400).entity(Templates.performance(null, form)).build();
            }
            try {
                return Response.ok(Templates.performance(spend.paymentPerformance(period.isBlank() ? null
                        : period.strip().toUpperCase(java.util.Locale.UK)), form)).build();
            } catch (ServiceProblem refused) {
                return OfficerPages.onForm(refused, Templates.performance(null, form.refusedBy(refused, "period",
                        Map.of("period", "period"))));
            }
        }
    }
}
