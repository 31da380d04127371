package uk.gov.dps.transparency.service;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.runtime.PlatformClock;
import uk.gov.dps.transparency.config.TransparencyConfig;
import uk.gov.dps.transparency.domain.ContractValue;
import uk.gov.dps.transparency.domain.PublicIds;

/**
 * OCDS 1.1 release and record packages of one DPS, written straight to the response as the rows are read: the DPS
 * (a procedure with {@code techniques.hasDynamicPurchasingSystem} and its lots) first, then one contracting process
 * per call-off (its award, contract and the payments as implementation transactions, {@code relatedProcesses}
 * pointing at the DPS). Rows come through a server-side cursor ({@code fetchSize}), and only one call-off's rows
 * are held at a time, so memory stays the same for 10 or 100,000 call-offs. Nothing about a child is read.
 */
@ApplicationScoped
public class OcdsPackages {

    /** Extensions used, as the packages name them (each a JSON Merge Patch on the release schema). */
    public static final List<String> EXTENSIONS = List.of(
            "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/master/extension.json",
            "https://raw.githubusercontent.com/open-contracting-extensions/ocds_techniques_extension/master/extension.json",
            "https://raw.githubusercontent.com/cabinetoffice/ocds_uk_extension/main/extension.json");

    static final int FETCH_SIZE = 500;
    /** RFC 3339 with seconds always written (OffsetDateTime.toString drops zero seconds). */
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");
    private static final JsonFactory JSON = new JsonFactory();

    @Inject
    DataSource dataSource;

    @Inject
    TransparencyConfig config;

    @Inject
    Organisations organisations;

    @Inject
    Clock clock;

    /** A DPS as published, with its lots. */
    public record Dps(UUID id, String reference, String title, String regime, List<String> councils,
            LocalDate validFrom, LocalDate validTo, Instant updatedAt, List<Lot> lots) {
    }

    public record Lot(String code, String name, String serviceType, boolean open) {
    }

    public List<Dps> all() {
        List<Dps> found = new ArrayList<>();
        query("SELECT dps_id FROM purchasing_system ORDER BY valid_from, reference", rs -> {
            while (rs.next()) {
                find(rs.getObject(1, UUID.class)).ifPresent(found::add);
            }
            return null;
        });
        return found;
    }

    public Optional<Dps> find(UUID dpsId) {
        return query("SELECT reference, title, regime, councils, valid_from, valid_to, updated_at FROM purchasing_system "
                + "WHERE dps_id = ?", rs -> {
                    if (!rs.next()) {
                        return Optional.<Dps>empty();
                    }
                    String reference = rs.getString("reference");
                    String title = rs.getString("title");
                    String regime = rs.getString("regime");
                    List<String> councils = Arrays.asList((String[]) rs.getArray("councils").getArray());
                    LocalDate from = rs.getObject("valid_from", LocalDate.class);
                    LocalDate to = rs.getObject("valid_to", LocalDate.class);
                    Instant updated = rs.getTimestamp("updated_at").toInstant();
                    List<Lot> lots = query("SELECT code, name, service_type, open, updated_at FROM lot WHERE dps_id = ? "
                            + "ORDER BY code", lotRows -> {
                                List<Lot> list = new ArrayList<>();
                                while (lotRows.next()) {
                                    list.add(new Lot(lotRows.getString(1), lotRows.getString(2), lotRows.getString(3),
                                            lotRows.getBoolean(4)));
                                }
                                return list;
                            }, dpsId);
                    return Optional.of(new Dps(dpsId, reference, title, regime, councils, from, to, updated, lots));
                }, dpsId);
    }

    public String dpsOcid(UUID dpsId) {
        return PublicIds.dpsOcid(config.ocidPrefix(), dpsId);
    }

    public String releasePackageUri(UUID dpsId) {
        return config.publicUrl() + "/ocds/dps/" + dpsId + "/releases";
    }

