package uk.gov.dps.notification.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.events.lot.LotSnapshot;
import uk.gov.dps.events.placement.PlacementAwarded;
import uk.gov.dps.events.placement.PlacementEnded;
import uk.gov.dps.events.placement.SpotPurchaseMade;
import uk.gov.dps.events.provider.ProviderAdmittedToLot;
import uk.gov.dps.events.provider.ProviderContactsChanged;
import uk.gov.dps.events.provider.ProviderRegistered;
import uk.gov.dps.events.provider.ProviderWithdrawn;

/**
 * What the service keeps of other services' facts to address notifications: lots and their councils, providers'
 * names, lot membership and contacts, and which councils have a child placed with which provider now.
 */
@ApplicationScoped
public class Directory {

    /** One of a provider's contacts and the kinds of message they take (REFERRALS, CONTRACTS, COMPLIANCE). */
    public record ContactEntry(String name, String email, List<String> kinds) {
    }

    @Inject
    Db db;

    public void lot(LotSnapshot lot) {
        db.update("INSERT INTO lot (lot_id, name, councils) VALUES (?, ?, ?) ON CONFLICT (lot_id) DO UPDATE "
                + "SET name = EXCLUDED.name, councils = EXCLUDED.councils", lot.lotId(), lot.name(),
                lot.councils() == null ? List.of() : lot.councils());
    }

    public Optional<String> lotName(UUID lotId) {
        return db.one("SELECT name FROM lot WHERE lot_id = ?", rs -> rs.getString(1), lotId);
    }

    public List<String> lotCouncils(UUID lotId) {
        return db.one("SELECT councils FROM lot WHERE lot_id = ?", rs -> Db.strings(rs, "councils"), lotId)
                .orElse(List.of());
    }

    public void registered(ProviderRegistered provider) {
        providerName(provider.providerId(), provider.name());
    }

    public void admitted(ProviderAdmittedToLot admitted) {
        providerName(admitted.providerId(), admitted.providerName());
        db.update("INSERT INTO lot_member (lot_id, provider_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                admitted.lotId(), admitted.providerId());
    }

    public void withdrawn(ProviderWithdrawn withdrawn) {
        for (UUID lotId : withdrawn.lotIds()) {
            db.update("DELETE FROM lot_member WHERE lot_id = ? AND provider_id = ?", lotId, withdrawn.providerId());
        }
    }

    /** The councils of the lots the provider is a member of. */
    public List<String> councilsOfMember(UUID providerId) {
        return db.query("SELECT DISTINCT c FROM lot_member m JOIN lot l ON l.lot_id = m.lot_id, unnest(l.councils) c "
                + "WHERE m.provider_id = ? ORDER BY c", rs -> rs.getString(1), providerId);
    }

    public String providerName(UUID providerId) {
        return db.one("SELECT name FROM provider WHERE provider_id = ?", rs -> rs.getString(1), providerId)
                .orElse("A provider");
    }

    /** Replaces the provider's contacts with its latest list (provider-service sends the whole list each time). */
    public void contactsChanged(ProviderContactsChanged changed) {
        contactsChanged(changed.providerId(), changed.providerName(), changed.contacts().stream()
                .map(c -> new ContactEntry(c.name(), c.email(), c.roles())).toList());
    }

    public void contactsChanged(UUID providerId, String providerName, List<ContactEntry> contacts) {
        if (providerName != null && !providerName.isBlank()) {
            providerName(providerId, providerName);
        }
        db.update("DELETE FROM provider_contact WHERE provider_id = ?", providerId);
        for (ContactEntry contact : contacts) {
            if (contact.email() == null || contact.email().isBlank()) {
                continue;
            }
            db.update("INSERT INTO provider_contact (provider_id, email, name, kinds) VALUES (?, ?, ?, ?) "
                    + "ON CONFLICT (provider_id, email) DO UPDATE SET kinds = ARRAY(SELECT DISTINCT unnest("
                    + "provider_contact.kinds || EXCLUDED.kinds))", providerId,
                    contact.email().strip().toLowerCase(java.util.Locale.ROOT), contact.name(),
                    contact.kinds() == null ? List.of() : contact.kinds());
        }
    }

    public void awarded(PlacementAwarded award) {
        placed(award.placementId(), award.providerId(), award.council());
    }

    public void spotPurchased(SpotPurchaseMade purchase) {
        if (purchase.providerId() == null) {
            // bought from a provider not on the platform: no contacts and no quality events to send anyone
            return;
        }
        providerName(purchase.providerId(), purchase.providerName());
        placed(purchase.placementId(), purchase.providerId(), purchase.council());
    }

    public void ended(PlacementEnded ended) {
        db.update("UPDATE placement SET ended = true WHERE placement_id = ?", ended.placementId());
    }

    /** The councils with a child placed with the provider now. */
    public List<String> councilsPlacingWith(UUID providerId) {
        return db.query("SELECT DISTINCT council FROM placement WHERE provider_id = ? AND NOT ended ORDER BY council",
                rs -> rs.getString(1), providerId);
    }

    private void placed(UUID placementId, UUID providerId, String council) {
        db.update("INSERT INTO placement (placement_id, provider_id, council) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                placementId, providerId, council);
    }

    private void providerName(UUID providerId, String name) {
        if (name == null || name.isBlank()) {
            return;
        }
        db.update("INSERT INTO provider (provider_id, name) VALUES (?, ?) ON CONFLICT (provider_id) DO UPDATE "
                + "SET name = EXCLUDED.name", providerId, name);
    }
}
