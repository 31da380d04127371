package uk.gov.dps.provider.rest;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import uk.gov.dps.provider.domain.Provider;
import uk.gov.dps.provider.service.ProviderService;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.Idempotent;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.Roles;

@Path("/providers")
@Tag(name = "Providers")
public class ProviderResource {

    @Inject
    ProviderService providers;

    @Inject
    Caller caller;

    public record RegisterProviderRequest(
            @NotBlank @Size(max = 200) String name,
            @Pattern(regexp = "[A-Z]{0,2}[0-9]{6,7}", message = "must be an Ofsted URN such as SC123456") String ofstedUrn,
            @Pattern(regexp = "[0-9]-[0-9]{6,12}", message = "must be a CQC id such as 1-123456789") String cqcId,
            @Pattern(regexp = "[A-Z0-9]{8}", message = "must be 8 letters or digits") String companiesHouseNumber,
            @NotNull @Pattern(regexp = "(?i)[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}", message = "must be a UK postcode")
            String postcode) {
    }

    public record ProviderView(UUID id, String name, String ofstedUrn, String cqcId, String companiesHouseNumber,
            String postcode, Instant registeredAt) {

        static ProviderView of(Provider p) {
            return new ProviderView(p.id, p.name, p.ofstedUrn, p.cqcId, p.companiesHouseNumber, p.postcode,
                    p.registeredAt);
        }
    }

    @POST
    @Idempotent
    @RolesAllowed(Roles.COMMISSIONER)
    @Operation(summary = "Register a provider organisation", description = "Publishes dps.provider.registered.v1.")
    public Response register(@Valid @NotNull RegisterProviderRequest request) {
        Provider provider = providers.register(new ProviderService.Registration(request.name(), request.ofstedUrn(),
                request.cqcId(), request.companiesHouseNumber(), request.postcode()), caller.name());
        return Response.created(URI.create("/providers/" + provider.id)).entity(ProviderView.of(provider)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COMMISSIONER, Roles.PLACEMENT_OFFICER, Roles.PANEL, Roles.MONITORING_OFFICER, Roles.PROVIDER})
    @Operation(summary = "One provider organisation; provider users see only their own")
    public ProviderView get(@PathParam("id") UUID id) {
        caller.requireOwnProviderIfProvider(id);
        return ProviderView.of(providers.get(id));
    }

    @GET
    @RolesAllowed({Roles.COMMISSIONER, Roles.PLACEMENT_OFFICER, Roles.PANEL, Roles.MONITORING_OFFICER})
    @Operation(summary = "Provider organisations by name, paged")
    public Page<ProviderView> list(@Valid @BeanParam PageRequest page) {
        return Page.of(providers.list(page), page.page, page.size, ProviderView::of);
    }
}
