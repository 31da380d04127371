package uk.gov.dps.lot.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import uk.gov.dps.lot.domain.DynamicPurchasingSystem;
import uk.gov.dps.lot.domain.Lot;
import uk.gov.dps.runtime.ProblemException;

/** What the DPS's legal regime forbids doing to its lots; each refusal names the rule. */
@ApplicationScoped
public class RegimeRules {

    @Inject
    Clock clock;

    /** 409 when closing a lot of a PCR 2015 DPS that is still valid. */
    public void checkMayClose(Lot lot) {
        DynamicPurchasingSystem dps = lot.dps;
        if (dps.regime == DynamicPurchasingSystem.Regime.PCR2015_DPS && dps.isValidOn(LocalDate.now(clock))) {
            throw ProblemException.conflict("PCR 2015 reg. 34: a DPS stays open to new suppliers throughout its "
                    + "validity; lot " + lot.code + " cannot close before " + dps.validTo + ".");
        }
    }

    /** 422 when a PA2023 market's membership conditions would change without a published notice. */
    public void checkCriteriaChange(Lot lot, List<String> criteria, String noticeReference) {
        if (lot.dps.regime == DynamicPurchasingSystem.Regime.PA2023_DYNAMIC_MARKET
                && !lot.selectionCriteria.equals(criteria) && (noticeReference == null || noticeReference.isBlank())) {
            throw ProblemException.unprocessable("Procurement Act 2023 dynamic market rules (ss.35-39): a dynamic market's conditions "
                    + "of membership change only by a published dynamic market notice; give its noticeReference.");
        }
    }
}
