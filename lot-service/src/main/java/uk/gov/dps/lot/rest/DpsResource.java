package uk.gov.dps.lot.rest;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import uk.gov.dps.lot.domain.DynamicPurchasingSystem;
import uk.gov.dps.lot.domain.Lot;
import uk.gov.dps.lot.service.DpsService;
import uk.gov.dps.lot.service.LotService;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.Idempotent;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.Roles;

@Path("/dps")
@Tag(name = "Dynamic purchasing systems")
public class DpsResource {


    @Inject
    DpsService dps;

    @Inject
    LotService lots;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    public record EstablishDpsRequest(
            @NotBlank @Size(max = 60) String reference,
            @NotBlank @Size(max = 200) String title,
            @NotNull DynamicPurchasingSystem.Regime regime,
            @NotEmpty Set<@NotBlank String> councils,
            @NotNull LocalDate validFrom,
            @NotNull LocalDate validTo) {
    }

    public record DpsView(UUID id, String reference, String title, DynamicPurchasingSystem.Regime regime,
            List<String> councils, LocalDate validFrom, LocalDate validTo) {

        static DpsView of(DynamicPurchasingSystem d) {
            return new DpsView(d.id, d.reference, d.title, d.regime, List.of(d.councils), d.validFrom, d.validTo);
        }
    }

    public record CreateLotRequest(
            @NotBlank @Size(max = 20) String code,
            @NotBlank @Size(max = 200) String name,
            @NotNull Lot.ServiceType serviceType,
            List<Lot.@NotNull PlacementPattern> placementPatterns,
            @NotNull List<@Valid @NotNull CategoryRequest> categories,
            @NotNull List<@NotBlank String> selectionCriteria,
            boolean tiered) {
    }

    public record CategoryRequest(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 200) String name) {

        Lot.Category toCategory() {
            return new Lot.Category(code.strip().toUpperCase(), name.strip());
        }
    }

    @POST
    @Idempotent
    @RolesAllowed(Roles.COMMISSIONER)
    @Operation(summary = "Establish a DPS", description = "Publishes dps.purchasing-system.established.v1.")
    public Response establish(@Valid @NotNull EstablishDpsRequest request) {
        DynamicPurchasingSystem established = dps.establish(new DpsService.Establishment(request.reference(),
                request.title(), request.regime(), request.councils(), request.validFrom(), request.validTo()),
                caller.requirePartnerCouncil(), caller.asActor());
        return Response.created(URI.create("/dps/" + established.id)).entity(DpsView.of(established)).build();
    }

    @GET
    @RolesAllowed({Roles.COMMISSIONER, Roles.PLACEMENT_OFFICER, Roles.PANEL, Roles.PROVIDER, Roles.MONITORING_OFFICER})
    @Operation(summary = "Dynamic purchasing systems, by reference, paged")
    public Page<DpsView> list(@Valid @BeanParam PageRequest page) {
        return Page.of(dps.list(page), page.page, page.size, DpsView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COMMISSIONER, Roles.PLACEMENT_OFFICER, Roles.PANEL, Roles.PROVIDER, Roles.MONITORING_OFFICER})
    public DpsView get(@PathParam("id") UUID id) {
        return DpsView.of(dps.get(id));
    }

    @POST
    @Path("/{id}/lots")
    @Idempotent
    @RolesAllowed(Roles.COMMISSIONER)
    @Operation(summary = "Add a lot to the DPS; it opens to applications at once",
            description = "Publishes dps.lot.opened.v1.")
    public Response createLot(@PathParam("id") UUID dpsId, @Valid @NotNull CreateLotRequest request) {
        Lot lot = lots.create(dpsId, new LotService.LotDefinition(request.code().strip().toUpperCase(), request.name(),
                request.serviceType(), request.placementPatterns(),
                request.categories().stream().map(CategoryRequest::toCategory).toList(), request.selectionCriteria(),
                request.tiered()), caller.requirePartnerCouncil(), caller.asActor());
        return Response.created(URI.create("/lots/" + lot.id)).entity(LotResource.LotView.of(lot)).build();
    }

    @GET
    @Path("/{id}/lots")
    @RolesAllowed({Roles.COMMISSIONER, Roles.PLACEMENT_OFFICER, Roles.PANEL, Roles.PROVIDER, Roles.MONITORING_OFFICER})
    @Operation(summary = "The DPS's lots, by code, paged")
    public Page<LotResource.LotView> lots(@PathParam("id") UUID dpsId, @Valid @BeanParam PageRequest page) {
        return Page.of(lots.forDps(dpsId, page), page.page, page.size, LotResource.LotView::of);
    }

    @GET
    @Path("/{id}/audit")
    @RolesAllowed(Roles.COMMISSIONER)
    @Operation(summary = "Who decided what about this DPS, when and why")
    public Page<AuditTrail.Entry> audit(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        dps.get(id);
        return Page.of(audit.about(id, page), page.page, page.size, e -> e);
    }
}
