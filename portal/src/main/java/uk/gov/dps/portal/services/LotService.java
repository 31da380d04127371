package uk.gov.dps.portal.services;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** lot-service as the portal calls it: the DPSs, their lots and each lot's members, for commissioners. */
@RegisterRestClient(configKey = LotService.NAME)
@RegisterProvider(SignedInUserToken.class)
@RegisterProvider(LotService.Errors.class)
public interface LotService {

    String NAME = "lot-service";

    record Dps(UUID id, String reference, String title, String regime, List<String> councils, LocalDate validFrom,
            LocalDate validTo) {

        public List<String> councils() {
            return councils == null ? List.of() : councils;
        }
    }

    record Category(String code, String name) {
    }

    record Lot(UUID id, UUID dpsId, String dpsReference, String code, String name, String serviceType,
            List<String> placementPatterns, List<Category> categories, List<String> selectionCriteria, boolean tiered,
            boolean open, LocalDate dpsValidTo) {

        public List<Category> categories() {
            return categories == null ? List.of() : categories;
        }

        public List<String> selectionCriteria() {
            return selectionCriteria == null ? List.of() : selectionCriteria;
        }
    }

    /** expiredDocuments: the member's mandatory documents past expiry (the service leaves it out for providers). */
    record Member(UUID providerId, String providerName, List<String> categories, String tier, String status,
            Instant admittedAt, List<String> expiredDocuments) {

        public List<String> categories() {
            return categories == null ? List.of() : categories;
        }

        public List<String> expiredDocuments() {
            return expiredDocuments == null ? List.of() : expiredDocuments;
        }
    }

    @GET
    @Path("/dps")
    Page<Dps> purchasingSystems(@QueryParam("page") int page);

    @GET
    @Path("/dps/{id}")
    Dps purchasingSystem(@PathParam("id") UUID id);

    @GET
    @Path("/dps/{id}/lots")
    Page<Lot> lots(@PathParam("id") UUID dpsId, @QueryParam("page") int page);

    @GET
    @Path("/lots/{id}")
    Lot lot(@PathParam("id") UUID id);

    /** status ACTIVE, SUSPENDED or ALL. */
    @GET
    @Path("/lots/{id}/members")
    Page<Member> members(@PathParam("id") UUID lotId, @QueryParam("status") String status,
            @QueryParam("page") int page);

    final class Errors extends ServiceErrors {
        public Errors() {
            super(NAME);
        }
    }
}
