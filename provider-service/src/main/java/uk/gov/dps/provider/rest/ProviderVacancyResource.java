package uk.gov.dps.provider.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import uk.gov.dps.provider.domain.Vacancy;
import uk.gov.dps.provider.service.VacancyService;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.Roles;

/** A provider confirms its vacancies (so they do not go stale) and withdraws them; only its own users. */
@Path("/providers/{id}/vacancies")
@Tag(name = "Settings and vacancies")
public class ProviderVacancyResource {

    @Inject
    VacancyService vacancies;

    @Inject
    Caller caller;

    @POST
    @Path("/{vacancyId}/confirm")
    @RolesAllowed(Roles.PROVIDER)
    @Operation(summary = "Confirm the vacancy is still there (it is stale when not confirmed for 7 days)",
            description = "409 once withdrawn. Publishes dps.provider.vacancy-confirmed.v1.")
    public VacancyResource.VacancyView confirm(@PathParam("id") UUID providerId, @PathParam("vacancyId") UUID vacancyId) {
        caller.requireOwnProviderIfProvider(providerId);
        return view(vacancies.confirm(providerId, vacancyId, caller.asActor()));
    }

    @POST
    @Path("/{vacancyId}/withdraw")
    @RolesAllowed(Roles.PROVIDER)
    @Operation(summary = "Withdraw the vacancy: FILLED, NO_LONGER_AVAILABLE or OTHER",
            description = "409 when withdrawn already. Publishes dps.provider.vacancy-withdrawn.v1.")
    public VacancyResource.VacancyView withdraw(@PathParam("id") UUID providerId, @PathParam("vacancyId") UUID vacancyId,
            @Valid @NotNull VacancyResource.WithdrawalRequest request) {
        caller.requireOwnProviderIfProvider(providerId);
        return view(vacancies.withdraw(providerId, vacancyId, request.reason(), caller.asActor()));
    }

    private VacancyResource.VacancyView view(Vacancy vacancy) {
        return VacancyResource.VacancyView.of(vacancy, vacancies.now(), vacancies.staleAfter());
    }
}
