package uk.gov.dps.placement.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * When the County Resourcing Panel must approve an award: every special-school placement, and any placement
 * whose weekly cost is above a threshold the council sets. For a special school named by parental preference
 * (Children and Families Act 2014 s38/s39) the preference is the recorded basis instead.
 */
public final class PanelRule {

    private PanelRule() {
    }

    public static boolean approvalRequired(String serviceType, BigDecimal weeklyTotal, BigDecimal threshold) {
        return "SPECIAL_SCHOOL".equals(serviceType) || weeklyTotal.compareTo(threshold) > 0;
    }

    /**
     * Why the panel must decide this award (empty when it need not): a special school, a weekly cost above the
     * threshold, or both. A special school named by parental preference needs no panel: the preference is the basis.
     */
    public static List<String> reasons(String serviceType, BigDecimal weeklyTotal, BigDecimal threshold,
            ParentalPreference preference) {
        boolean specialSchool = "SPECIAL_SCHOOL".equals(serviceType);
        if (!approvalRequired(serviceType, weeklyTotal, threshold) || specialSchool && preference != null) {
            return List.of();
        }
        List<String> reasons = new ArrayList<>();
        if (specialSchool) {
            reasons.add("A special-school placement without a recorded parental preference");
        }
        if (weeklyTotal.compareTo(threshold) > 0) {
            reasons.add("A weekly cost of £" + weeklyTotal.toPlainString() + " is above the panel threshold of £"
                    + threshold.toPlainString());
        }
        return reasons;
    }
}
