package uk.gov.dps.spend.domain;

/**
 * Who pays for a placement: the High Needs Block of the Dedicated Schools Grant (special educational provision),
 * the council's LAC placements budget (care), or health (a CCG, since July 2022 an ICB).
 */
public enum FundingStream {
    HIGH_NEEDS_BLOCK, LAC_PLACEMENTS, HEALTH
}
