package uk.gov.dps.transparency.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import uk.gov.dps.transparency.config.TransparencyConfig;
import uk.gov.dps.transparency.domain.NoticeKind;
import uk.gov.dps.transparency.domain.NoticeStatus;
import uk.gov.dps.transparency.domain.PublicIds;

/**
 * The Procurement Act 2023 notices each dynamic market owes ({@link NoticeKind}), derived from what the events said,
 * with their due dates and their status on the platform clock's today. Only DPSs established under the
 * {@code PA2023_DYNAMIC_MARKET} regime owe them.
 */
@ApplicationScoped
public class Notices {

    public record Notice(UUID id, NoticeKind kind, UUID dpsId, String dpsReference, List<String> councils,
            String ocid, LocalDate dueOn, NoticeStatus status, String publishedReference, LocalDate publishedOn) {
    }

    private record Publication(String reference, LocalDate publishedOn) {
    }

    @Inject
    DataSource dataSource;

    @Inject
    TransparencyConfig config;

    @Inject
    Clock clock;

    /** Every notice, or those in one status, soonest due first. */
    public List<Notice> list(Optional<NoticeStatus> status, Optional<UUID> dps) {
        LocalDate today = LocalDate.now(clock);
        Map<UUID, Publication> published = publications();
        String sql = """
                SELECT 'DYNAMIC_MARKET_ESTABLISHMENT' AS kind, d.dps_id, d.reference, d.councils, NULL::uuid AS contract,
                       NULL AS council, d.valid_from AS due_on
                FROM purchasing_system d WHERE d.regime = 'PA2023_DYNAMIC_MARKET'
                UNION ALL
                SELECT 'DYNAMIC_MARKET_CESSATION', d.dps_id, d.reference, d.councils, NULL, NULL, d.valid_to
                FROM purchasing_system d WHERE d.regime = 'PA2023_DYNAMIC_MARKET'
                UNION ALL
                SELECT 'TENDER', d.dps_id, d.reference, d.councils, c.public_id, c.council,
                       (coalesce(co.issued_at, c.awarded_at) AT TIME ZONE 'Europe/London')::date
                FROM contract c JOIN lot l ON l.lot_id = c.lot_id JOIN purchasing_system d ON d.dps_id = l.dps_id
                LEFT JOIN call_off co ON co.referral_id = c.referral_id
                WHERE d.regime = 'PA2023_DYNAMIC_MARKET' AND c.kind = 'AWARD'
                UNION ALL
                SELECT 'CONTRACT_DETAILS', d.dps_id, d.reference, d.councils, c.public_id, c.council,
                       (c.awarded_at AT TIME ZONE 'Europe/London')::date + %d
                FROM contract c JOIN lot l ON l.lot_id = c.lot_id JOIN purchasing_system d ON d.dps_id = l.dps_id
                WHERE d.regime = 'PA2023_DYNAMIC_MARKET' AND c.kind = 'AWARD'
                """.formatted(NoticeKind.LIGHT_TOUCH_CONTRACT_DETAILS_DAYS);
        List<Notice> notices = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql);
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                NoticeKind kind = NoticeKind.valueOf(rs.getString("kind"));
                UUID dpsId = rs.getObject("dps_id", UUID.class);
                UUID contract = rs.getObject("contract", UUID.class);
                if (dps.isPresent() && !dps.get().equals(dpsId)) {
                    continue;
                }
                UUID id = PublicIds.notice(kind, contract != null ? contract : dpsId);
                LocalDate due = rs.getObject("due_on", LocalDate.class);
                Publication publication = published.get(id);
                NoticeStatus now = NoticeStatus.of(due, publication == null ? null : publication.publishedOn(), today,
                        config.noticesDueSoon());
                if (status.isPresent() && status.get() != now) {
                    continue;
                }
                String council = rs.getString("council");
                notices.add(new Notice(id, kind, dpsId, rs.getString("reference"),
                        council != null ? List.of(council)
                                : Arrays.asList((String[]) rs.getArray("councils").getArray()),
                        contract != null ? PublicIds.contractOcid(config.ocidPrefix(), contract)
                                : PublicIds.dpsOcid(config.ocidPrefix(), dpsId),
                        due, now, publication == null ? null : publication.reference(),
                        publication == null ? null : publication.publishedOn()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not list notices", e);
        }
        notices.sort(Comparator.comparing(Notice::dueOn).thenComparing(n -> n.kind().ordinal())
                .thenComparing(n -> n.id().toString()));
        return notices;
    }

    public Optional<Notice> find(UUID id) {
        return list(Optional.empty(), Optional.empty()).stream().filter(n -> n.id().equals(id)).findFirst();
    }

    /** Records where and when the notice was published; recording it again replaces what was recorded. */
    @Transactional
    public void published(UUID id, String reference, LocalDate publishedOn, String by) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        INSERT INTO notice_publication (notice_id, reference, published_on, recorded_by, recorded_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (notice_id) DO UPDATE SET reference = excluded.reference,
                            published_on = excluded.published_on, recorded_by = excluded.recorded_by,
                            recorded_at = excluded.recorded_at
                        """)) {
            statement.setObject(1, id);
            statement.setString(2, reference);
            statement.setObject(3, publishedOn);
            statement.setString(4, by);
            statement.setTimestamp(5, Timestamp.from(Instant.now(clock)));
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record the publication of notice " + id, e);
        }
    }

    private Map<UUID, Publication> publications() {
        Map<UUID, Publication> found = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT notice_id, reference, published_on FROM notice_publication");
                ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                found.put(rs.getObject(1, UUID.class), new Publication(rs.getString(2),
                        rs.getObject(3, LocalDate.class)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read notice publications", e);
        }
        return found;
    }
}
