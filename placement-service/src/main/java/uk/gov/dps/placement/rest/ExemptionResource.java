package uk.gov.dps.placement.rest;

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
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import uk.gov.dps.placement.domain.Exemption;
import uk.gov.dps.placement.domain.FundingShares;
import uk.gov.dps.placement.domain.Placement;
import uk.gov.dps.placement.service.ExemptionService;
import uk.gov.dps.runtime.Idempotent;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.Roles;

@Path("/")
@Tag(name = "Exemptions and spot purchases")
public class ExemptionResource {

    private static final String SERVICE_TYPES = "RESIDENTIAL|IFA|SPECIAL_SCHOOL|OUT_OF_SCHOOL_TUITION|OTHER";

    @Inject
    ExemptionService exemptions;

    public record ExemptionRequest(
            @NotNull @Pattern(regexp = SERVICE_TYPES, message = "must be one of " + SERVICE_TYPES) String serviceType,
            @NotBlank @Size(max = 2000) String reason,
            @NotBlank @Size(max = 500) String contractBasis,
            @NotNull LocalDate validUntil) {
    }

    public record ExemptionView(UUID id, String council, String serviceType, String reason, String contractBasis,
            LocalDate validUntil, boolean expiring, Instant createdAt) {
    }

    public record SpotPurchaseRequest(@NotNull UUID exemptionId, UUID providerId,
            @NotBlank @Size(max = 200) String providerName, @NotNull @Valid ReferralResource.FeeRequest weeklyFee,
            @NotNull @Pattern(regexp = "DAY|WEEKS_38|WEEKS_52", message = "must be DAY, WEEKS_38 or WEEKS_52")
            String placementPattern,
            @NotNull LocalDate startDate,
            @NotNull List<ReferralResource.@Valid @NotNull ShareRequest> fundingShares,
            @Pattern(regexp = ReferralResource.CHILD_REFERENCE, message = ReferralResource.CHILD_REFERENCE_RULE)
            String childReference,
            @Size(max = 10) String placementType, @Size(max = 10) String placementProvider, UUID referralId) {
    }

    @POST
    @Path("exemptions")
    @Idempotent
    @RolesAllowed(Roles.COMMISSIONER)
    @Operation(summary = "Record an exemption to buy a service type off the DPS until a date")
    public Response create(@Valid @NotNull ExemptionRequest request) {
        Exemption exemption = exemptions.create(new ExemptionService.NewExemption(request.serviceType(),
                request.reason(), request.contractBasis(), request.validUntil()));
        return Response.created(URI.create("/exemptions/" + exemption.id)).entity(view(exemption)).build();
    }

    @GET
    @Path("exemptions")
    @RolesAllowed({Roles.COMMISSIONER, Roles.PLACEMENT_OFFICER, Roles.FINANCE_OFFICER})
    @Operation(summary = "Your council's exemptions by expiry; expiring=true: those ending within the warning period")
    public Page<ExemptionView> list(@QueryParam("expiring") boolean expiring, @Valid @BeanParam PageRequest page) {
        return Page.of(exemptions.list(expiring, page), page.page, page.size, this::view);
    }

    @POST
    @Path("spot-purchases")
    @Idempotent
    @RolesAllowed(Roles.PLACEMENT_OFFICER)
    @Operation(summary = "Buy a placement off the DPS under a valid exemption",
            description = "A missing or expired exemption is 422. referralId (optional) links it to your council's "
                    + "referral closed unmet (another state: 409; another council's: 403). "
                    + "Publishes dps.placement.spot-purchased.v1.")
    public Response spotPurchase(@Valid @NotNull SpotPurchaseRequest request) {
        Placement placement = exemptions.spotPurchase(new ExemptionService.SpotPurchase(request.exemptionId(),
                request.providerId(), request.providerName(), request.weeklyFee().toFee(), request.placementPattern(),
                request.startDate(), request.fundingShares().stream()
                        .map(s -> new FundingShares.Share(s.stream(), s.percent())).toList(),
                request.childReference(), request.placementType(), request.placementProvider(), request.referralId()));
        return Response.created(URI.create("/placements/" + placement.id))
                .entity(PlacementResource.PlacementView.of(placement, List.of())).build();
    }

    private ExemptionView view(Exemption e) {
        return new ExemptionView(e.id, e.council, e.serviceType, e.reason, e.contractBasis, e.validUntil,
                e.expiresWithin(exemptions.today(), exemptions.warningDays()), e.createdAt);
    }
}
