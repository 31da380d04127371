package uk.gov.dps.monitoring.rest;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import uk.gov.dps.monitoring.domain.ImprovementPlan;
import uk.gov.dps.monitoring.service.ImprovementPlanService;
import uk.gov.dps.monitoring.service.RiskRatingService;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.Idempotent;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.QueryValues;
import uk.gov.dps.runtime.Roles;

@Path("/improvement-plans")
@Tag(name = "Improvement plans")
public class ImprovementPlanResource {

    @Inject
    ImprovementPlanService plans;

    @Inject
    RiskRatingService ratings;

    @Inject
    Caller caller;

    public record AgreePlanRequest(
            @NotNull UUID providerId,
            UUID concernId,
            @NotBlank @Size(max = 500) String summary,
            @Size(max = 50) List<@NotBlank @Size(max = 2000) String> actions,
            @NotNull LocalDate dueOn) {
    }

    public record CompletionRequest(@NotBlank @Size(max = 4000) String notes) {
    }

    public record PlanView(UUID id, UUID providerId, UUID concernId, String summary, List<String> actions,
            LocalDate dueOn, ImprovementPlan.Status status, boolean overdue, String agreeingCouncil, String recordedBy,
            Instant recordedAt, String completionNotes, String completingCouncil, String completedBy,
            Instant completedAt) {

        static PlanView of(ImprovementPlan p, LocalDate today) {
            return new PlanView(p.id, p.providerId, p.concernId, p.summary, List.copyOf(p.actions), p.dueOn, p.status,
                    p.isOverdue(today), p.agreeingCouncil, p.recordedBy, p.recordedAt, p.completionNotes,
                    p.completingCouncil, p.completedBy, p.completedAt);
        }
    }

    @POST
    @Idempotent
    @RolesAllowed(Roles.MONITORING_OFFICER)
    @Operation(summary = "Record an improvement plan agreed with a provider, due by a date",
            description = "Not completed by its due date, the plan makes the provider amber; more than 28 days after "
                    + "it, red.")
    public Response agree(@Valid @NotNull AgreePlanRequest request) {
        ImprovementPlan plan = plans.agree(new ImprovementPlanService.NewPlan(request.providerId(), request.concernId(),
                request.summary().strip(), request.actions() == null ? List.of()
                        : request.actions().stream().map(String::strip).toList(), request.dueOn()),
                Access.partnerCouncil(caller));
        return Response.created(URI.create("/improvement-plans/" + plan.id)).entity(PlanView.of(plan, ratings.today()))
                .build();
    }

    @POST
    @Path("/{id}/completion")
    @Idempotent
    @RolesAllowed(Roles.MONITORING_OFFICER)
    @Operation(summary = "Record that the provider completed the plan",
            description = "409 when completed already. Re-assesses the provider's risk rating.")
    public Response complete(@PathParam("id") UUID id, @Valid @NotNull CompletionRequest request) {
        ImprovementPlan plan = plans.complete(id, request.notes().strip(), Access.partnerCouncil(caller));
        return Response.ok(PlanView.of(plan, ratings.today())).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.MONITORING_OFFICER, Roles.COMMISSIONER})
    @Operation(summary = "One improvement plan")
    public PlanView get(@PathParam("id") UUID id) {
        Access.partnerCouncil(caller);
        return PlanView.of(plans.get(id), ratings.today());
    }

    @GET
    @RolesAllowed({Roles.MONITORING_OFFICER, Roles.COMMISSIONER})
    @Operation(summary = "Improvement plans by due date, soonest first, paged",
            description = "provider=<id> and status=ACTIVE|COMPLETED narrow the list.")
    public Page<PlanView> list(@QueryParam("provider") String provider, @QueryParam("status") String status,
            @Valid @BeanParam PageRequest page) {
        Access.partnerCouncil(caller);
        LocalDate today = ratings.today();
        return Page.of(plans.list(QueryValues.optionalId(provider, "provider"),
                QueryValues.optionalEnum(ImprovementPlan.Status.class, status, "status"), page), page.page, page.size,
                p -> PlanView.of(p, today));
    }
}
