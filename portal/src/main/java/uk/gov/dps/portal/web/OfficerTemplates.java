package uk.gov.dps.portal.web;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import uk.gov.dps.portal.services.Page;
import uk.gov.dps.portal.services.PlacementService.PanelCase;
import uk.gov.dps.portal.services.PlacementService.PanelRequest;
import uk.gov.dps.portal.services.PlacementService.Placement;
import uk.gov.dps.portal.services.PlacementService.RankedOffer;
import uk.gov.dps.portal.services.PlacementService.Referral;
import uk.gov.dps.portal.web.Pages.Option;
import uk.gov.dps.portal.web.Pages.Paging;

/** Placement officers' pages beyond the referrals list (templates/Officer/*.html), checked when the portal is built. */
final class OfficerTemplates {

    private OfficerTemplates() {
    }

    /** One funder's row of the award form: its select and its percentage, as typed, with their errors. */
    record ShareRow(String suffix, int number, List<Option> streams, String percent, String streamError,
            String percentError) {
    }

    @CheckedTemplate(basePath = "Officer")
    static final class Officer {

        static native TemplateInstance newReferral(Form form, List<Option> ageBands, List<Option> sexes,
                List<Option> needs, List<Option> patterns, List<Option> schoolStatuses, List<Option> urgencies);

        static native TemplateInstance callOff(Referral referral, Form form);

        static native TemplateInstance offers(Referral referral, List<RankedOffer> offers, boolean canAward);

        static native TemplateInstance award(Referral referral, RankedOffer offer, boolean firstRanked,
                Form form, List<ShareRow> shares, List<Option> bases);

        static native TemplateInstance sentToPanel(Referral referral, List<String> reasons);

        static native TemplateInstance close(Referral referral, String kind, Form form);

        static native TemplateInstance placements(Page<Placement> placements, List<Option> statuses, Paging paging);

        static native TemplateInstance placement(Placement placement, String done, Form form,
                List<Option> endTypes);
    }

    @CheckedTemplate(basePath = "Panel")
    static final class Panel {

        static native TemplateInstance queue(Page<PanelRequest> requests, List<Option> statuses, Paging paging);

        static native TemplateInstance request(PanelCase panelCase, boolean decided, Form form,
                List<Option> decisions);
    }
}
