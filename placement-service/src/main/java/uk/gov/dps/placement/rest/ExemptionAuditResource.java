package uk.gov.dps.placement.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import uk.gov.dps.placement.service.ExemptionService;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.Roles;

/** The exemption's council reads its audit trail. */
@Path("/exemptions/{id}/audit")
@Tag(name = "Exemptions and spot purchases")
public class ExemptionAuditResource {

    @Inject
    ExemptionService exemptions;

    @Inject
    AuditTrail audit;

    @GET
    @RolesAllowed({Roles.COMMISSIONER, Roles.PLACEMENT_OFFICER, Roles.FINANCE_OFFICER})
    @Operation(summary = "Who granted the exemption and why, and every spot purchase made under it, oldest first")
    public Page<AuditTrail.Entry> audit(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        exemptions.get(id);
        return Page.of(audit.about(id, page), page.page, page.size, e -> e);
    }
}
