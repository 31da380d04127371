package uk.gov.dps.placement.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import uk.gov.dps.events.placement.WeeklyFee;

/** A weekly fee in pounds, itemised as providers quote it: core, additional staffing (1:1, 2:1), education, therapy. */
@Embeddable
public class Fee {

    @Column(name = "fee_core")
    public BigDecimal core;

    @Column(name = "fee_staffing")
    public BigDecimal additionalStaffing;

    @Column(name = "fee_education")
    public BigDecimal education;

    @Column(name = "fee_therapy")
    public BigDecimal therapy;

    public static Fee of(BigDecimal core, BigDecimal additionalStaffing, BigDecimal education, BigDecimal therapy) {
        Fee fee = new Fee();
        fee.core = pounds(core);
        fee.additionalStaffing = pounds(additionalStaffing);
        fee.education = pounds(education);
        fee.therapy = pounds(therapy);
        return fee;
    }

    /** Absent items are nothing; pence are kept exactly (a third decimal is refused before we get here). */
    private static BigDecimal pounds(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.UNNECESSARY);
    }

    public BigDecimal total() {
        return core.add(additionalStaffing).add(education).add(therapy);
    }

    public WeeklyFee toEvent() {
        return new WeeklyFee(core, additionalStaffing, education, therapy, total());
    }
}
