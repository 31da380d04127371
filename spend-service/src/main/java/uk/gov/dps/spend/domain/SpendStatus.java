package uk.gov.dps.spend.domain;

/** Where a budget's forecast stands against its value. */
public enum SpendStatus {
    WITHIN, AT_RISK, OVERSPENT
}
