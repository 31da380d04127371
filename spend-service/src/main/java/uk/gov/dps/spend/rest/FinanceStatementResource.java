package uk.gov.dps.spend.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.ProblemException;
import uk.gov.dps.runtime.Roles;
import uk.gov.dps.spend.domain.PaymentPerformance;
import uk.gov.dps.spend.domain.PaymentPeriod;
import uk.gov.dps.spend.service.FinanceStatements;
import uk.gov.dps.spend.service.Positions;

@Path("/")
@Tag(name = "Finance statements")
@RolesAllowed(Roles.FINANCE_OFFICER)
public class FinanceStatementResource {

    /** A recharge statement covers at most this many days (a financial year and a bit). */
    static final int MAX_STATEMENT_DAYS = 400;

    @Inject
    FinanceStatements statements;

    @Inject
    Positions positions;

    @Inject
    Caller caller;

    /**
     * @param percentWithin30Days and the other percentages: of the undisputed invoices received
     */
    public record PaymentPerformanceView(String council, String period, LocalDate from, LocalDate to, LocalDate asOf,
            int invoicesReceived, BigDecimal averageDaysToPay, int paidWithin30Days, int paidIn31To60Days,
            int paidIn61DaysOrMore, int unpaid, int disputed, BigDecimal percentWithin30Days,
            BigDecimal percentIn31To60Days, BigDecimal percentIn61DaysOrMore, BigDecimal percentUnpaid) {
    }

    @GET
    @Path("/payment-performance")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "How promptly your council paid the invoices it received in a six-month period",
            description = "The Procurement Act 2023 payments compliance figures. period: 2026-27-H1 (1 April - 30 "
                    + "September 2026) or 2026-27-H2 (1 October 2026 - 31 March 2027); defaults to the current one. "
                    + "Counts the undisputed invoices received in the period; days to pay run from receivedOn to "
                    + "paidOn; bands 0-30, 31-60, 61 or more days; unpaid = not paid as of today.")
    public PaymentPerformanceView paymentPerformance(@QueryParam("period") String period) {
        String council = caller.requirePartnerCouncil();
        PaymentPeriod half;
        try {
            half = period == null || period.isBlank() ? PaymentPeriod.of(positions.today())
                    : PaymentPeriod.parse(period);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("period", e.getMessage());
        }
        PaymentPerformance p = statements.performance(council, half);
        return new PaymentPerformanceView(council, half.name(), half.firstDay(), half.lastDay(), positions.today(),
                p.received(), p.averageDaysToPay(), p.within30Days(), p.within31To60Days(), p.after60Days(),
                p.unpaid(), p.disputed(), p.percent(p.within30Days()), p.percent(p.within31To60Days()),
                p.percent(p.after60Days()), p.percent(p.unpaid()));
    }

    @GET
    @Path("/recharges/icb")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "What your council recharges each ICB: the HEALTH share of its payments in a period",
            description = "One statement per integrated care board (dps.spend.icbs.<council>), listing each payment "
                    + "made from `from` to `to` inclusive (paid dates) with its HEALTH share and the total. The same "
                    + "as CSV at /recharges/icb.csv.")
    public List<FinanceStatements.RechargeStatement> recharges(@QueryParam("from") String fromText,
            @QueryParam("to") String toText) {
        LocalDate from = date(fromText, "from");
        LocalDate to = date(toText, "to");
        checkPeriod(from, to);
        return statements.recharges(caller.requirePartnerCouncil(), from, to);
    }

    @GET
    @Path("/recharges/icb.csv")
    @Produces("text/csv")
    @Operation(summary = "The ICB recharge statements as CSV, one row per payment")
    public Response rechargesCsv(@QueryParam("from") String fromText, @QueryParam("to") String toText) {
        LocalDate from = date(fromText, "from");
        LocalDate to = date(toText, "to");
        checkPeriod(from, to);
        StringBuilder csv = new StringBuilder("icb_code,icb_name,council,paid_on,payment_reference,invoice_number,"
                + "placement_id,period_from,period_to,payment_amount,health_share\r\n");
        for (FinanceStatements.RechargeStatement statement : statements.recharges(caller.requirePartnerCouncil(),
                from, to)) {
            for (FinanceStatements.RechargeLine line : statement.lines()) {
                csv.append(String.join(",", cell(statement.icbCode()), cell(statement.icbName()),
                        cell(statement.council()), line.paidOn().toString(), cell(line.paymentReference()),
                        cell(line.invoiceNumber()), line.placementId().toString(), line.periodFrom().toString(),
                        line.periodTo().toString(), line.amount().toPlainString(),
                        line.healthShare().toPlainString())).append("\r\n");
            }
        }
        return Response.ok(csv.toString()).header("Content-Disposition",
                "attachment; filename=\"icb-recharge-" + from + "-" + to + ".csv\"").build();
    }

    private static LocalDate date(String text, String parameter) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ProblemException.badRequest(parameter, "must be a date like 2026-04-01");
        }
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        if (from == null) {
            throw ProblemException.badRequest("from", "give the first paid date of the statement (yyyy-mm-dd)");
        }
        if (to == null) {
            throw ProblemException.badRequest("to", "give the last paid date of the statement (yyyy-mm-dd)");
        }
        if (to.isBefore(from)) {
            throw ProblemException.badRequest("to", "must not be before from");
        }
        if (from.plusDays(MAX_STATEMENT_DAYS).isBefore(to)) {
            throw ProblemException.badRequest("to", "a statement covers at most " + MAX_STATEMENT_DAYS + " days");
        }
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break; a leading formula character is defused. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
