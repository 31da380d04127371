package uk.gov.dps.placement.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import uk.gov.dps.placement.domain.Fit;
import uk.gov.dps.placement.domain.Response;

/**
 * Each provider's declines over a period, by reason, and how many of them were of invitations its own settings were
 * assessed to MEET: a provider that declines as "outside our Statement of Purpose" what its profile says it takes
 * has a profile out of date. Across the joint DPS (every partner council's referrals): a market signal about
 * providers, with nothing about any child.
 */
@ApplicationScoped
public class DeclineCounts {

    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    @Inject
    EntityManager em;

    public record ProviderDeclines(UUID providerId, String providerName, long declines,
            Map<Response.DeclineReason, Long> byReason, long declinedWhenAssessedMeets,
            long outsideStatementOfPurposeWhenAssessedMeets) {
    }

    /** Declines submitted from {@code from} to {@code to} (whole days in England, both included), most first. */
    public List<ProviderDeclines> byProvider(LocalDate from, LocalDate to, Optional<UUID> lot) {
        Instant start = from.atStartOfDay(ENGLAND).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ENGLAND).toInstant();
        String jpql = """
                select r.providerId, max(i.providerName), r.declineReason, count(r),
                  sum(case when r.fitWhenAnswered = :meets then 1 else 0 end)
                from Response r
                join Invitation i on i.referralId = r.referralId and i.providerId = r.providerId
                join Referral f on f.id = r.referralId
                where r.kind = :decline and r.submittedAt >= :start and r.submittedAt < :end"""
                + (lot.isPresent() ? " and f.lotId = :lot" : "") + " group by r.providerId, r.declineReason";
        TypedQuery<Object[]> query = em.createQuery(jpql, Object[].class).setParameter("meets", Fit.Level.MEETS)
                .setParameter("decline", Response.Kind.DECLINE).setParameter("start", start)
                .setParameter("end", end);
        lot.ifPresent(l -> query.setParameter("lot", l));
        Map<UUID, Builder> providers = new LinkedHashMap<>();
        for (Object[] row : query.getResultList()) {
            Builder b = providers.computeIfAbsent((UUID) row[0], id -> new Builder(id, (String) row[1]));
            Response.DeclineReason reason = (Response.DeclineReason) row[2];
            long count = ((Number) row[3]).longValue();
            long whenMeets = row[4] == null ? 0 : ((Number) row[4]).longValue();
            b.byReason.merge(reason, count, Long::sum);
            b.declines += count;
            b.whenMeets += whenMeets;
            if (reason == Response.DeclineReason.OUTSIDE_STATEMENT_OF_PURPOSE) {
                b.outsideWhenMeets += whenMeets;
            }
        }
        List<ProviderDeclines> result = new ArrayList<>();
        for (Builder b : providers.values()) {
            result.add(new ProviderDeclines(b.id, b.name, b.declines, b.byReason, b.whenMeets, b.outsideWhenMeets));
        }
        result.sort(Comparator.comparingLong(ProviderDeclines::declines).reversed()
                .thenComparing(ProviderDeclines::providerName, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ProviderDeclines::providerId));
        return result;
    }

    private static final class Builder {
        final UUID id;
        final String name;
        final Map<Response.DeclineReason, Long> byReason = new EnumMap<>(Response.DeclineReason.class);
        long declines;
        long whenMeets;
        long outsideWhenMeets;

        Builder(UUID id, String name) {
            this.id = id;
            this.name = name;
        }
    }
}
