package uk.gov.dps.events;

import java.util.List;
import java.util.Optional;

import uk.gov.dps.events.lot.LotSnapshot;
import uk.gov.dps.events.lot.PurchasingSystemEstablished;
import uk.gov.dps.events.placement.CallOffIssued;
import uk.gov.dps.events.placement.ExemptionExpiring;
import uk.gov.dps.events.placement.FeeChangeDecided;
import uk.gov.dps.events.placement.FeeChangeRequested;
import uk.gov.dps.events.placement.OfferAmended;
import uk.gov.dps.events.placement.OfferDeclined;
import uk.gov.dps.events.placement.OfferSubmitted;
import uk.gov.dps.events.placement.OfferWithdrawn;
import uk.gov.dps.events.placement.PanelDecided;
import uk.gov.dps.events.placement.PanelRequested;
import uk.gov.dps.events.placement.PlacementAwarded;
import uk.gov.dps.events.placement.PlacementEnded;
import uk.gov.dps.events.placement.PlacementFeeChanged;
import uk.gov.dps.events.placement.PlacementStarted;
import uk.gov.dps.events.placement.ReferralRaised;
import uk.gov.dps.events.placement.ReferralUnmet;
import uk.gov.dps.events.placement.ReferralCancelled;
import uk.gov.dps.events.placement.SpotPurchaseMade;
import uk.gov.dps.events.provider.ApplicationDueSoon;
import uk.gov.dps.events.provider.ApplicationOverdue;
import uk.gov.dps.events.provider.ApplicationRejected;
import uk.gov.dps.events.provider.ApplicationSubmitted;
import uk.gov.dps.events.provider.ProviderAdmittedToLot;
import uk.gov.dps.events.provider.ProviderContactsChanged;
import uk.gov.dps.events.provider.ProviderDocumentExpired;
import uk.gov.dps.events.provider.ProviderDocumentExpiring;
import uk.gov.dps.events.provider.ProviderDocumentRecorded;
import uk.gov.dps.events.provider.ProviderExcluded;
import uk.gov.dps.events.provider.ProviderExclusionEnded;
import uk.gov.dps.events.provider.ProviderRegistered;
import uk.gov.dps.events.provider.ProviderReinstated;
import uk.gov.dps.events.provider.ProviderSuspended;
import uk.gov.dps.events.provider.ProviderTierChanged;
import uk.gov.dps.events.provider.ProviderWithdrawn;
import uk.gov.dps.events.provider.SettingSnapshot;
import uk.gov.dps.events.provider.VacancySnapshot;
import uk.gov.dps.events.quality.ConcernRaised;
import uk.gov.dps.events.quality.ConcernResolved;
import uk.gov.dps.events.quality.InspectionRecorded;
import uk.gov.dps.events.quality.KpiReturnReceived;
import uk.gov.dps.events.quality.RiskRatingChanged;
import uk.gov.dps.events.spend.InvoiceSnapshot;
import uk.gov.dps.events.spend.PaymentRecorded;
import uk.gov.dps.events.spend.ThresholdCrossed;

/**
 * Every event the platform publishes. The JSON Schemas, golden examples and the AsyncAPI document are
 * checked against this list by the module's tests, so a new event type starts here.
 */
public final class EventCatalog {

