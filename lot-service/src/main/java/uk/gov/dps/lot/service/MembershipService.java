package uk.gov.dps.lot.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.events.provider.ProviderAdmittedToLot;
import uk.gov.dps.events.provider.ProviderDocumentExpired;
import uk.gov.dps.events.provider.ProviderDocumentRecorded;
import uk.gov.dps.events.provider.ProviderReinstated;
import uk.gov.dps.events.provider.ProviderSuspended;
import uk.gov.dps.events.provider.ProviderTierChanged;
import uk.gov.dps.events.provider.ProviderWithdrawn;
import uk.gov.dps.lot.domain.ExpiredDocument;
import uk.gov.dps.lot.domain.Lot;
import uk.gov.dps.lot.domain.LotMember;
import uk.gov.dps.messaging.PoisonEventException;
import uk.gov.dps.runtime.PageRequest;
import uk.gov.dps.runtime.PlatformClock;
import uk.gov.dps.runtime.ProblemException;

/**
 * Lot membership as provider-service decides it: applied from {@code dps.providers} (each event once, in the
 * inbox's transaction), read by the members list.
 */
@ApplicationScoped
public class MembershipService {

    public enum Filter {
        ACTIVE, SUSPENDED, ALL
    }

    @Inject
    LotService lots;

    public void suspended(ProviderSuspended suspended) {
        setSuspended(suspended.providerId(), suspended.lotIds(), true, suspended.suspendedAt());
    }

    public void reinstated(ProviderReinstated reinstated) {
        setSuspended(reinstated.providerId(), reinstated.lotIds(), false, reinstated.reinstatedAt());
    }

    public void tierChanged(ProviderTierChanged changed) {
        LotMember.update("tier = ?1, changedAt = ?2 where lotId = ?3 and providerId = ?4", changed.toTier(),
                changed.changedAt(), changed.lotId(), changed.providerId());
    }

    public void withdrawn(ProviderWithdrawn withdrawn) {
        LotMember.delete("providerId = ?1 and lotId in ?2", withdrawn.providerId(), withdrawn.lotIds());
    }

    public void admitted(ProviderAdmittedToLot admitted) {
        if (Lot.findById(admitted.lotId()) == null) {
            throw new PoisonEventException("provider admitted to unknown lot " + admitted.lotId());
        }
        LotMember existing = LotMember.findById(new LotMember.Key(admitted.lotId(), admitted.providerId()));
        LotMember member = existing != null ? existing : new LotMember();
        member.lotId = admitted.lotId();
        member.providerId = admitted.providerId();
        member.providerName = admitted.providerName();
        member.categories = admitted.categories().toArray(String[]::new);
        member.tier = admitted.tier();
        member.suspended = false;
        member.admittedAt = admitted.admittedAt();
        member.changedAt = admitted.admittedAt();
        if (existing == null) {
            member.persist();
        }
    }

    /** A mandatory document lapsed: the provider's members rows show it until a valid replacement. */
    public void documentExpired(ProviderDocumentExpired expired) {
        ExpiredDocument existing = ExpiredDocument.findById(new ExpiredDocument.Key(expired.providerId(),
                expired.documentType()));
        ExpiredDocument row = existing != null ? existing : new ExpiredDocument();
        row.providerId = expired.providerId();
        row.documentType = expired.documentType();
        row.documentId = expired.documentId();
        row.expiresOn = expired.expiresOn();
        if (existing == null) {
            row.persist();
        }
    }

    /**
     * A replacement clears the expired state when it is valid on the day it was recorded; events of one provider
     * arrive in order, so an older document's expiry never overtakes its replacement.
     */
    public void documentRecorded(ProviderDocumentRecorded recorded) {
        LocalDate recordedOn = LocalDate.ofInstant(recorded.recordedAt(), PlatformClock.UK);
        if (recorded.expiresOn() == null || !recorded.expiresOn().isBefore(recordedOn)) {
            ExpiredDocument.delete("providerId = ?1 and documentType = ?2", recorded.providerId(),
                    recorded.documentType());
        }
    }

    /** Each provider's expired mandatory document types, by name: one query for a page of members. */
    public Map<UUID, List<String>> expiredDocuments(Collection<UUID> providerIds) {
        Map<UUID, TreeSet<String>> byProvider = new TreeMap<>();
        if (!providerIds.isEmpty()) {
            ExpiredDocument.<ExpiredDocument>list("providerId in ?1", providerIds).forEach(
                    d -> byProvider.computeIfAbsent(d.providerId, p -> new TreeSet<>()).add(d.documentType));
        }
        Map<UUID, List<String>> result = new TreeMap<>();
        byProvider.forEach((provider, types) -> result.put(provider, List.copyOf(types)));
        return result;
    }

    private static void setSuspended(UUID providerId, List<UUID> lotIds, boolean suspended, Instant at) {
        LotMember.update("suspended = ?1, changedAt = ?2 where providerId = ?3 and lotId in ?4", suspended, at,
                providerId, lotIds);
    }

    /** Members of a lot by provider name, optionally only those serving one of its categories. */
    public List<LotMember> members(UUID lotId, Optional<String> category, Filter filter, PageRequest page) {
        Lot lot = lots.get(lotId);
        category.filter(c -> !lot.hasCategory(c)).ifPresent(c -> {
            throw ProblemException.badRequest("category", "lot " + lot.code + " has no category " + c);
        });
        StringBuilder query = new StringBuilder("lotId = :lot");
        Parameters parameters = Parameters.with("lot", lotId);
        if (filter != Filter.ALL) {
            query.append(" and suspended = :suspended");
            parameters.and("suspended", filter == Filter.SUSPENDED);
        }
        if (category.isPresent()) {
            query.append(" and array_contains(categories, :category)");
            parameters.and("category", category.get());
        }
        return LotMember.<LotMember>find(query.toString(), Sort.by("providerName").and("providerId"), parameters)
                .range(page.first(), page.last()).list();
    }
}
