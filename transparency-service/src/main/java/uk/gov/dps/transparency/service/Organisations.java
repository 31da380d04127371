package uk.gov.dps.transparency.service;

import java.io.IOException;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonGenerator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.runtime.PartnerCouncils;

/**
 * How councils and providers are identified in OCDS: a council by its ONS (GSS) local authority code, a provider by
 * its Companies House number ({@code GB-COH}, an org-id.guide list) with its Ofsted URN as an additional identifier.
 */
@ApplicationScoped
public class Organisations {

    /** ONS GSS codes of local authorities; not an org-id.guide list, so named plainly. */
    static final String ONS_SCHEME = "GB-ONS";
    static final String COMPANIES_HOUSE_SCHEME = "GB-COH";
    /** Ofsted's unique reference numbers of registered settings and agencies; not an org-id.guide list. */
    static final String OFSTED_SCHEME = "GB-OFSTED";

    @Inject
    PartnerCouncils councils;

    public String councilName(String council) {
        PartnerCouncils.Council known = councils.all().get(council);
        return known != null ? known.name() : council;
    }

    public String councilCode(String council) {
        PartnerCouncils.Council known = councils.all().get(council);
        return known != null ? known.onsCode() : null;
    }

    public String councilPartyId(String council) {
        String code = councilCode(council);
        return code != null ? ONS_SCHEME + "-" + code : "council-" + council;
    }

    public static String providerPartyId(UUID providerId, String companiesHouseNumber, String name) {
        if (companiesHouseNumber != null) {
            return COMPANIES_HOUSE_SCHEME + "-" + companiesHouseNumber;
        }
        return providerId != null ? "dps-provider-" + providerId : "supplier-" + UUID.nameUUIDFromBytes(
                String.valueOf(name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    void writeCouncilParty(JsonGenerator g, String council, String... roles) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", councilPartyId(council));
        g.writeStringField("name", councilName(council));
        String code = councilCode(council);
        if (code != null) {
            g.writeObjectFieldStart("identifier");
            g.writeStringField("scheme", ONS_SCHEME);
            g.writeStringField("id", code);
            g.writeStringField("legalName", councilName(council));
            g.writeEndObject();
        }
        writeRoles(g, roles);
        g.writeEndObject();
    }

    static void writeProviderParty(JsonGenerator g, String partyId, String name, String companiesHouseNumber,
            String ofstedUrn, String... roles) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", partyId);
        g.writeStringField("name", name);
        if (companiesHouseNumber != null) {
            g.writeObjectFieldStart("identifier");
            g.writeStringField("scheme", COMPANIES_HOUSE_SCHEME);
            g.writeStringField("id", companiesHouseNumber);
            g.writeStringField("legalName", name);
            g.writeEndObject();
        }
        if (ofstedUrn != null) {
            g.writeArrayFieldStart("additionalIdentifiers");
            g.writeStartObject();
            g.writeStringField("scheme", OFSTED_SCHEME);
            g.writeStringField("id", ofstedUrn);
            g.writeEndObject();
            g.writeEndArray();
        }
        writeRoles(g, roles);
        g.writeEndObject();
    }

    static void writeReference(JsonGenerator g, String field, String id, String name) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("id", id);
        g.writeStringField("name", name);
        g.writeEndObject();
    }

    private static void writeRoles(JsonGenerator g, String... roles) throws IOException {
        g.writeArrayFieldStart("roles");
        for (String role : roles) {
            g.writeString(role);
        }
        g.writeEndArray();
    }
}
