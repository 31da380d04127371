package uk.gov.dps.placement.domain;

import java.math.BigDecimal;

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

    /** Why the award lacks the basis it needs, or null when it has it. */
    public static String missingBasis(String serviceType, BigDecimal weeklyTotal, BigDecimal threshold,
            String panelApprovalReference, boolean parentalPreference) {
        if (!approvalRequired(serviceType, weeklyTotal, threshold)) {
            return null;
        }
        boolean hasApproval = panelApprovalReference != null && !panelApprovalReference.isBlank();
        if (hasApproval || "SPECIAL_SCHOOL".equals(serviceType) && parentalPreference) {
            return null;
        }
        return "SPECIAL_SCHOOL".equals(serviceType)
                ? "A special-school placement needs a County Resourcing Panel approval reference, or parental preference as its basis."
                : "A weekly cost of £" + weeklyTotal.toPlainString() + " is above £" + threshold.toPlainString()
                        + ": the award needs a County Resourcing Panel approval reference.";
    }
}
