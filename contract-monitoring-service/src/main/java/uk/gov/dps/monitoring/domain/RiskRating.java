package uk.gov.dps.monitoring.domain;

/** The red/amber/green risk rating partner councils share for a provider. */
public enum RiskRating {
    GREEN, AMBER, RED;

    /** For ordering the monitoring list: the riskiest first. */
    public int rank() {
        return ordinal() + 1;
    }

    public RiskRating worse(RiskRating other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