    // dps.providers, key = provider id
    public static final EventType<ProviderRegistered> PROVIDER_REGISTERED = new EventType<>(
            "dps.provider.registered.v1", Topics.PROVIDERS, ProviderRegistered.class,
            "A provider organisation registered with the platform.");
    public static final EventType<ApplicationSubmitted> APPLICATION_SUBMITTED = new EventType<>(
            "dps.provider.application-submitted.v1", Topics.PROVIDERS, ApplicationSubmitted.class,
            "A provider applied to join a lot; it must be decided by dueOn (10 working days, 15 if extended).");
    public static final EventType<ProviderAdmittedToLot> PROVIDER_ADMITTED_TO_LOT = new EventType<>(
            "dps.provider.admitted-to-lot.v1", Topics.PROVIDERS, ProviderAdmittedToLot.class,
            "A provider became a member of a lot.");
    public static final EventType<ApplicationRejected> APPLICATION_REJECTED = new EventType<>(
            "dps.provider.application-rejected.v1", Topics.PROVIDERS, ApplicationRejected.class,
            "A provider's application to a lot was rejected.");
    public static final EventType<ProviderSuspended> PROVIDER_SUSPENDED = new EventType<>(
            "dps.provider.suspended.v1", Topics.PROVIDERS, ProviderSuspended.class,
            "A provider receives no new call-offs in these lots until reinstated.");
    public static final EventType<ProviderReinstated> PROVIDER_REINSTATED = new EventType<>(
            "dps.provider.reinstated.v1", Topics.PROVIDERS, ProviderReinstated.class,
            "A provider's suspension in these lots was lifted.");
    public static final EventType<ProviderTierChanged> PROVIDER_TIER_CHANGED = new EventType<>(
            "dps.provider.tier-changed.v1", Topics.PROVIDERS, ProviderTierChanged.class,
            "A provider moved tier within a lot.");
    public static final EventType<ProviderWithdrawn> PROVIDER_WITHDRAWN = new EventType<>(
            "dps.provider.withdrawn.v1", Topics.PROVIDERS, ProviderWithdrawn.class, "A provider left these lots.");

    // dps.lots, key = DPS id or lot id
    public static final EventType<PurchasingSystemEstablished> PURCHASING_SYSTEM_ESTABLISHED = new EventType<>(
            "dps.purchasing-system.established.v1", Topics.LOTS, PurchasingSystemEstablished.class,
            "A DPS (or dynamic market) was established.");
    public static final EventType<LotSnapshot> LOT_OPENED = new EventType<>(
            "dps.lot.opened.v1", Topics.LOTS, LotSnapshot.class,
            "A lot opened to applications (when created, or reopened).");
    public static final EventType<LotSnapshot> LOT_CLOSED = new EventType<>(
            "dps.lot.closed.v1", Topics.LOTS, LotSnapshot.class,
            "A lot closed to new applications; existing members stay members.");
    public static final EventType<LotSnapshot> LOT_CHANGED = new EventType<>(
            "dps.lot.changed.v1", Topics.LOTS, LotSnapshot.class,
            "A lot's name, categories or selection criteria changed.");

    // dps.quality, key = provider id
    public static final EventType<InspectionRecorded> INSPECTION_RECORDED = new EventType<>(
            "dps.quality.inspection-recorded.v1", Topics.QUALITY, InspectionRecorded.class,
            "An Ofsted or CQC judgement was recorded for one of a provider's settings.");
    public static final EventType<RiskRatingChanged> RISK_RATING_CHANGED = new EventType<>(
            "dps.quality.risk-rating-changed.v1", Topics.QUALITY, RiskRatingChanged.class,
            "A provider's red/amber/green risk rating changed.");

