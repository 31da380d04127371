package uk.gov.dps.placement.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import uk.gov.dps.events.lot.LotSnapshot;
import uk.gov.dps.events.lot.PurchasingSystemEstablished;
import uk.gov.dps.placement.domain.RegimeTerms;
import uk.gov.dps.placement.domain.RegimeTerms.DpsRegime;
import uk.gov.dps.placement.domain.RegimeTerms.LotTerms;
import uk.gov.dps.runtime.ProblemException;

/**
 * What the lot's DPS and its legal regime allow a call-off: only on an open lot, only while the DPS is valid,
 * and no tier cascade under the Public Contracts Regulations 2015. Each refusal (422) names the rule.
 * A lot or DPS whose events came before this service kept these terms is not checked.
 */
@ApplicationScoped
public class CallOffRules {

    /** Validity is by the calendar in England. */
    private static final ZoneId ENGLAND = ZoneId.of("Europe/London");

    public void established(PurchasingSystemEstablished established) {
        DpsRegime existing = DpsRegime.findById(established.dpsId());
        DpsRegime dps = existing != null ? existing : new DpsRegime();
        dps.dpsId = established.dpsId();
        dps.regime = established.regime();
        if (existing == null) {
            dps.persist();
        }
    }

    public void lotChanged(LotSnapshot snapshot) {
        LotTerms existing = LotTerms.findById(snapshot.lotId());
        LotTerms lot = existing != null ? existing : new LotTerms();
        lot.lotId = snapshot.lotId();
        lot.dpsId = snapshot.dpsId();
        lot.open = snapshot.open();
        lot.validFrom = snapshot.dpsValidFrom();
        lot.validTo = snapshot.dpsValidTo();
        if (existing == null) {
            lot.persist();
        }
    }

    /**
     * 400 when a competitive award on a Procurement Act 2023 dynamic market names no notice: each such award
     * records the contract award (or contract details) notice it relates to (PA2023 ss.50 and 53). Other regimes
     * may give one.
     */
    public void checkAwardNotice(UUID lotId, String noticeReference) {
        if ((noticeReference == null || noticeReference.isBlank()) && isPa2023(lotId)) {
            throw ProblemException.badRequest("noticeReference", "is required: this lot's DPS is a Procurement Act "
                    + "2023 dynamic market, where each competitive award records the contract award (or contract "
                    + "details) notice it relates to (PA2023 ss.50 and 53)");
        }
    }

    /** The lot's DPS is a PA2023 dynamic market (false when its events came before this service kept them). */
    public boolean isPa2023(UUID lotId) {
        LotTerms lot = LotTerms.findById(lotId);
        DpsRegime dps = lot == null ? null : DpsRegime.findById(lot.dpsId);
        return dps != null && RegimeTerms.PA2023_DYNAMIC_MARKET.equals(dps.regime);
    }

    /** 422 naming the rule when a call-off on {@code lotId} now, cascading or not, is not allowed. */
    public void check(UUID lotId, boolean cascade, Instant now) {
        LotTerms lot = LotTerms.findById(lotId);
        if (lot == null) {
            return;
        }
        LocalDate today = LocalDate.ofInstant(now, ENGLAND);
        if (today.isBefore(lot.validFrom) || today.isAfter(lot.validTo)) {
            throw ProblemException.unprocessable("A call-off is made only while its DPS is valid: this lot's DPS runs "
                    + "from " + lot.validFrom + " to " + lot.validTo + ".");
        }
        if (!lot.open) {
            throw ProblemException.unprocessable("A call-off is made only on an open lot: this lot is closed.");
        }
        DpsRegime dps = DpsRegime.findById(lot.dpsId);
        if (cascade && dps != null && RegimeTerms.PCR2015_DPS.equals(dps.regime)) {
            throw ProblemException.unprocessable("PCR 2015 reg. 34: every call-off from a DPS invites all the "
                    + "providers admitted to the lot (or category) at once; a tier cascade is not allowed.");
        }
    }
}
