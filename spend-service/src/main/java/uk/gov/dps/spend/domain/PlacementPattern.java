package uk.gov.dps.spend.domain;

/**
 * Which days of the year a placement is paid for: school days only ({@code DAY}), term weeks ({@code WEEKS_38}:
 * the residential weeks of a 38-week school placement) or every day ({@code WEEKS_52}).
 */
public enum PlacementPattern {
    DAY, WEEKS_38, WEEKS_52
}
