package uk.gov.dps.lot.rest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import uk.gov.dps.lot.domain.DynamicPurchasingSystem;
import uk.gov.dps.lot.service.DpsService;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.Roles;

@Path("/dps")
@Tag(name = "Dynamic purchasing systems")
public class DpsResource {

    @Inject
    DpsService dps;

    public record DpsView(UUID id, String reference, String title, DynamicPurchasingSystem.Regime regime,
            List<String> councils, LocalDate validFrom, LocalDate validTo) {

        static DpsView of(DynamicPurchasingSystem d) {
            return new DpsView(d.id, d.reference, d.title, d.regime, List.of(d.councils), d.validFrom, d.validTo);
        }
    }

    @GET
    @RolesAllowed({Roles.COMMISSIONER, Roles.PLACEMENT_OFFICER, Roles.PANEL, Roles.PROVIDER, Roles.MONITORING_OFFICER})
    @Operation(summary = "Dynamic purchasing systems, by reference, paged")
    public Page<DpsView> list(@Valid @BeanParam PageRequest page) {
        return Page.of(dps.list(page), page.page, page.size, DpsView::of);
    }
}
