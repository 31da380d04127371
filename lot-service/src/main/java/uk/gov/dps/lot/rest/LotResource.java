package uk.gov.dps.lot.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import uk.gov.dps.lot.domain.Lot;
import uk.gov.dps.lot.domain.LotMember;
import uk.gov.dps.lot.service.LotService;
import uk.gov.dps.lot.service.MembershipService;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.Page;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.QueryValues;
import uk.gov.dps.runtime.Roles;

@Path("/lots")
@Tag(name = "Lots")
public class LotResource {

    @Inject
    LotService lots;

    @Inject
    MembershipService membership;

    @Inject
    AuditTrail audit;

    @Inject
    Caller caller;

    public record LotView(UUID id, UUID dpsId, String dpsReference, String code, String name,
            Lot.ServiceType serviceType, List<String> placementPatterns, List<Lot.Category> categories,
            List<String> selectionCriteria, boolean tiered, boolean open, LocalDate dpsValidTo) {

        static LotView of(Lot l) {
            return new LotView(l.id, l.dps.id, l.dps.reference, l.code, l.name, l.serviceType,
                    List.of(l.placementPatterns), List.copyOf(l.categories), List.copyOf(l.selectionCriteria), l.tiered,
                    l.open, l.dps.validTo);
        }
    }

    public record ChangeLotRequest(
            @NotBlank @Size(max = 200) String name,
            @NotNull List<DpsResource.@Valid @NotNull CategoryRequest> categories,
            @NotNull List<@NotBlank String> selectionCriteria,
            @Size(max = 200) String noticeReference) {
    }

    public record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    /** {@code expiredDocuments}: mandatory documents past expiry and not replaced; null for provider users. */
    public record MemberView(UUID providerId, String providerName, List<String> categories, String tier,
            String status, Instant admittedAt, List<String> expiredDocuments) {

        static MemberView of(LotMember m, List<String> expiredDocuments) {
            return new MemberView(m.providerId, m.providerName, List.of(m.categories), m.tier,
                    m.suspended ? "SUSPENDED" : "ACTIVE", m.admittedAt, expiredDocuments);
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.COMMISSIONER, Roles.PLACEMENT_OFFICER, Roles.PANEL, Roles.PROVIDER, Roles.MONITORING_OFFICER})
    public LotView get(@PathParam("id") UUID id) {
        return LotView.of(lots.get(id));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.COMMISSIONER)
    @Operation(summary = "Change a lot's name, categories and selection criteria",
            description = "Publishes dps.lot.changed.v1. On a Procurement Act 2023 dynamic market the selection "
                    + "criteria (membership conditions) change only with the noticeReference of the published "
                    + "modification notice; it is kept in the lot's audit.")
    public LotView change(@PathParam("id") UUID id, @Valid @NotNull ChangeLotRequest request) {
        return LotView.of(lots.change(id, new LotService.LotChange(request.name(),
                request.categories().stream().map(DpsResource.CategoryRequest::toCategory).toList(),
                request.selectionCriteria(), request.noticeReference()), caller.requirePartnerCouncil(),
                caller.asActor()));
    }

    @POST
    @Path("/{id}/close")
    @RolesAllowed(Roles.COMMISSIONER)
    @Operation(summary = "Close the lot to new applications", description = "Publishes dps.lot.closed.v1. "
            + "409 for a lot of a PCR 2015 DPS while the DPS is valid (reg. 34: open throughout its validity).")
    public LotView close(@PathParam("id") UUID id, @Valid @NotNull ReasonRequest request) {
        return LotView.of(lots.setOpen(id, false, request.reason(), caller.requirePartnerCouncil(), caller.asActor()));
    }

    @POST
    @Path("/{id}/open")
    @RolesAllowed(Roles.COMMISSIONER)
    @Operation(summary = "Reopen the lot to applications", description = "Publishes dps.lot.opened.v1.")
    public LotView open(@PathParam("id") UUID id, @Valid @NotNull ReasonRequest request) {
        return LotView.of(lots.setOpen(id, true, request.reason(), caller.requirePartnerCouncil(), caller.asActor()));
    }

    @GET
    @Path("/{id}/members")
    @RolesAllowed({Roles.COMMISSIONER, Roles.PLACEMENT_OFFICER, Roles.PANEL, Roles.PROVIDER, Roles.MONITORING_OFFICER})
    @Operation(summary = "Providers who are members of the lot, by name, paged",
            description = "status=ACTIVE (default: admitted and not suspended), SUSPENDED or ALL; "
                    + "category= only members serving that category.")
    public Page<MemberView> members(@PathParam("id") UUID id, @QueryParam("category") String category,
            @QueryParam("status") String status, @Valid @BeanParam PageRequest page) {
        MembershipService.Filter filter = QueryValues.optionalEnum(MembershipService.Filter.class, status, "status")
                .orElse(MembershipService.Filter.ACTIVE);
        List<LotMember> members = membership.members(id, Optional.ofNullable(category).filter(c -> !c.isBlank()),
                filter, page);
        // another provider's lapsed insurance is the council's business, not a competitor's
        boolean showDocuments = !caller.hasRole(Roles.PROVIDER);
        Map<UUID, List<String>> expired = showDocuments
                ? membership.expiredDocuments(members.stream().map(m -> m.providerId).toList())
                : Map.of();
        return Page.of(members, page.page, page.size,
                m -> MemberView.of(m, showDocuments ? expired.getOrDefault(m.providerId, List.of()) : null));
    }

    @GET
    @Path("/{id}/audit")
    @RolesAllowed(Roles.COMMISSIONER)
    @Operation(summary = "Who decided what about this lot, when and why")
    public Page<AuditTrail.Entry> audit(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        lots.get(id);
        return Page.of(audit.about(id, page), page.page, page.size, e -> e);
    }
}
