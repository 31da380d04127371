package uk.gov.dps.runtime;

/** The realm roles of the {@code dps} Keycloak realm, for {@code @RolesAllowed}. */
public final class Roles {

    public static final String COMMISSIONER = "commissioner";
    public static final String PLACEMENT_OFFICER = "placement-officer";
    public static final String PANEL = "panel";
    public static final String PROVIDER = "provider";
    public static final String MONITORING_OFFICER = "monitoring-officer";
    public static final String FINANCE_OFFICER = "finance-officer";

    private Roles() {
    }
}
