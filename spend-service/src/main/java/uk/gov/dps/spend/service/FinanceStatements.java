package uk.gov.dps.spend.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hibernate.Session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import uk.gov.dps.spend.config.SpendConfig;
import uk.gov.dps.spend.domain.Money;
import uk.gov.dps.spend.domain.PaymentPerformance;
import uk.gov.dps.spend.domain.PaymentPeriod;

/**
 * What a council's payments add up to for others: the HEALTH share recharged to each ICB over a period, and how
 * promptly invoices were paid (the Procurement Act 2023 payments compliance notice).
 */
@ApplicationScoped
public class FinanceStatements {

    @Inject
    EntityManager em;

    @Inject
    SpendConfig config;

    @Inject
    Positions positions;

    /** One payment's health share. */
    public record RechargeLine(UUID paymentId, LocalDate paidOn, String paymentReference, String invoiceNumber,
            UUID placementId, UUID providerId, LocalDate periodFrom, LocalDate periodTo, BigDecimal amount,
            BigDecimal healthShare) {
    }

    public record RechargeStatement(String icbCode, String icbName, String council, LocalDate from, LocalDate to,
            int payments, BigDecimal total, List<RechargeLine> lines) {
    }

    /** Per ICB, the HEALTH share of the council's payments made from {@code from} to {@code to} inclusive. */
    public List<RechargeStatement> recharges(String council, LocalDate from, LocalDate to) {
        Map<String, List<RechargeLine>> byIcb = new LinkedHashMap<>();
        em.unwrap(Session.class).doWork(connection -> {
            try (var select = connection.prepareStatement("""
                    SELECT p.icb_code, p.id, p.paid_on, p.payment_reference, i.invoice_number, p.placement_id,
                           p.provider_id, i.period_from, i.period_to, p.amount_pence, (p.shares ->> 'HEALTH')::bigint
                    FROM payment p JOIN invoice i ON i.id = p.invoice_id
                    WHERE p.council = ? AND p.paid_on BETWEEN ? AND ? AND p.icb_code IS NOT NULL
                    ORDER BY p.icb_code, p.paid_on, p.payment_reference""")) {
                select.setString(1, council);
                select.setObject(2, from);
                select.setObject(3, to);
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        byIcb.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(new RechargeLine(
                                rows.getObject(2, UUID.class), rows.getObject(3, LocalDate.class), rows.getString(4),
                                rows.getString(5), rows.getObject(6, UUID.class), rows.getObject(7, UUID.class),
                                rows.getObject(8, LocalDate.class), rows.getObject(9, LocalDate.class),
                                Money.pounds(rows.getLong(10)), Money.pounds(rows.getLong(11))));
                    }
                }
            }
        });
        List<RechargeStatement> statements = new ArrayList<>();
        byIcb.forEach((code, lines) -> statements.add(new RechargeStatement(code, icbName(code), council, from, to,
                lines.size(), lines.stream().map(RechargeLine::healthShare).reduce(BigDecimal.ZERO.setScale(2),
                        BigDecimal::add), lines)));
        return statements;
    }

    private String icbName(String code) {
        return config.icbs().values().stream().filter(i -> i.code().equals(code)).map(SpendConfig.Icb::name)
                .findFirst().orElse(code);
    }

    /** Undisputed invoices received in the period, as paid by today. */
    public PaymentPerformance performance(String council, PaymentPeriod period) {
        List<PaymentPerformance.Receipt> receipts = new ArrayList<>();
        LocalDate today = positions.today();
        em.unwrap(Session.class).doWork(connection -> {
            try (var select = connection.prepareStatement("""
                    SELECT i.received_on, p.paid_on, i.status = 'DISPUTED'
                    FROM invoice i LEFT JOIN payment p ON p.invoice_id = i.id
                    WHERE i.council = ? AND i.received_on BETWEEN ? AND ?""")) {
                select.setString(1, council);
                select.setObject(2, period.firstDay());
                select.setObject(3, period.lastDay());
                try (var rows = select.executeQuery()) {
                    while (rows.next()) {
                        LocalDate paidOn = rows.getObject(2, LocalDate.class);
                        receipts.add(new PaymentPerformance.Receipt(rows.getObject(1, LocalDate.class),
                                paidOn != null && !paidOn.isAfter(today) ? paidOn : null, rows.getBoolean(3)));
                    }
                }
            }
        });
        return PaymentPerformance.of(receipts);
    }
}
