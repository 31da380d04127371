package uk.gov.dps.transparency.service;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.events.lot.LotSnapshot;
import uk.gov.dps.events.lot.PurchasingSystemEstablished;
import uk.gov.dps.events.placement.CallOffIssued;
import uk.gov.dps.events.placement.PlacementAwarded;
import uk.gov.dps.events.placement.PlacementEnded;
import uk.gov.dps.events.placement.SpotPurchaseMade;
import uk.gov.dps.events.provider.ProviderAdmittedToLot;
import uk.gov.dps.events.provider.ProviderRegistered;
import uk.gov.dps.events.spend.PaymentRecorded;
import uk.gov.dps.messaging.IncomingEvent;
import uk.gov.dps.transparency.domain.ContractValue;
import uk.gov.dps.transparency.domain.PublicIds;

/**
 * Keeps the publishable part of each event, in the Inbox's transaction. Every write is an upsert or an insert that
 * ignores a row already there, so events of different topics may arrive in any order. What is never copied: the
 * referral (needs, age band, sex, postcode district), funding shares, panel references, parental preference.
 */
@ApplicationScoped
public class Projection {

    @Inject
    DataSource dataSource;

    public void established(PurchasingSystemEstablished dps, IncomingEvent event) {
        update("""
                INSERT INTO purchasing_system (dps_id, reference, title, regime, councils, valid_from, valid_to, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (dps_id) DO UPDATE SET reference = excluded.reference, title = excluded.title,
                    regime = excluded.regime, councils = excluded.councils, valid_from = excluded.valid_from,
                    valid_to = excluded.valid_to, updated_at = excluded.updated_at
                """, dps.dpsId(), dps.reference(), dps.title(), dps.regime(), dps.councils(), dps.validFrom(),
                dps.validTo(), time(event));
    }

    public void lot(LotSnapshot lot, IncomingEvent event) {
        update("""
                INSERT INTO lot (lot_id, dps_id, dps_reference, code, name, service_type, open, councils, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (lot_id) DO UPDATE SET dps_id = excluded.dps_id, dps_reference = excluded.dps_reference,
                    code = excluded.code, name = excluded.name, service_type = excluded.service_type,
                    open = excluded.open, councils = excluded.councils, updated_at = excluded.updated_at
                """, lot.lotId(), lot.dpsId(), lot.dpsReference(), lot.code(), lot.name(), lot.serviceType(), lot.open(),
                lot.councils(), time(event));
        // the DPS as its lots describe it, until (or if ever) its established event is read
        update("""
                INSERT INTO purchasing_system (dps_id, reference, title, councils, valid_from, valid_to, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (dps_id) DO NOTHING
                """, lot.dpsId(), lot.dpsReference(), lot.dpsReference(), lot.councils(), lot.dpsValidFrom(),
                lot.dpsValidTo(), time(event));
    }

    public void registered(ProviderRegistered provider) {
        update("""
                INSERT INTO provider (provider_id, name, ofsted_urn, companies_house_number) VALUES (?, ?, ?, ?)
                ON CONFLICT (provider_id) DO UPDATE SET name = excluded.name, ofsted_urn = excluded.ofsted_urn,
                    companies_house_number = excluded.companies_house_number
                """, provider.providerId(), provider.name(), blankToNull(provider.ofstedUrn()),
                blankToNull(provider.companiesHouseNumber()));
    }

    public void admitted(ProviderAdmittedToLot admitted) {
        update("INSERT INTO provider (provider_id, name) VALUES (?, ?) ON CONFLICT (provider_id) DO NOTHING",
                admitted.providerId(), admitted.providerName());
    }

    public void calledOff(CallOffIssued callOff) {
        update("""
                INSERT INTO call_off (referral_id, lot_id, issued_at) VALUES (?, ?, ?)
                ON CONFLICT (referral_id) DO UPDATE SET issued_at = least(call_off.issued_at, excluded.issued_at)
                """, callOff.referralId(), callOff.lotId(), callOff.issuedAt());
    }

    public void awarded(PlacementAwarded award, IncomingEvent event) {
        LocalDate start = award.plannedStart();
        update("""
                INSERT INTO contract (placement_id, public_id, referral_id, kind, council, lot_id, service_type,
                    provider_id, weekly_fee, placement_pattern, start_date, expected_end, value, awarded_at,
                    notice_reference, updated_at)
                VALUES (?, ?, ?, 'AWARD', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (placement_id) DO NOTHING
                """, award.placementId(), PublicIds.contract(award.placementId()), award.referralId(), award.council(),
                award.lotId(), award.serviceType(), award.providerId(), award.weeklyFee().total(),
                award.placementPattern(), start, award.expectedEnd(),
                ContractValue.of(award.weeklyFee().total(), award.placementPattern(), start, award.expectedEnd()),
                award.awardedAt(), award.noticeReference(), time(event));
    }

    public void spotPurchased(SpotPurchaseMade spot, IncomingEvent event) {
        if (spot.weeklyFee() == null) {
            return; // nothing to value or publish yet
        }
        update("""
                INSERT INTO contract (placement_id, public_id, kind, council, lot_id, service_type, provider_id,
                    provider_name, weekly_fee, placement_pattern, start_date, value, awarded_at, updated_at)
                VALUES (?, ?, 'SPOT', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (placement_id) DO NOTHING
                """, spot.placementId(), PublicIds.contract(spot.placementId()), spot.council(), spot.lotId(),
                spot.serviceType(), spot.providerId(), spot.providerName(), spot.weeklyFee().total(),
                spot.placementPattern(), spot.startDate(),
                ContractValue.of(spot.weeklyFee().total(), spot.placementPattern(), spot.startDate(), null),
                spot.purchasedAt(), time(event));
    }

    public void ended(PlacementEnded ended, IncomingEvent event) {
        update("UPDATE contract SET ended_on = ?, updated_at = ? WHERE placement_id = ?", ended.endDate(), time(event),
                ended.placementId());
    }

    public void paid(PaymentRecorded payment) {
        update("""
                INSERT INTO payment (payment_id, placement_id, provider_id, council, invoice_number, amount, paid_on,
                    payment_reference, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (payment_id) DO NOTHING
                """, payment.paymentId(), payment.placementId(), payment.providerId(), payment.council(),
                payment.invoiceNumber(), payment.amount(), payment.paidOn(), payment.paymentReference(),
                payment.recordedAt());
    }

    private static Instant time(IncomingEvent event) {
        return event.time() != null ? event.time() : Instant.now();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private void update(String sql, Object... params) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                if (p instanceof Instant instant) {
                    statement.setTimestamp(i + 1, Timestamp.from(instant));
                } else if (p instanceof LocalDate day) {
                    statement.setDate(i + 1, Date.valueOf(day));
                } else if (p instanceof Collection<?> texts) {
                    statement.setArray(i + 1, connection.createArrayOf("text", texts.stream().map(String::valueOf)
                            .toArray(String[]::new)));
                } else if (p instanceof UUID || p == null || p instanceof String || p instanceof Boolean
                        || p instanceof java.math.BigDecimal) {
                    statement.setObject(i + 1, p);
                } else {
                    throw new IllegalArgumentException("unexpected parameter " + p.getClass());
                }
            }
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + sql, e);
        }
    }
}