    // dps.placements, key = referral id (referral events), placement id (placement events) or exemption id
    public static final EventType<ReferralRaised> REFERRAL_RAISED = new EventType<>(
            "dps.referral.raised.v1", Topics.PLACEMENTS, ReferralRaised.class,
            "A council needs a placement for one child.");
    public static final EventType<CallOffIssued> CALL_OFF_ISSUED = new EventType<>(
            "dps.referral.called-off.v1", Topics.PLACEMENTS, CallOffIssued.class,
            "A referral was sent to every eligible member of its lot (or tier).");
    public static final EventType<OfferSubmitted> OFFER_SUBMITTED = new EventType<>(
            "dps.referral.offer-submitted.v1", Topics.PLACEMENTS, OfferSubmitted.class,
            "An invited provider offered a placement.");
    public static final EventType<OfferDeclined> OFFER_DECLINED = new EventType<>(
            "dps.referral.offer-declined.v1", Topics.PLACEMENTS, OfferDeclined.class,
            "An invited provider declined, with a structured reason.");
    public static final EventType<PlacementAwarded> PLACEMENT_AWARDED = new EventType<>(
            "dps.placement.awarded.v1", Topics.PLACEMENTS, PlacementAwarded.class,
            "An offer won; an individual placement agreement was made.");
    public static final EventType<PlacementStarted> PLACEMENT_STARTED = new EventType<>(
            "dps.placement.started.v1", Topics.PLACEMENTS, PlacementStarted.class, "A placement started.");
    public static final EventType<PlacementFeeChanged> PLACEMENT_FEE_CHANGED = new EventType<>(
            "dps.placement.fee-changed.v1", Topics.PLACEMENTS, PlacementFeeChanged.class,
            "A placement's weekly fee changes from a date.");
    public static final EventType<PlacementEnded> PLACEMENT_ENDED = new EventType<>(
            "dps.placement.ended.v1", Topics.PLACEMENTS, PlacementEnded.class,
            "A placement ended, planned or by disruption.");
    public static final EventType<SpotPurchaseMade> SPOT_PURCHASE_MADE = new EventType<>(
            "dps.placement.spot-purchased.v1", Topics.PLACEMENTS, SpotPurchaseMade.class,
            "A placement was bought off the DPS under an exemption.");
    public static final EventType<ExemptionExpiring> EXEMPTION_EXPIRING = new EventType<>(
            "dps.exemption.expiring.v1", Topics.PLACEMENTS, ExemptionExpiring.class,
            "An exemption to buy off the DPS ends soon.");

    // dps.quality, key = provider id (continued)
    public static final EventType<ConcernRaised> CONCERN_RAISED = new EventType<>(
            "dps.quality.concern-raised.v1", Topics.QUALITY, ConcernRaised.class,
            "A partner council raised a concern about a provider.");
    public static final EventType<ConcernResolved> CONCERN_RESOLVED = new EventType<>(
            "dps.quality.concern-resolved.v1", Topics.QUALITY, ConcernResolved.class,
            "A concern about a provider was resolved.");
    public static final EventType<KpiReturnReceived> KPI_RETURN_RECEIVED = new EventType<>(
            "dps.quality.kpi-return-received.v1", Topics.QUALITY, KpiReturnReceived.class,
            "A provider's quarterly KPI return was received.");

    // dps.spend, key = budget line or contract id
    public static final EventType<ThresholdCrossed> THRESHOLD_CROSSED = new EventType<>(
            "dps.spend.threshold-crossed.v1", Topics.SPEND, ThresholdCrossed.class,
            "A budget's forecast or a contract's commitment crossed a threshold.");

    // dps.providers, key = provider id (documents)
    public static final EventType<ProviderDocumentRecorded> PROVIDER_DOCUMENT_RECORDED = new EventType<>(
            "dps.provider.document-recorded.v1", Topics.PROVIDERS, ProviderDocumentRecorded.class,
            "A provider recorded or replaced its document of one type (insurance, registration, policy).");
    public static final EventType<ProviderDocumentExpiring> PROVIDER_DOCUMENT_EXPIRING = new EventType<>(
            "dps.provider.document-expiring.v1", Topics.PROVIDERS, ProviderDocumentExpiring.class,
            "A provider's document expires within the warning period.");
    public static final EventType<ProviderDocumentExpired> PROVIDER_DOCUMENT_EXPIRED = new EventType<>(
            "dps.provider.document-expired.v1", Topics.PROVIDERS, ProviderDocumentExpired.class,
            "A provider's mandatory document passed its expiry without a replacement.");

    // dps.providers, key = provider id (notification contacts, application deadlines)
    public static final EventType<ProviderContactsChanged> PROVIDER_CONTACTS_CHANGED = new EventType<>(
            "dps.provider.contacts-changed.v1", Topics.PROVIDERS, ProviderContactsChanged.class,
            "A provider's notification contacts were recorded or replaced; the event holds the whole list.");
    public static final EventType<ApplicationDueSoon> APPLICATION_DUE_SOON = new EventType<>(
            "dps.provider.application-due-soon.v1", Topics.PROVIDERS, ApplicationDueSoon.class,
            "An undecided application to a lot is due within a few working days.");
    public static final EventType<ApplicationOverdue> APPLICATION_OVERDUE = new EventType<>(
            "dps.provider.application-overdue.v1", Topics.PROVIDERS, ApplicationOverdue.class,
            "An application to a lot is still undecided after its due date.");

