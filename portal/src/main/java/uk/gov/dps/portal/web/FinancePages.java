package uk.gov.dps.portal.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import uk.gov.dps.portal.services.Page;
import uk.gov.dps.portal.services.SpendService;
import uk.gov.dps.portal.services.SpendService.Alert;
import uk.gov.dps.portal.services.SpendService.Position;
import uk.gov.dps.portal.services.SpendService.SpendReport;
import uk.gov.dps.portal.web.BarChart.Series;
import uk.gov.dps.portal.web.BarChart.Value;

/**
 * Finance officers: budget positions as charts (each with its figures as a table), threshold alerts, and where the
 * money goes (the spend report, with how concentrated each lot is on its largest providers).
 */
@Path("/finance")
@Produces(MediaType.TEXT_HTML)
public class FinancePages {

    /** One call for all of a council's lines: far more than a council sets in a year. */
    static final int LINES = 100;

    @CheckedTemplate(basePath = "Finance")
    static final class Templates {

        static native TemplateInstance budgets(List<StreamYear> charts, Integer year);

        static native TemplateInstance alerts(Page<Alert> alerts, List<Pages.Option> filters, Pages.Paging paging);

        static native TemplateInstance report(SpendReport report, Pages.Paging paging);
    }

    /** One funding stream in one financial year: its chart, and the same figures as a table. */
    public record StreamYear(String id, BarChart chart, List<Position> lines) {
    }

    @Inject
    @RestClient
    SpendService spend;

    @GET
    @Path("budgets")
    public TemplateInstance budgets(@QueryParam("year") Integer year) {
        return Templates.budgets(charts(spend.positions(year, 0, LINES).items()), year);
    }

    /** The positions grouped by financial year (newest first, as the service lists them) and funding stream. */
    static List<StreamYear> charts(List<Position> positions) {
        Map<String, List<Position>> groups = new LinkedHashMap<>();
        for (Position p : positions) {
            groups.computeIfAbsent(p.financialYearLabel() + "|" + p.fundingStream(), k -> new ArrayList<>()).add(p);
        }
        List<StreamYear> charts = new ArrayList<>();
        groups.forEach((key, lines) -> {
            Position first = lines.get(0);
            String title = Formats.label(first.fundingStream()) + ", " + first.financialYearLabel();
            List<Series> series = lines.stream().map(FinancePages::series).toList();
            String description = lines.stream().map(p -> p.name() + ": budget " + Formats.money(p.budget())
                    + ", committed " + Formats.money(p.committed()) + ", forecast outturn "
                    + Formats.money(p.forecastOutturn()) + ", " + Formats.label(p.status()).toLowerCase()
                    + ".").reduce((a, b) -> a + " " + b).orElse("");
            charts.add(new StreamYear(("chart-" + first.financialYear() + "-" + first.fundingStream())
                    .toLowerCase().replace('_', '-'), BarChart.of(title, description, series), lines));
        });
        return charts;
    }

    private static Series series(Position p) {
        return new Series(p.name(), List.of(
                new Value("Budget", "#1d70b8", p.budget(), 0),
                new Value("Committed", "#505a5f", p.committed(), 0),
                new Value("Forecast outturn", "#912b88", p.forecastOutturn(), 0)),
                List.of(new Value("At risk", "#0b0c0c", percentOf(p.budget(), p.atRiskPercent()),
                                p.atRiskPercent()),
                        new Value("Overspent", "#d4351c", percentOf(p.budget(), p.overspentPercent()),
                                p.overspentPercent())));
    }

    static BigDecimal percentOf(BigDecimal amount, int percent) {
        return amount.multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
    }

    @GET
    @Path("alerts")
    public TemplateInstance alerts(@QueryParam("active") @DefaultValue("") String active,
            @QueryParam("page") @DefaultValue("0") int page) {
        // the service checks the filter: anything but true or false comes back as its 400
        Page<Alert> alerts = spend.alerts(active.isBlank() ? null : active, page);
        String filter = active.isBlank() ? "" : "active=" + active + "&";
        return Templates.alerts(alerts, Pages.Option.of(active, "", "All alerts", "true", "Still over the threshold",
                "false", "Fallen back below"), new Pages.Paging(
                alerts.hasPrevious() ? "/finance/alerts?" + filter + "page=" + (page - 1) : null,
                alerts.hasNext() ? "/finance/alerts?" + filter + "page=" + (page + 1) : null));
    }

    @GET
    @Path("report")
    public TemplateInstance report(@QueryParam("year") Integer year, @QueryParam("page") @DefaultValue("0") int page) {
        SpendReport report = spend.report(year, page);
        String filter = year == null ? "" : "year=" + year + "&";
        Page<SpendService.ProviderSpend> providers = report.byProvider();
        return Templates.report(report, new Pages.Paging(
                providers != null && providers.hasPrevious() ? "/finance/report?" + filter + "page=" + (page - 1) : null,
                providers != null && providers.hasNext() ? "/finance/report?" + filter + "page=" + (page + 1) : null));
    }
}
