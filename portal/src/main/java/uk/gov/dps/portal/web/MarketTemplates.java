package uk.gov.dps.portal.web;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import uk.gov.dps.portal.services.KpiReturns.KpiReturn;
import uk.gov.dps.portal.services.LotService.Dps;
import uk.gov.dps.portal.services.LotService.Lot;
import uk.gov.dps.portal.services.LotService.Member;
import uk.gov.dps.portal.services.Page;
import uk.gov.dps.portal.services.PlacementService.InvitedProfile;
import uk.gov.dps.portal.services.PlacementService.OfferOrDecline;
import uk.gov.dps.portal.services.PlacementService.ProviderPlacement;
import uk.gov.dps.portal.services.ProviderService.ApplicationDetail;
import uk.gov.dps.portal.services.ProviderService.Document;
import uk.gov.dps.portal.services.ProviderService.Membership;
import uk.gov.dps.portal.services.ProviderService.Provider;
import uk.gov.dps.portal.web.Pages.Option;
import uk.gov.dps.portal.web.Pages.Paging;

/**
 * The market's pages: commissioners' applications, lots, members and suspensions; providers' invitations, offers,
 * placements, documents and KPI returns (templates/Market/*.html, each inside templates/layout.html).
 */
@CheckedTemplate(basePath = "Market")
public final class MarketTemplates {

    private MarketTemplates() {
    }

    public static native TemplateInstance application(ApplicationDetail application, boolean decided, Form form,
            List<Option> outcomes);

    public static native TemplateInstance purchasingSystems(Page<Dps> systems, Paging paging);

    public static native TemplateInstance lots(Dps dps, Page<Lot> lots, Paging paging);

    public static native TemplateInstance lot(Lot lot, Page<Member> members, List<Option> statuses, Paging paging);

    public static native TemplateInstance member(Lot lot, Provider provider, Membership membership, String done,
            Form form);

    public static native TemplateInstance invitation(InvitedProfile referral, List<OfferOrDecline> responses,
            OfferOrDecline standing, boolean open, String done, Form offer, Form decline, Form withdrawal,
            List<Option> declineReasons, String idempotencyKey, boolean canWithdraw);

    public static native TemplateInstance placements(Page<ProviderPlacement> placements, boolean requested,
            Paging paging);

    public static native TemplateInstance feeChange(ProviderPlacement placement, Form form, String idempotencyKey);

    public static native TemplateInstance documents(List<Document> documents, boolean recorded, Form form,
            List<Option> types, String idempotencyKey);

    public static native TemplateInstance kpiReturns(Page<KpiReturn> returns, boolean submitted, Form form,
            Paging paging, String idempotencyKey);
}
