package uk.gov.dps.provider.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import uk.gov.dps.events.lot.LotSnapshot;
import uk.gov.dps.provider.domain.LotView;
import uk.gov.dps.runtime.ProblemException;

/** provider-service's copy of the lots, kept from lot-service's events: applications are checked against it. */
@ApplicationScoped
public class LotCatalogue {

    /** A lot opened, closed or changed: each event carries the whole lot, and what we need of its DPS. */
    public void update(LotSnapshot snapshot) {
        LotView existing = LotView.findById(snapshot.lotId());
        LotView lot = existing != null ? existing : new LotView();
        lot.lotId = snapshot.lotId();
        lot.dpsId = snapshot.dpsId();
        lot.dpsReference = snapshot.dpsReference();
        lot.code = snapshot.code();
        lot.name = snapshot.name();
        lot.serviceType = snapshot.serviceType();
        lot.categories = snapshot.categories().stream().map(LotSnapshot.Category::code).toArray(String[]::new);
        lot.tiered = snapshot.tiered();
        lot.open = snapshot.open();
        lot.councils = snapshot.councils().toArray(String[]::new);
        lot.dpsValidFrom = snapshot.dpsValidFrom();
        lot.dpsValidTo = snapshot.dpsValidTo();
        if (existing == null) {
            lot.persist();
        }
    }

    /** 422 for a lot this service has not heard of: the client asked for something that does not exist. */
    public LotView get(UUID lotId) {
        LotView lot = LotView.findById(lotId);
        if (lot == null) {
            throw ProblemException.unprocessable("Lot " + lotId + " is not a lot of any DPS.");
        }
        return lot;
    }
}
