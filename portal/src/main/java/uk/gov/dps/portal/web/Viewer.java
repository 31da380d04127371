package uk.gov.dps.portal.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

/**
 * The signed-in person as the pages show them: name, role, council or provider, and the pages their role has.
 * Roles come from the access token (the claims the services decide on); the name from the ID token. The layout
 * reads it as {@code inject:viewer}.
 */
@Named("viewer")
@RequestScoped
public class Viewer {

    /** Realm roles in the order the start page lists them, with how people name them. */
    static final Map<String, String> ROLES = new LinkedHashMap<>();

    static {
        ROLES.put("placement-officer", "Placement officer");
        ROLES.put("panel", "Panel member");
        ROLES.put("commissioner", "Commissioner");
        ROLES.put("provider", "Provider");
        ROLES.put("monitoring-officer", "Monitoring officer");
        ROLES.put("finance-officer", "Finance officer");
    }

    /** A page of the portal in the service navigation. */
    public record NavItem(String text, String href, boolean current) {
    }

    /** What a role can do here: a page with a line saying what it is for. */
    public record Task(String title, String href, String description) {
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    HttpServerRequest request;

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public String name() {
        String name = claim("name");
        return name.isBlank() ? claim("preferred_username") : name;
    }

    /** The council the person works for, as a name ("Cambridgeshire"), or empty. */
    public String council() {
        String council = claim("council");
        if (council.isBlank()) {
            return "";
        }
        return council.substring(0, 1).toUpperCase(Locale.ROOT) + council.substring(1);
    }

    public String providerId() {
        return claim("provider_id");
    }

    public boolean has(String role) {
        return identity.hasRole(role);
    }

    /** A claim of the ID token (the principal of a code-flow sign-in), or "" when absent or signed out. */
    private String claim(String name) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return "";
        }
        Object value = token.getClaim(name);
        if (value instanceof jakarta.json.JsonString json) {
            return json.getString();
        }
        return value == null ? "" : value.toString();
    }

    /** "placement officer", "commissioner and finance officer": this person's roles in a sentence. */
    public String rolesInWords() {
        List<String> names = roleNames().stream().map(n -> n.toLowerCase(Locale.UK)).toList();
        if (names.isEmpty()) {
            return "a person with no DPS role";
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** The platform roles this person has, as people name them. */
    public List<String> roleNames() {
        List<String> names = new ArrayList<>();
        ROLES.forEach((role, label) -> {
            if (has(role)) {
                names.add(label);
            }
        });
        return names;
    }

    /** The portal's pages for this person's roles. */
    public List<Task> tasks() {
        List<Task> tasks = new ArrayList<>();
        if (has("placement-officer") || has("panel")) {
            tasks.add(new Task("Referrals", "/referrals", "Your council's referrals for children who need a"
                    + " placement, newest first, with where each one has got to."));
            tasks.add(new Task("Placements", "/placements", "Your council's placements: their start, fee changes"
                    + " and end."));
        }
        if (has("panel")) {
            tasks.add(new Task("Panel requests", "/panel-requests", "Awards waiting for the County Resourcing"
                    + " Panel, oldest first: approve or refuse them with reasons."));
        }
        if (has("provider")) {
            tasks.add(new Task("Invitations", "/invitations", "Call-offs your organisation was invited to answer,"
                    + " with their deadlines and outcomes: offer or decline."));
            tasks.add(new Task("Your placements", "/your-placements", "Children placed with your organisation, the"
                    + " terms of each agreement and every weekly fee."));
            tasks.add(new Task("Documents", "/documents", "Your insurance, registration and policies, with when"
                    + " each expires."));
            tasks.add(new Task("KPI returns", "/kpi-returns", "Send your quarterly return and see the ones you"
                    + " sent."));
        }
        if (has("commissioner")) {
            tasks.add(new Task("Applications to your lots", "/applications", "Providers' applications waiting for"
                    + " a decision, soonest due first, with those past their due date marked."));
            tasks.add(new Task("Lots", "/lots", "Your dynamic purchasing systems, their lots and members:"
                    + " suspend or reinstate a member."));
        }
        if (has("monitoring-officer")) {
            tasks.add(new Task("Live quality feed", "/quality-feed", "Inspections, concerns, risk ratings and KPI"
                    + " returns as partner councils record them, as they happen."));
            tasks.add(new Task("Monitored providers", "/quality/providers", "Each provider's quality: rating and"
                    + " reasons, judgements, concerns, improvement plans; record an inspection, visit or concern."));
        }
        if (has("finance-officer")) {
            tasks.add(new Task("Budget positions", "/finance/budgets", "Budget, committed and forecast for each"
                    + " funding stream and year, against the thresholds."));
            tasks.add(new Task("Spend alerts", "/finance/alerts", "Budgets and contracts whose forecast crossed a"
                    + " threshold."));
            tasks.add(new Task("Spend report", "/finance/report", "Where the money goes: by funding stream, lot and"
                    + " provider, and how concentrated each lot is."));
        }
        matchingAndPaymentTasks(tasks);
        return tasks;
    }

    /** Settings and vacancies, sufficiency (issue 15); invoices and payments (issue 16). */
    private void matchingAndPaymentTasks(List<Task> tasks) {
        if (has("placement-officer")) {
            tasks.add(new Task("Vacancies", "/vacancies", "Open vacancies by lot, need, age and distance from the"
                    + " child's home, nearest first; watch them as providers declare and withdraw them."));
        }
        if (has("provider")) {
            tasks.add(new Task("Your settings", "/your-settings", "Your homes and other settings with their Statement"
                    + " of Purpose and latest judgement: register one, declare, confirm or withdraw a vacancy."));
            tasks.add(new Task("Your invoices", "/your-invoices", "Invoice a council for a placement and see whether"
                    + " it matches what the agreement says."));
        }
        if (has("commissioner")) {
            tasks.add(new Task("Sufficiency", "/sufficiency", "Referrals, time to place, distance, prices and"
                    + " emergency capacity, by lot and quarter, for your council or the joint DPS."));
            tasks.add(new Task("Owner groups", "/owner-groups", "The children placed with each provider group and"
                    + " what it costs a week, and what would happen if a group failed."));
        }
        if (has("finance-officer")) {
            tasks.add(new Task("Invoices", "/finance/invoices", "Providers' invoices to your council, flagged ones"
                    + " first to check: approve, dispute or record the payment."));
            tasks.add(new Task("Payment performance", "/finance/payment-performance", "How quickly your council"
                    + " paid its invoices this six months, as the Procurement Act notice reports it."));
        }
    }

    public List<NavItem> navigation() {
        List<NavItem> items = new ArrayList<>();
        if (!signedIn()) {
            return items;
        }
        String path = request.path();
        items.add(new NavItem("Home", "/", "/".equals(path)));
        for (Task task : tasks()) {
            items.add(new NavItem(task.title(), task.href(), path.startsWith(task.href())));
        }
        return items;
    }
}
