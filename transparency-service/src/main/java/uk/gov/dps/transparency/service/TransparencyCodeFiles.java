package uk.gov.dps.transparency.service;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.transparency.config.TransparencyConfig;
import uk.gov.dps.transparency.domain.ContractValue;
import uk.gov.dps.transparency.domain.PublicIds;
import uk.gov.dps.transparency.domain.Quarter;

/**
 * A council's Local Government Transparency Code 2015 files for one quarter, as CSV (RFC 4180, dates ISO 8601):
 * every payment over £500 (Part 1, expenditure exceeding £500) and every contract over £5,000 (Part 1, contracts
 * exceeding £5,000), with the Code's fields. Fields the platform does not know are left blank and listed in
 * {@link #NOT_KNOWN}: irrecoverable VAT, merchant category (card payments only), review dates, SME and VCSE status.
 */
@ApplicationScoped
public class TransparencyCodeFiles {

    public static final BigDecimal PAYMENT_THRESHOLD = new BigDecimal("500");
    public static final BigDecimal CONTRACT_THRESHOLD = new BigDecimal("5000");
    public static final List<String> NOT_KNOWN = List.of("Irrecoverable VAT", "Merchant category", "Review date",
            "SME", "VCSE");

    public static final List<String> PAYMENT_COLUMNS = List.of("Organisation name", "Organisation code",
            "Effective date", "Expense area", "Expense type", "Transaction number", "Amount", "Irrecoverable VAT",
            "Supplier name", "Supplier ID", "Merchant category", "Purpose");
    public static final List<String> CONTRACT_COLUMNS = List.of("Reference", "Title", "Organisation name",
            "Organisation code", "Department", "Description", "Supplier name", "Supplier registration number", "Value",
            "Irrecoverable VAT", "Start date", "End date", "Review date", "From a published invitation to tender",
            "SME", "VCSE");

    @Inject
    DataSource dataSource;

    @Inject
    Organisations organisations;

    @Inject
    TransparencyConfig config;

    /** Payments the council made in the quarter of more than £500, in date order. */
    public String payments(String council, Quarter quarter) {
        StringBuilder csv = new StringBuilder();
        row(csv, PAYMENT_COLUMNS);
        String sql = """
                SELECT pay.payment_id, pay.paid_on, pay.amount, pay.payment_reference, c.service_type,
                       coalesce(p.name, c.provider_name) AS supplier, p.companies_house_number
                FROM payment pay
                LEFT JOIN contract c ON c.placement_id = pay.placement_id
                LEFT JOIN provider p ON p.provider_id = pay.provider_id
                WHERE pay.council = ? AND pay.paid_on BETWEEN ? AND ? AND pay.amount > ?
                ORDER BY pay.paid_on, pay.payment_id
                """;
        read(sql, rs -> {
            String reference = rs.getString("payment_reference");
            row(csv, List.of(organisations.councilName(council), text(organisations.councilCode(council)),
                    rs.getObject("paid_on", LocalDate.class).toString(), Labels.DEPARTMENT,
                    Labels.serviceType(rs.getString("service_type")),
                    reference != null && !reference.isBlank() ? reference
                            : PublicIds.payment(rs.getObject("payment_id", UUID.class)).toString(),
                    rs.getBigDecimal("amount").toPlainString(), "", text(rs.getString("supplier")),
                    text(rs.getString("companies_house_number")), "", "Children's placement fees"));
        }, council, quarter.firstDay(), quarter.lastDay(), PAYMENT_THRESHOLD);
        return csv.toString();
    }

    /** Contracts the council entered into in the quarter worth more than £5,000, in date order. */
    public String contracts(String council, Quarter quarter) {
        StringBuilder csv = new StringBuilder();
        row(csv, CONTRACT_COLUMNS);
        String sql = """
                SELECT c.public_id, c.kind, c.service_type, c.placement_pattern, c.weekly_fee, c.start_date,
                       c.expected_end, c.ended_on, c.value, l.name AS lot_name, l.code AS lot_code,
                       l.dps_reference, coalesce(p.name, c.provider_name) AS supplier, p.companies_house_number
                FROM contract c
                LEFT JOIN lot l ON l.lot_id = c.lot_id
                LEFT JOIN provider p ON p.provider_id = c.provider_id
                WHERE c.council = ? AND (c.awarded_at AT TIME ZONE 'Europe/London')::date BETWEEN ? AND ?
                  AND c.value > ?
                ORDER BY c.awarded_at, c.seq
                """;
        read(sql, rs -> {
            boolean callOff = "AWARD".equals(rs.getString("kind"));
            String service = Labels.serviceType(rs.getString("service_type"));
            LocalDate start = rs.getObject("start_date", LocalDate.class);
            LocalDate expectedEnd = rs.getObject("expected_end", LocalDate.class);
            LocalDate ended = rs.getObject("ended_on", LocalDate.class);
            String description = service + ", " + Labels.pattern(rs.getString("placement_pattern")) + ", weekly fee £"
                    + rs.getBigDecimal("weekly_fee").toPlainString()
                    + (callOff ? "; call-off from " + rs.getString("dps_reference") + " lot " + rs.getString("lot_code")
                            : "; spot purchase under a recorded exemption")
                    + (expectedEnd == null ? "; no planned end, valued for one year" : "");
            row(csv, List.of(PublicIds.contractOcid(config.ocidPrefix(), rs.getObject("public_id", UUID.class)),
                    callOff ? "Children's placement: " + rs.getString("lot_name")
                            : "Children's placement (spot purchase): " + service,
                    organisations.councilName(council), text(organisations.councilCode(council)), Labels.DEPARTMENT,
                    description, text(rs.getString("supplier")), text(rs.getString("companies_house_number")),
                    rs.getBigDecimal("value").toPlainString(), "", start.toString(),
                    (ended != null ? ended : ContractValue.periodEnd(start, expectedEnd)).toString(), "",
                    callOff ? "Yes" : "No", "", ""));
        }, council, quarter.firstDay(), quarter.lastDay(), CONTRACT_THRESHOLD);
        return csv.toString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /** One CSV line; a field with a comma, quote or line break is quoted (RFC 4180). */
    static void row(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            String field = fields.get(i);
            if (i > 0) {
                csv.append(',');
            }
            if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
                csv.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                csv.append(field);
            }
        }
        csv.append("\r\n");
    }

    @FunctionalInterface
    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    private void read(String sql, Row row, Object... params) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + sql, e);
        }
    }
}
