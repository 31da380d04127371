package uk.gov.dps.provider.rest;

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
import uk.gov.dps.provider.domain.Application;
import uk.gov.dps.provider.service.ApplicationService;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.QueryValues;
import uk.gov.dps.runtime.Roles;

@Tag(name = "Applications to lots")
@Path("/applications")
public class ApplicationResource {

    @Inject
    ApplicationService applications;

    @Inject
    Caller caller;

    public record ApplyRequest(
            @NotNull UUID lotId,
            @NotNull List<@NotBlank String> categories,
            @Size(max = 20) String requestedTier,
            List<Application.@Valid @NotNull Answer> answers,
            List<Application.@Valid @NotNull Evidence> evidence) {
    }

    public record ExtensionRequest(@NotBlank @Size(max = 2000) String justification) {
    }

    public record DecisionRequest(@NotNull ApplicationService.Outcome outcome, @Size(max = 4000) String reasons,
            @Size(max = 20) String tier) {
    }

    public record ApplicationView(UUID id, UUID providerId, UUID lotId, List<String> categories, String requestedTier,
            List<Application.Answer> answers, List<Application.Evidence> evidence, Application.Status status,
            Instant receivedAt, LocalDate dueOn, boolean extended, String extensionJustification, boolean overdue,
            Instant decidedAt, String decidedBy, String decisionReasons) {

        static ApplicationView of(Application a, LocalDate today) {
            return new ApplicationView(a.id, a.providerId, a.lotId, List.of(a.categories), a.requestedTier,
                    List.copyOf(a.answers), List.copyOf(a.evidence), a.status, a.receivedAt, a.dueOn, a.isExtended(),
                    a.extensionJustification, a.isOverdue(today), a.decidedAt, a.decidedBy, a.decisionReasons);
        }
    }

    @GET
    @RolesAllowed(Roles.COMMISSIONER)
    @Operation(summary = "The commissioner's queue: applications to your council's lots, soonest due first",
            description = "status defaults to PENDING; each shows its due date and whether it is overdue.")
    public Page<ApplicationView> queue(@QueryParam("status") String status, @Valid @BeanParam PageRequest page) {
        Application.Status wanted = QueryValues.optionalEnum(Application.Status.class, status, "status")
                .orElse(Application.Status.PENDING);
        LocalDate today = applications.today();
        return Page.of(applications.queue(wanted, caller.requirePartnerCouncil(), page), page.page, page.size,
                a -> ApplicationView.of(a, today));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PROVIDER, Roles.COMMISSIONER})
    public ApplicationView get(@PathParam("id") UUID id) {
        Application application = applications.get(id);
        caller.requireOwnProviderIfProvider(application.providerId);
        return ApplicationView.of(application, applications.today());
    }

    @POST
    @Path("/{id}/extension")
    @RolesAllowed(Roles.COMMISSIONER)
    @Operation(summary = "Extend the decision deadline to 15 working days after receipt, once, with a justification")
    public ApplicationView extend(@PathParam("id") UUID id, @Valid @NotNull ExtensionRequest request) {
        return ApplicationView.of(applications.extend(id, request.justification(), caller.requirePartnerCouncil(),
                caller.asActor()), applications.today());
    }

    @POST
    @Path("/{id}/decision")
    @RolesAllowed(Roles.COMMISSIONER)
    @Operation(summary = "Admit the provider to the lot, or reject the application with reasons",
            description = "Publishes dps.provider.admitted-to-lot.v1 or dps.provider.application-rejected.v1. "
                    + "Admitting a provider that is already a member is a 409.")
    public ApplicationView decide(@PathParam("id") UUID id, @Valid @NotNull DecisionRequest request) {
        return ApplicationView.of(applications.decide(id, new ApplicationService.Decision(request.outcome(),
                request.reasons(), request.tier() == null ? null : request.tier().strip().toUpperCase()),
                caller.requirePartnerCouncil(), caller.asActor()), applications.today());
    }
}
