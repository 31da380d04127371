package uk.gov.dps.provider.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import uk.gov.dps.events.EventCatalog;
import uk.gov.dps.events.provider.ProviderDocumentExpired;
import uk.gov.dps.events.provider.ProviderDocumentExpiring;
import uk.gov.dps.events.provider.ProviderDocumentRecorded;
import uk.gov.dps.messaging.Outbox;
import uk.gov.dps.provider.config.ProviderConfig;
import uk.gov.dps.provider.domain.ProviderDocument;
import uk.gov.dps.runtime.AuditTrail;
import uk.gov.dps.runtime.PlatformClock;
import uk.gov.dps.runtime.ProblemException;

/**
 * A provider's documents: one current document per type, replaced by recording the type again. Each expiry is
 * announced once when it comes within the warning period and, for a mandatory document, once when it passes;
 * a replacement resets both, so its own expiry is announced again.
 */
@ApplicationScoped
public class DocumentService {

    @Inject
    ProviderService providers;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    @Inject
    ProviderConfig config;

    public record NewDocument(ProviderDocument.Type type, String reference, String title, LocalDate issuedOn,
            LocalDate expiresOn, LocalDate reviewOn) {
    }

    @Transactional
    public ProviderDocument record(UUID providerId, NewDocument request, AuditTrail.Actor actor) {
        providers.get(providerId); // 404 for an unknown provider
        if (request.type().expiryRequired && request.expiresOn() == null) {
            throw ProblemException.unprocessable("A " + request.type() + " needs an expiry date (expiresOn).");
        }
        if (request.expiresOn() != null && request.expiresOn().isBefore(request.issuedOn())) {
            throw ProblemException.unprocessable("expiresOn " + request.expiresOn() + " is before issuedOn "
                    + request.issuedOn() + ".");
        }
        // a replacement is a new document (new id, nothing announced yet); the audit trail keeps the old one's facts
        boolean replaced = ProviderDocument.delete("providerId = ?1 and type = ?2", providerId, request.type()) > 0;
        ProviderDocument document = new ProviderDocument();
        document.id = UUID.randomUUID();
        document.providerId = providerId;
        document.type = request.type();
        document.reference = request.reference().strip();
        document.title = request.title();
        document.issuedOn = request.issuedOn();
        document.expiresOn = request.expiresOn();
        document.reviewOn = request.reviewOn();
        document.recordedAt = clock.instant();
        document.recordedBy = actor.name();
        document.persist();
        outbox.publish(EventCatalog.PROVIDER_DOCUMENT_RECORDED, providerId, new ProviderDocumentRecorded(providerId,
                document.id, document.type.name(), document.type.mandatory, document.reference, document.issuedOn,
                document.expiresOn, document.reviewOn, document.recordedAt));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("documentId", document.id);
        details.put("type", document.type);
        details.put("reference", document.reference);
        details.put("expiresOn", document.expiresOn == null ? null : document.expiresOn.toString());
        audit.record("provider", providerId, replaced ? "DOCUMENT_REPLACED" : "DOCUMENT_RECORDED", actor,
                null, details);
        announce(document, today());
        return document;
    }

    public List<ProviderDocument> of(UUID providerId) {
        providers.get(providerId);
        // in the catalogue's order (mandatory first), not alphabetically
        return ProviderDocument.<ProviderDocument>list("providerId", providerId).stream()
                .sorted(java.util.Comparator.comparing(d -> d.type)).toList();
    }

    @Scheduled(every = "${dps.provider.document-check-interval:1h}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkExpiries() {
        checkExpiriesAsOf(today());
    }

    /** Announces what is due as of {@code today}: the scheduled check's work, callable with any date. */
    public void checkExpiriesAsOf(LocalDate today) {
        QuarkusTransaction.requiringNew().run(() -> ProviderDocument.<ProviderDocument>find(
                "expiresOn is not null and expiresOn <= ?1 and (expiringAnnounced = false "
                        + "or (expiredAnnounced = false and expiresOn < ?2))",
                today.plusDays(config.documentWarningDays()), today).list().forEach(d -> announce(d, today)));
    }

    private void announce(ProviderDocument document, LocalDate today) {
        if (!document.expiringAnnounced && document.expiresWithin(today, config.documentWarningDays())) {
            document.expiringAnnounced = true;
            outbox.publish(EventCatalog.PROVIDER_DOCUMENT_EXPIRING, document.providerId, new ProviderDocumentExpiring(
                    document.providerId, document.id, document.type.name(), document.type.mandatory,
                    document.reference, document.expiresOn, (int) ChronoUnit.DAYS.between(today, document.expiresOn)));
        }
        if (document.expiredOn(today)) {
            boolean justExpired = !document.expiredAnnounced;
            // an expired document is past warning, and only a mandatory one is announced as expired: either way
            // nothing is left to announce for this expiry
            document.expiringAnnounced = true;
            document.expiredAnnounced = true;
            if (justExpired && document.type.mandatory) {
                outbox.publish(EventCatalog.PROVIDER_DOCUMENT_EXPIRED, document.providerId,
                        new ProviderDocumentExpired(document.providerId, document.id, document.type.name(),
                                document.reference, document.expiresOn));
                audit.record("provider", document.providerId, "DOCUMENT_EXPIRED", AuditTrail.SYSTEM, null,
                        Map.of("documentId", document.id, "type", document.type,
                                "expiresOn", document.expiresOn.toString()));
            }
        }
    }

    public int warningDays() {
        return config.documentWarningDays();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(PlatformClock.UK));
    }
}