    public String recordPackageUri(UUID dpsId) {
        return config.publicUrl() + "/ocds/dps/" + dpsId + "/records";
    }

    /** Writes the release package (records false) or the record package (records true) of the DPS. */
    public void write(Dps dps, boolean records, OutputStream out) {
        // one transaction around the cursor: PostgreSQL streams rows by fetchSize only with autocommit off
        QuarkusTransaction.requiringNew().timeout(3600).run(() -> {
            try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
                writePackage(g, dps, records);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void writePackage(JsonGenerator g, Dps dps, boolean records) throws IOException {
        g.writeStartObject();
        g.writeStringField("uri", records ? recordPackageUri(dps.id()) : releasePackageUri(dps.id()));
        g.writeStringField("version", "1.1");
        g.writeArrayFieldStart("extensions");
        for (String extension : EXTENSIONS) {
            g.writeString(extension);
        }
        g.writeEndArray();
        // generated on demand: the time of generation (the last change would need a pass over every row first)
        g.writeStringField("publishedDate", Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString());
        g.writeObjectFieldStart("publisher");
        g.writeStringField("name", config.publisherName());
        g.writeEndObject();
        g.writeStringField("license", config.licence().toString());
        if (records) {
            g.writeArrayFieldStart("packages");
            g.writeString(releasePackageUri(dps.id()));
            g.writeEndArray();
        }
        g.writeArrayFieldStart(records ? "records" : "releases");
        String dpsOcid = dpsOcid(dps.id());
        String dpsReleaseId = dpsOcid + "-" + dps.updatedAt().getEpochSecond();
        if (records) {
            startRecord(g, dpsOcid, dps.id(), dpsReleaseId, dps.updatedAt(), "tender");
            writeDpsRelease(g, dps, dpsOcid, dpsReleaseId, true);
            g.writeEndObject();
        } else {
            writeDpsRelease(g, dps, dpsOcid, dpsReleaseId, false);
        }
        g.flush(); // the first bytes leave before the call-offs are read
        writeCallOffs(g, dps, dpsOcid, records);
        g.writeEndArray();
        g.writeEndObject();
    }

    private void startRecord(JsonGenerator g, String ocid, UUID dpsId, String releaseId, Instant date, String... tags)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("ocid", ocid);
        g.writeArrayFieldStart("releases");
        g.writeStartObject();
        g.writeStringField("url", releasePackageUri(dpsId) + "#" + releaseId);
        g.writeStringField("date", date.truncatedTo(ChronoUnit.SECONDS).toString());
        g.writeArrayFieldStart("tag");
        for (String tag : tags) {
            g.writeString(tag);
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndArray();
        g.writeFieldName("compiledRelease");
    }

    private void writeDpsRelease(JsonGenerator g, Dps dps, String ocid, String releaseId, boolean compiled)
            throws IOException {
        LocalDate today = LocalDate.now(clock);
        g.writeStartObject();
        g.writeStringField("ocid", ocid);
        g.writeStringField("id", releaseId);
        g.writeStringField("date", dps.updatedAt().truncatedTo(ChronoUnit.SECONDS).toString());
        writeTags(g, compiled, "tender");
        g.writeStringField("initiationType", "tender");
        g.writeStringField("language", "en");
        g.writeArrayFieldStart("parties");
        for (String council : dps.councils()) {
            organisations.writeCouncilParty(g, council, "buyer");
        }
        g.writeEndArray();
        if (!dps.councils().isEmpty()) {
            String lead = dps.councils().get(0);
            Organisations.writeReference(g, "buyer", organisations.councilPartyId(lead),
                    organisations.councilName(lead));
        }
        g.writeObjectFieldStart("tender");
        g.writeStringField("id", dps.reference());
        g.writeStringField("title", dps.title());
        g.writeStringField("description", Labels.regime(dps.regime()) + " for children's placements, shared by "
                + String.join(", ", dps.councils().stream().map(organisations::councilName).toList()) + ".");
        String status = today.isBefore(dps.validFrom()) ? "planned" : today.isAfter(dps.validTo()) ? "complete" : "active";
        g.writeStringField("status", status);
        g.writeStringField("procurementMethod", "selective");
        g.writeStringField("procurementMethodDetails", Labels.regime(dps.regime()));
        g.writeStringField("mainProcurementCategory", "services");
        g.writeObjectFieldStart("tenderPeriod");
        g.writeStringField("startDate", startOfDay(dps.validFrom()));
        g.writeStringField("endDate", endOfDay(dps.validTo()));
        g.writeEndObject();
        g.writeObjectFieldStart("techniques");
        g.writeBooleanField("hasDynamicPurchasingSystem", true);
        g.writeObjectFieldStart("dynamicPurchasingSystem");
        g.writeStringField("type", "closed"); // only the councils named may call off
        g.writeStringField("status", today.isBefore(dps.validFrom()) ? "pending"
                : today.isAfter(dps.validTo()) ? "terminated" : "active");
        g.writeEndObject();
        g.writeEndObject();
        g.writeArrayFieldStart("lots");
        for (Lot lot : dps.lots()) {
            g.writeStartObject();
            g.writeStringField("id", lot.code());
            g.writeStringField("title", lot.name());
            g.writeStringField("description", Labels.serviceType(lot.serviceType()));
            g.writeStringField("status", lot.open() && "active".equals(status) ? "active" : "complete");
            g.writeObjectFieldStart("techniques");
            g.writeBooleanField("hasDynamicPurchasingSystem", true);
            g.writeEndObject();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    /** One call-off's award and contract, and the payments made under it. */
    private record CallOff(UUID publicId, String council, String lotCode, String lotName, String serviceType,
            UUID providerId, String providerName, String ofstedUrn, String companiesHouseNumber, BigDecimal weeklyFee,
            String pattern, LocalDate start, LocalDate expectedEnd, BigDecimal value, Instant awardedAt,
            LocalDate endedOn, Instant updatedAt, List<Payment> payments) {
    }

    private record Payment(UUID id, BigDecimal amount, LocalDate paidOn, Instant recordedAt) {
    }

    private void writeCallOffs(JsonGenerator g, Dps dps, String dpsOcid, boolean records) throws IOException {
        String sql = """
                SELECT c.public_id, c.council, l.code AS lot_code, l.name AS lot_name, c.service_type, c.provider_id,
                       coalesce(p.name, c.provider_name) AS provider_name, p.ofsted_urn, p.companies_house_number,
                       c.weekly_fee, c.placement_pattern, c.start_date, c.expected_end, c.value, c.awarded_at,
                       c.ended_on, c.updated_at, pay.payment_id, pay.amount, pay.paid_on, pay.recorded_at
                FROM contract c
                JOIN lot l ON l.lot_id = c.lot_id
                LEFT JOIN provider p ON p.provider_id = c.provider_id
                LEFT JOIN payment pay ON pay.placement_id = c.placement_id
                WHERE l.dps_id = ? AND c.kind = 'AWARD'
                ORDER BY c.seq, pay.paid_on, pay.payment_id
                """;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setFetchSize(FETCH_SIZE);
            statement.setObject(1, dps.id());
            try (ResultSet rs = statement.executeQuery()) {
                CallOff current = null;
                while (rs.next()) {
                    UUID publicId = rs.getObject("public_id", UUID.class);
                    if (current == null || !current.publicId().equals(publicId)) {
                        if (current != null) {
                            writeCallOff(g, current, dps, dpsOcid, records);
                        }
                        current = new CallOff(publicId, rs.getString("council"), rs.getString("lot_code"),
                                rs.getString("lot_name"), rs.getString("service_type"),
                                rs.getObject("provider_id", UUID.class), rs.getString("provider_name"),
                                rs.getString("ofsted_urn"), rs.getString("companies_house_number"),
                                rs.getBigDecimal("weekly_fee"), rs.getString("placement_pattern"),
                                rs.getObject("start_date", LocalDate.class), rs.getObject("expected_end", LocalDate.class),
                                rs.getBigDecimal("value"), rs.getTimestamp("awarded_at").toInstant(),
                                rs.getObject("ended_on", LocalDate.class), rs.getTimestamp("updated_at").toInstant(),
                                new ArrayList<>());
                    }
                    UUID paymentId = rs.getObject("payment_id", UUID.class);
                    if (paymentId != null) {
                        Timestamp recorded = rs.getTimestamp("recorded_at");
                        current.payments().add(new Payment(paymentId, rs.getBigDecimal("amount"),
                                rs.getObject("paid_on", LocalDate.class), recorded.toInstant()));
                    }
                }
                if (current != null) {
                    writeCallOff(g, current, dps, dpsOcid, records);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the call-offs of DPS " + dps.id(), e);
        }
    }

    private void writeCallOff(JsonGenerator g, CallOff c, Dps dps, String dpsOcid, boolean records)
            throws IOException {
        String ocid = PublicIds.contractOcid(config.ocidPrefix(), c.publicId());
        Instant date = c.updatedAt();
        for (Payment payment : c.payments()) {
            date = payment.recordedAt().isAfter(date) ? payment.recordedAt() : date;
        }
        String releaseId = ocid + "-" + date.getEpochSecond();
        String[] tags = c.payments().isEmpty() ? new String[] { "award", "contract" }
                : new String[] { "award", "contract", "implementation" };
        if (records) {
            startRecord(g, ocid, dps.id(), releaseId, date, tags);
        }
        String buyerId = organisations.councilPartyId(c.council());
        String buyerName = organisations.councilName(c.council());
        String supplierName = c.providerName() != null ? c.providerName() : "Supplier not named";
        String supplierId = Organisations.providerPartyId(c.providerId(), c.companiesHouseNumber(), supplierName);

        g.writeStartObject();
        g.writeStringField("ocid", ocid);
        g.writeStringField("id", releaseId);
        g.writeStringField("date", date.truncatedTo(ChronoUnit.SECONDS).toString());
        writeTags(g, records, tags);
        g.writeStringField("initiationType", "tender");
        g.writeStringField("language", "en");
        g.writeArrayFieldStart("parties");
        organisations.writeCouncilParty(g, c.council(), "buyer", "payer");
        Organisations.writeProviderParty(g, supplierId, supplierName, c.companiesHouseNumber(), c.ofstedUrn(),
                "supplier", "payee");
        g.writeEndArray();
        Organisations.writeReference(g, "buyer", buyerId, buyerName);
        g.writeObjectFieldStart("tender");
        g.writeStringField("id", ocid + "-call-off");
        g.writeStringField("title", "Call-off: " + c.lotName());
        g.writeStringField("status", "complete");
        g.writeStringField("procurementMethod", "selective");
        g.writeStringField("procurementMethodDetails", "Call-off from " + dps.reference() + " lot " + c.lotCode()
                + ", every provider admitted to the lot invited");
        g.writeStringField("mainProcurementCategory", "services");
        g.writeObjectFieldStart("techniques");
        g.writeBooleanField("hasDynamicPurchasingSystem", true);
        g.writeEndObject();
        g.writeEndObject();
        g.writeArrayFieldStart("relatedProcesses");
        g.writeStartObject();
        g.writeStringField("id", "dps");
        g.writeArrayFieldStart("relationship");
        g.writeString("framework");
        g.writeEndArray();
        g.writeStringField("title", dps.title());
        g.writeStringField("scheme", "ocid");
        g.writeStringField("identifier", dpsOcid);
        g.writeStringField("uri", releasePackageUri(dps.id()));
        g.writeEndObject();
        g.writeEndArray();

        LocalDate periodEnd = c.endedOn() != null ? c.endedOn() : ContractValue.periodEnd(c.start(), c.expectedEnd());
        String awardId = c.publicId() + "-award";
        g.writeArrayFieldStart("awards");
        g.writeStartObject();
        g.writeStringField("id", awardId);
        g.writeStringField("title", Labels.serviceType(c.serviceType()));
        g.writeStringField("description", "Individual placement agreement, " + Labels.pattern(c.pattern())
                + ", weekly fee GBP " + c.weeklyFee().toPlainString() + "; value = weekly fee x weeks of the planned "
                + "period" + ("WEEKS_38".equals(c.pattern()) || "DAY".equals(c.pattern()) ? " x 38/52" : "")
                + (c.expectedEnd() == null ? " (no planned end: one year)" : ""));
        g.writeStringField("status", "active");
        g.writeStringField("date", c.awardedAt().truncatedTo(ChronoUnit.SECONDS).toString());
        writeValue(g, "value", c.value());
        g.writeArrayFieldStart("suppliers");
        g.writeStartObject();
        g.writeStringField("id", supplierId);
        g.writeStringField("name", supplierName);
        g.writeEndObject();
        g.writeEndArray();
        writePeriod(g, "contractPeriod", c.start(), c.expectedEnd() != null ? c.expectedEnd() : periodEnd);
        g.writeEndObject();
        g.writeEndArray();

        g.writeArrayFieldStart("contracts");
        g.writeStartObject();
        g.writeStringField("id", c.publicId().toString());
        g.writeStringField("awardID", awardId);
        g.writeStringField("title", "Individual placement agreement: " + c.lotName());
        LocalDate today = LocalDate.now(clock);
        g.writeStringField("status", c.endedOn() != null && !c.endedOn().isAfter(today) ? "terminated"
                : today.isBefore(c.start()) ? "pending" : "active");
        writePeriod(g, "period", c.start(), periodEnd);
        writeValue(g, "value", c.value());
        g.writeStringField("dateSigned", c.awardedAt().truncatedTo(ChronoUnit.SECONDS).toString());
        if (!c.payments().isEmpty()) {
            g.writeObjectFieldStart("implementation");
            g.writeArrayFieldStart("transactions");
            for (Payment payment : c.payments()) {
                g.writeStartObject();
                g.writeStringField("id", PublicIds.payment(payment.id()).toString());
                g.writeStringField("date", startOfDay(payment.paidOn()));
                writeValue(g, "value", payment.amount());
                Organisations.writeReference(g, "payer", buyerId, buyerName);
                Organisations.writeReference(g, "payee", supplierId, supplierName);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeEndArray();
        g.writeEndObject();
        if (records) {
            g.writeEndObject();
        }
    }

    private static void writeTags(JsonGenerator g, boolean compiled, String... tags) throws IOException {
        g.writeArrayFieldStart("tag");
        if (compiled) {
            g.writeString("compiled");
        } else {
            for (String tag : tags) {
                g.writeString(tag);
            }
        }
        g.writeEndArray();
    }

    private static void writeValue(JsonGenerator g, String field, BigDecimal amount) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeNumberField("amount", amount);
        g.writeStringField("currency", "GBP");
        g.writeEndObject();
    }

    private static void writePeriod(JsonGenerator g, String field, LocalDate start, LocalDate end) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("startDate", startOfDay(start));
        g.writeStringField("endDate", endOfDay(end));
        g.writeEndObject();
    }

    static String startOfDay(LocalDate day) {
        return DATE_TIME.format(day.atStartOfDay(PlatformClock.UK));
    }

    static String endOfDay(LocalDate day) {
        return DATE_TIME.format(day.atTime(23, 59, 59).atZone(PlatformClock.UK));
    }

    @FunctionalInterface
    private interface Rows<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> T query(String sql, Rows<T> rows, Object... params) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                return rows.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + sql, e);
        }
    }
}