    // dps.placements, key = referral id (offer changes) or placement id (fee change requests)
    public static final EventType<OfferWithdrawn> OFFER_WITHDRAWN = new EventType<>(
            "dps.referral.offer-withdrawn.v1", Topics.PLACEMENTS, OfferWithdrawn.class,
            "An invited provider withdrew its offer before its deadline.");
    public static final EventType<OfferAmended> OFFER_AMENDED = new EventType<>(
            "dps.referral.offer-amended.v1", Topics.PLACEMENTS, OfferAmended.class,
            "An invited provider amended its offer (fee, start, home) before its deadline.");
    public static final EventType<FeeChangeRequested> FEE_CHANGE_REQUESTED = new EventType<>(
            "dps.placement.fee-change-requested.v1", Topics.PLACEMENTS, FeeChangeRequested.class,
            "A placement's provider asked its council to change the weekly fee from a date.");
    public static final EventType<FeeChangeDecided> FEE_CHANGE_DECIDED = new EventType<>(
            "dps.placement.fee-change-decided.v1", Topics.PLACEMENTS, FeeChangeDecided.class,
            "The council accepted (the fee changes) or refused a provider's fee change request.");

    // dps.placements, key = referral id (County Resourcing Panel)
    public static final EventType<PanelRequested> PANEL_REQUESTED = new EventType<>(
            "dps.referral.panel-requested.v1", Topics.PLACEMENTS, PanelRequested.class,
            "An award needs the County Resourcing Panel: a panel request was made instead of a placement.");
    public static final EventType<PanelDecided> PANEL_DECIDED = new EventType<>(
            "dps.referral.panel-decided.v1", Topics.PLACEMENTS, PanelDecided.class,
            "The County Resourcing Panel approved (the placement is made) or refused a panel request.");

    // dps.placements, key = referral id (referral lifecycle)
    public static final EventType<ReferralCancelled> REFERRAL_CANCELLED = new EventType<>(
            "dps.referral.cancelled.v1", Topics.PLACEMENTS, ReferralCancelled.class,
            "The council cancelled a referral before award; every invitation to it is closed.");
    public static final EventType<ReferralUnmet> REFERRAL_UNMET = new EventType<>(
            "dps.referral.unmet.v1", Topics.PLACEMENTS, ReferralUnmet.class,
            "A referral closed unmet: no suitable offer after its call-off rounds; a spot purchase may follow.");

    // dps.providers, key = provider id (Procurement Act 2023 exclusions)
    public static final EventType<ProviderExcluded> PROVIDER_EXCLUDED = new EventType<>(
            "dps.provider.excluded.v1", Topics.PROVIDERS, ProviderExcluded.class,
            "A partner council recorded the provider as excluded (PA2023 s.57/58); no admission to PA2023 lots.");
    public static final EventType<ProviderExclusionEnded> PROVIDER_EXCLUSION_ENDED = new EventType<>(
            "dps.provider.exclusion-ended.v1", Topics.PROVIDERS, ProviderExclusionEnded.class,
            "A provider's exclusion was ended before its end date.");

    // dps.providers, key = provider id (settings and their vacancies)
    public static final EventType<SettingSnapshot> SETTING_REGISTERED = new EventType<>(
            "dps.provider.setting-registered.v1", Topics.PROVIDERS, SettingSnapshot.class,
            "A provider registered a setting (home, agency office, school) with its Statement of Purpose profile.");
    public static final EventType<SettingSnapshot> SETTING_CHANGED = new EventType<>(
            "dps.provider.setting-changed.v1", Topics.PROVIDERS, SettingSnapshot.class,
            "A setting's details, profile, owner group or active flag changed; the event holds the whole setting.");
    public static final EventType<VacancySnapshot> VACANCY_DECLARED = new EventType<>(
            "dps.provider.vacancy-declared.v1", Topics.PROVIDERS, VacancySnapshot.class,
            "A provider declared a live vacancy at one of its settings.");
    public static final EventType<VacancySnapshot> VACANCY_CONFIRMED = new EventType<>(
            "dps.provider.vacancy-confirmed.v1", Topics.PROVIDERS, VacancySnapshot.class,
            "A provider confirmed a vacancy is still open (unconfirmed for 7 days, it is shown as stale).");
    public static final EventType<VacancySnapshot> VACANCY_WITHDRAWN = new EventType<>(
            "dps.provider.vacancy-withdrawn.v1", Topics.PROVIDERS, VacancySnapshot.class,
            "A provider withdrew a vacancy (filled or no longer available).");

