package uk.gov.dps.transparency.service;

/** Plain-English names for the codes events carry, as they appear in published files. */
final class Labels {

    static final String DEPARTMENT = "Children's Services";

    private Labels() {
    }

    static String serviceType(String code) {
        return switch (code == null ? "" : code) {
            case "RESIDENTIAL" -> "Residential children's home placements";
            case "IFA" -> "Independent fostering agency placements";
            case "SPECIAL_SCHOOL" -> "Independent special school placements";
            case "OUT_OF_SCHOOL_TUITION" -> "Out of school tuition";
            default -> "Children's placements";
        };
    }

    static String pattern(String code) {
        return switch (code == null ? "" : code) {
            case "WEEKS_52" -> "52 weeks a year";
            case "WEEKS_38" -> "38 term weeks a year";
            case "DAY" -> "school days";
            default -> "every week";
        };
    }

    static String regime(String regime) {
        return switch (regime == null ? "" : regime) {
            case "PA2023_DYNAMIC_MARKET" -> "Dynamic market (Procurement Act 2023)";
            case "LIGHT_TOUCH_PSEUDO_DPS" -> "Light-touch regime open list (Public Contracts Regulations 2015, reg. 74-76)";
            case "PCR2015_DPS" -> "Dynamic purchasing system (Public Contracts Regulations 2015, reg. 34)";
            default -> "Dynamic purchasing system";
        };
    }
}
