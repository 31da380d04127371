package uk.gov.dps.transparency.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;
import uk.gov.dps.runtime.ProblemException;
import uk.gov.dps.transparency.service.OcdsPackages;

/** OCDS 1.1 packages of each DPS and its call-offs: open data, read without sign-in. */
@Path("/ocds/dps")
@PermitAll
@Tag(name = "OCDS")
public class OcdsResource {

    public record PublishedDps(UUID dpsId, String reference, String title, String regime, String ocid,
            String releasePackage, String recordPackage) {
    }

    @Inject
    OcdsPackages packages;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The DPSs published, with their ocid and the addresses of their packages")
    public List<PublishedDps> list() {
        return packages.all().stream().map(d -> new PublishedDps(d.id(), d.reference(), d.title(), d.regime(),
                packages.dpsOcid(d.id()), packages.releasePackageUri(d.id()), packages.recordPackageUri(d.id())))
                .toList();
    }

    @GET
    @Path("/{dpsId}/releases")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Release package: the DPS (tender, lots, techniques) and every call-off's award, contract "
            + "and payments, streamed")
    public StreamingOutput releases(@PathParam("dpsId") UUID dpsId) {
        OcdsPackages.Dps dps = packages.find(dpsId).orElseThrow(() -> ProblemException.notFound("DPS", dpsId));
        return out -> packages.write(dps, false, out);
    }

    @GET
    @Path("/{dpsId}/records")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record package: one record per contracting process (the DPS and each call-off), streamed")
    public StreamingOutput records(@PathParam("dpsId") UUID dpsId) {
        OcdsPackages.Dps dps = packages.find(dpsId).orElseThrow(() -> ProblemException.notFound("DPS", dpsId));
        return out -> packages.write(dps, true, out);
    }
}