    // dps.spend, key = placement id (invoices and payments)
    public static final EventType<InvoiceSnapshot> INVOICE_SUBMITTED = new EventType<>(
            "dps.spend.invoice-submitted.v1", Topics.SPEND, InvoiceSnapshot.class,
            "A provider submitted an invoice for a placement and period; it was checked against the agreement.");
    public static final EventType<InvoiceSnapshot> INVOICE_APPROVED = new EventType<>(
            "dps.spend.invoice-approved.v1", Topics.SPEND, InvoiceSnapshot.class,
            "A finance officer approved an invoice for payment.");
    public static final EventType<InvoiceSnapshot> INVOICE_DISPUTED = new EventType<>(
            "dps.spend.invoice-disputed.v1", Topics.SPEND, InvoiceSnapshot.class,
            "A finance officer disputed an invoice, with the reason.");
    public static final EventType<PaymentRecorded> PAYMENT_RECORDED = new EventType<>(
            "dps.spend.payment-recorded.v1", Topics.SPEND, PaymentRecorded.class,
            "A council paid an approved invoice (recorded by finance or the council's finance system).");

    public static final List<EventType<?>> ALL = List.of(PROVIDER_REGISTERED, APPLICATION_SUBMITTED,
            PROVIDER_ADMITTED_TO_LOT, APPLICATION_REJECTED, PROVIDER_SUSPENDED, PROVIDER_REINSTATED,
            PROVIDER_TIER_CHANGED, PROVIDER_WITHDRAWN, PURCHASING_SYSTEM_ESTABLISHED, LOT_OPENED, LOT_CLOSED,
            LOT_CHANGED, INSPECTION_RECORDED, RISK_RATING_CHANGED, REFERRAL_RAISED, CALL_OFF_ISSUED, OFFER_SUBMITTED,
            OFFER_DECLINED, PLACEMENT_AWARDED, PLACEMENT_STARTED, PLACEMENT_FEE_CHANGED, PLACEMENT_ENDED,
            SPOT_PURCHASE_MADE, EXEMPTION_EXPIRING, CONCERN_RAISED, CONCERN_RESOLVED, KPI_RETURN_RECEIVED,
            THRESHOLD_CROSSED,
            PROVIDER_DOCUMENT_RECORDED, PROVIDER_DOCUMENT_EXPIRING, PROVIDER_DOCUMENT_EXPIRED,
            PROVIDER_CONTACTS_CHANGED, APPLICATION_DUE_SOON, APPLICATION_OVERDUE,
            OFFER_WITHDRAWN, OFFER_AMENDED, FEE_CHANGE_REQUESTED, FEE_CHANGE_DECIDED,
            PANEL_REQUESTED, PANEL_DECIDED,
            REFERRAL_CANCELLED, REFERRAL_UNMET,
            PROVIDER_EXCLUDED, PROVIDER_EXCLUSION_ENDED,
            SETTING_REGISTERED, SETTING_CHANGED, VACANCY_DECLARED, VACANCY_CONFIRMED, VACANCY_WITHDRAWN,
            INVOICE_SUBMITTED, INVOICE_APPROVED, INVOICE_DISPUTED, PAYMENT_RECORDED);

    private EventCatalog() {
    }

    public static Optional<EventType<?>> find(String type) {
        return ALL.stream().filter(t -> t.type().equals(type)).findFirst();
    }
}
