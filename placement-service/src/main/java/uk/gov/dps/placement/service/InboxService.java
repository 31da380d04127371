package uk.gov.dps.placement.service;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import uk.gov.dps.placement.domain.Inbox;
import uk.gov.dps.placement.domain.Invitation;
import uk.gov.dps.placement.domain.Referral;
import uk.gov.dps.placement.domain.Response;
import uk.gov.dps.runtime.Caller;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.ProblemException;

/** A provider's own invitations across all referrals: what it was asked, what it answered, how it ended. */
@ApplicationScoped
public class InboxService {

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    /** One invitation with its referral, the provider's own response (or null) and the winner (or null). */
    public record Row(Invitation invitation, Referral referral, Response response, UUID winner) {
    }

    /**
     * One page in a single query (index invitation_by_provider_fit): what the provider can take first (fit MEETS,
     * then PARTLY_MEETS, then no settings known), then the nearest, then the newest. The status filter is the rule of
     * {@link Inbox#status} written in the query.
     */
    public List<Row> inbox(Optional<Inbox.Status> status, Optional<UUID> lot, PageRequest page) {
        UUID provider = caller.providerClaim()
                .orElseThrow(() -> ProblemException.forbidden("Your token does not name your organisation."));
        StringBuilder jpql = new StringBuilder("""
                select i, r, s, p.providerId from Invitation i
                join Referral r on r.id = i.referralId
                left join Response s on s.referralId = i.referralId and s.providerId = i.providerId and s.round = i.round
                left join Placement p on p.referralId = i.referralId
                where i.providerId = :provider""");
        lot.ifPresent(l -> jpql.append(" and r.lotId = :lot"));
        status.ifPresent(s -> jpql.append(switch (s) {
            case CLOSED -> " and r.status in :decided";
            case RESPONDED -> " and r.status not in :decided and s.id is not null";
            case EXPIRED -> " and r.status not in :decided and s.id is null and i.respondBy < :now";
            case OPEN -> " and r.status not in :decided and s.id is null and i.respondBy >= :now";
        }));
        jpql.append(" order by i.fitRank, i.fitMiles nulls last, i.invitedAt desc, i.referralId");
        TypedQuery<Object[]> query = em.createQuery(jpql.toString(), Object[].class)
                .setParameter("provider", provider);
        lot.ifPresent(l -> query.setParameter("lot", l));
        status.ifPresent(s -> {
            query.setParameter("decided", Inbox.DECIDED);
            if (s == Inbox.Status.EXPIRED || s == Inbox.Status.OPEN) {
                query.setParameter("now", clock.instant());
            }
        });
        List<Object[]> rows = query.setFirstResult(page.first()).setMaxResults(page.last() - page.first() + 1)
                .getResultList();
        List<Row> result = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            result.add(new Row((Invitation) row[0], (Referral) row[1], (Response) row[2], (UUID) row[3]));
        }
        return result;
    }
}
