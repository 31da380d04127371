package uk.gov.dps.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import uk.gov.dps.demo.SpendArithmetic.FeeStep;
import uk.gov.dps.demo.SpendArithmetic.Pattern;
import uk.gov.dps.demo.SpendArithmetic.YearCost;

/**
 * The demo's data set: Cambridgeshire and Peterborough's children's placements DPS of the October 2018 committee
 * paper, with synthetic providers and a year (2018/19) of Cambridgeshire placements. Built from a fixed seed, so
 * every run builds the same data, and calibrated so that spend-service's figures are the paper's: a residential
 * average of £2,531 a week, £14m committed on special-school (ISEP) placements of which £9m on the High Needs
 * Block, and £2m committed on out-of-school tuition (a £1m contract), most of it with two providers.
 * <p>
 * Pure data: no network. {@link DemoLoader} sends it through the public APIs.
 */
public final class DemoData {

    /** The committee meeting date: the seed of every random choice. */
    public static final long SEED = 20181009L;
    public static final String COUNCIL = "cambridgeshire";
    /** 2018 is the financial year 2018/19 (1 April 2018 to 31 March 2019). */
    public static final int FINANCIAL_YEAR = 2018;
    /** The day the demo runs as of (see {@link DemoLoader#AS_OF}); everything planned has happened by then. */
    public static final LocalDate AS_OF_DATE = LocalDate.of(2019, 3, 4);

    public static final long RESIDENTIAL_AVERAGE_WEEKLY_PENCE = 2_531_00L;
    public static final long ISEP_COMMITMENT_PENCE = 14_000_000_00L;
    public static final long ISEP_HIGH_NEEDS_COMMITMENT_PENCE = 9_000_000_00L;
    public static final long TUITION_COMMITMENT_PENCE = 2_000_000_00L;
    public static final long TUITION_CONTRACT_VALUE_PENCE = 1_000_000_00L;
    /** Recommendations (b) and (c) of the paper: spot purchase IFA and NASS special schools until 30 June 2019. */
    public static final LocalDate EXEMPTIONS_END = LocalDate.of(2019, 6, 30);

    public static final String DPS_REFERENCE = "CCC-PCC-CHILDRENS-PLACEMENTS-DPS-2018";
    public static final String DPS_TITLE = "Cambridgeshire and Peterborough Children's Placements Dynamic Purchasing System";
    public static final LocalDate DPS_VALID_FROM = LocalDate.of(2018, 4, 1);
    public static final LocalDate DPS_VALID_TO = LocalDate.of(2022, 3, 31);
    public static final List<String> DPS_COUNCILS = List.of("cambridgeshire", "peterborough");
    /** The children's home an Essex monitoring officer finds Inadequate in February 2019. */
    static final String SUSPENDED_HOME = "RES-05";

    // ---------------------------------------------------------------------------------------------------------
    // The model
    // ---------------------------------------------------------------------------------------------------------

    public record Category(String code, String name) {
    }

    /** The DPS's four lots, as the paper lists them. */
    public enum LotKind {
        RESIDENTIAL("LOT1", "Residential Children's Homes", "Residential homes", "RESIDENTIAL", false, List.of(),
                List.of(new Category("STANDARD", "Standard residential placement"),
                        new Category("EMERGENCY", "Emergency (same day)"),
                        new Category("SOLO", "Solo placement"),
                        new Category("COMPLEX", "Complex needs: learning disability, complex mental health, "
                                + "sexually harmful behaviour")),
                List.of("Registered with Ofsted as a children's home", "Not rated Inadequate at the latest inspection",
                        "Accepts the DPS terms and the individual placement agreement",
                        "Employer's and public liability insurance of at least £5m")),
        IFA("LOT2", "Independent Fostering Agencies", "Fostering (IFA)", "IFA", true, List.of(),
                List.of(new Category("STANDARD", "Standard foster placement"),
                        new Category("EMERGENCY", "Emergency (same day)"),
                        new Category("SIBLING_GROUPS", "Sibling groups placed together"),
                        new Category("PARENT_AND_CHILD", "Parent and child")),
                List.of("Registered with Ofsted as an independent fostering agency",
                        "Not rated Inadequate at the latest inspection",
                        "Support packages Limited, Standard and Intensive as the ER4 specification",
                        "Joins the ER4 shared contract monitoring")),
        SPECIAL_SCHOOL("LOT3", "Independent Non-Maintained Special Schools and Independent Special Education "
                + "Provision (INMSS/ISEP)", "Special schools (ISEP)", "SPECIAL_SCHOOL", false,
                List.of("DAY", "WEEKS_38", "WEEKS_52"),
                List.of(new Category("ASD", "Autism spectrum conditions"),
                        new Category("SEMH", "Social, emotional and mental health"),
                        new Category("LEARNING", "Moderate, severe and profound learning difficulties"),
                        new Category("POST16", "Post-16 specialist provision")),
                List.of("Registered with the DfE as an independent or non-maintained special school",
                        "Ofsted (education and, for residential provision, care) not Inadequate",
                        "Individual placement agreement on NASS contract Schedule 2 terms")),
        TUITION("LOT4", "Out of School Tuition", "Out of school tuition", "OUT_OF_SCHOOL_TUITION", false, List.of(),
                List.of(new Category("EHCP", "Pupils with an EHC plan out of school"),
                        new Category("MEDICAL", "Medical needs (not in-patient)"),
                        new Category("EXCLUDED", "Permanently excluded pupils"),
                        new Category("LAC", "Looked after children not in education (incl. UASC)")),
                List.of("Enhanced DBS checks for every tutor", "Qualified teachers lead each package",
                        "Safeguarding policy meeting Keeping Children Safe in Education"));

        public final String code;
        public final String lotName;
        /** For reports: a few words. */
        public final String shortName;
        public final String serviceType;
        public final boolean tiered;
        public final List<String> placementPatterns;
        public final List<Category> categories;
        public final List<String> selectionCriteria;

        LotKind(String code, String lotName, String shortName, String serviceType, boolean tiered,
                List<String> placementPatterns, List<Category> categories, List<String> selectionCriteria) {
            this.code = code;
            this.lotName = lotName;
            this.shortName = shortName;
            this.serviceType = serviceType;
            this.tiered = tiered;
            this.placementPatterns = placementPatterns;
            this.categories = categories;
            this.selectionCriteria = selectionCriteria;
        }
    }

    /** The funding streams, in spend-service's order (it breaks rounding ties by it). */
    public enum Stream {
        HIGH_NEEDS_BLOCK, LAC_PLACEMENTS, HEALTH
    }

    /** A weekly fee, itemised, in pence. */
    public record Fee(long core, long additionalStaffing, long education, long therapy) {

        public long total() {
            return core + additionalStaffing + education + therapy;
        }

        /** {@code total} itemised by whole percentages; the core takes what is left. */
        static Fee of(long total, int staffingPercent, int educationPercent, int therapyPercent) {
            long staffing = total * staffingPercent / 100;
            long education = total * educationPercent / 100;
            long therapy = total * therapyPercent / 100;
            return new Fee(total - staffing - education - therapy, staffing, education, therapy);
        }
    }

    /** A funding share in basis points (hundredths of a percent). */
    public record Share(Stream stream, int basisPoints) {

        public BigDecimal percent() {
            return BigDecimal.valueOf(basisPoints, 2);
        }
    }

    /**
     * A provider organisation and its application to one lot. {@code admit} false: the application is rejected with
     * {@code rejectionReasons}. {@code judgement}: its Ofsted judgement to record (null: none).
     */
    public record ProviderPlan(String key, String name, LotKind lot, String ofstedUrn, String postcode, String address,
            String contactName, String tier, List<String> categories, boolean admit, String rejectionReasons,
            String judgement, LocalDate inspectedOn, String recordingCouncil) {
    }

    /** Everything a referral sends: its equality is how a later run recognises a referral raised before. */
    public record ReferralSpec(LotKind lot, String category, String ageBand, String sex, List<String> needs,
            String postcodeDistrict, int siblingsToPlace, boolean emergency, LocalDate wantedStart,
            Integer expectedDurationWeeks, String placementPattern, boolean educationRequired,
            boolean therapyRequired) {

        public ReferralSpec {
            needs = List.copyOf(new TreeSet<>(needs));
        }
    }

    /** An invited provider's answer: an offer (fee not null) or a decline with a reason. */
    public record ResponsePlan(String providerKey, Fee offer, String homeReference, List<String> needsMet,
            String declineReason, String declineDetail) {

        public boolean isOffer() {
            return offer != null;
        }
    }

    public record FeeChange(LocalDate effectiveFrom, Fee fee, String reason) {
    }

    /**
     * One child's placement: the referral, the call-off (everyone at once, or tier by tier when {@code cascade}),
     * the answers, the award to {@code winnerKey} and the placement's year: start, fee changes, end.
     */
    public record PlacementPlan(String key, ReferralSpec referral, boolean cascade, List<ResponsePlan> responses,
            String winnerKey, Fee awardFee, List<Share> shares, String panelApprovalReference,
            boolean parentalPreference, LocalDate start, List<FeeChange> feeChanges, LocalDate end, String endType,
            String endReason) {

        public LotKind lot() {
            return referral.lot();
        }

        public ResponsePlan winningResponse() {
            return responses.stream().filter(r -> r.providerKey().equals(winnerKey)).findFirst().orElseThrow();
        }

        /** The fee steps spend-service sees: the award fee from the start, then each change. */
        List<FeeStep> feeSteps() {
            List<FeeStep> steps = new ArrayList<>();
            steps.add(new FeeStep(start, awardFee.total()));
            feeChanges.forEach(c -> steps.add(new FeeStep(c.effectiveFrom(), c.fee().total())));
            return steps;
        }

        YearCost costIn(int financialYear) {
            return SpendArithmetic.inYear(Pattern.valueOf(referral.placementPattern()), start, end, feeSteps(),
                    financialYear);
        }
    }

    /** A referral that the in-house check places with the council's own carers: no call-off. */
    public record InHousePlan(String key, ReferralSpec referral, String notes) {
    }

    public record ExemptionPlan(String key, String serviceType, String reason, String contractBasis,
            LocalDate validUntil) {
    }

    /** A placement bought off the DPS under an exemption, from an agency that is not a member. */
    public record SpotPurchasePlan(String key, String exemptionKey, String providerName, Fee fee, String pattern,
            LocalDate start, List<Share> shares) {

        YearCost costIn(int financialYear) {
            return SpendArithmetic.inYear(Pattern.valueOf(pattern), start, null,
                    List.of(new FeeStep(start, fee.total())), financialYear);
        }
    }

    public record ContractPlan(String key, String name, LotKind lot, List<String> providerKeys, LocalDate startDate,
            LocalDate endDate, long valuePence) {
    }

    /** A budget line for the whole stream ({@code lot} and {@code contractKey} null), one lot or one contract. */
    public record BudgetPlan(String key, Stream stream, String name, long amountPence, LotKind lot,
            String contractKey) {
    }

    /** The Ofsted judgement that suspends a provider: recorded last, after its placements were made. */
    public record InadequatePlan(String providerKey, LocalDate inspectedOn, String reportReference,
            String recordingCouncil) {
    }

    public final List<ProviderPlan> providers;
    public final List<PlacementPlan> placements;
    public final List<InHousePlan> inHouse;
    public final List<ExemptionPlan> exemptions;
    public final List<SpotPurchasePlan> spotPurchases;
    public final List<ContractPlan> contracts;
    public final List<BudgetPlan> budgets;
    public final InadequatePlan inadequate;

    private DemoData(List<ProviderPlan> providers, List<PlacementPlan> placements, List<InHousePlan> inHouse,
            List<ExemptionPlan> exemptions, List<SpotPurchasePlan> spotPurchases, List<ContractPlan> contracts,
            List<BudgetPlan> budgets, InadequatePlan inadequate) {
        this.providers = List.copyOf(providers);
        this.placements = List.copyOf(placements);
        this.inHouse = List.copyOf(inHouse);
        this.exemptions = List.copyOf(exemptions);
        this.spotPurchases = List.copyOf(spotPurchases);
        this.contracts = List.copyOf(contracts);
        this.budgets = List.copyOf(budgets);
        this.inadequate = inadequate;
    }

    public ProviderPlan provider(String key) {
        return providers.stream().filter(p -> p.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no provider " + key));
    }

    public List<ProviderPlan> providers(LotKind lot) {
        return providers.stream().filter(p -> p.lot() == lot).toList();
    }

    public List<PlacementPlan> placements(LotKind lot) {
        return placements.stream().filter(p -> p.lot() == lot).toList();
    }

    /** Commitment of a lot's placements in the demo's financial year, as spend-service will compute it. */
    public YearCost planned(LotKind lot) {
        return placements(lot).stream().map(p -> p.costIn(FINANCIAL_YEAR)).reduce(SpendArithmetic.NOTHING,
                YearCost::plus);
    }

    /** What a stream pays in the demo's year over the given placements, as spend-service will split it. */
    public long plannedPart(Stream stream, Predicate<PlacementPlan> which) {
        long total = 0;
        for (PlacementPlan p : placements) {
            if (which.test(p)) {
                total += part(p.costIn(FINANCIAL_YEAR).committedPence(), p.shares(), stream);
            }
        }
        return total;
    }

    /** What a stream pays in the demo's year over the spot purchases. */
    public long plannedSpotPart(Stream stream) {
        return spotPurchases.stream()
                .mapToLong(s -> part(s.costIn(FINANCIAL_YEAR).committedPence(), s.shares(), stream)).sum();
    }

    /** Shares of each provider (by key) in a lot's commitment, largest first. */
    public Map<String, Long> plannedByProvider(LotKind lot) {
        Map<String, Long> byProvider = new LinkedHashMap<>();
        placements(lot).forEach(p -> byProvider.merge(p.winnerKey(), p.costIn(FINANCIAL_YEAR).committedPence(),
                Long::sum));
        List<Map.Entry<String, Long>> sorted = new ArrayList<>(byProvider.entrySet());
        sorted.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        Map<String, Long> result = new LinkedHashMap<>();
        sorted.forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    static long part(long pence, List<Share> shares, Stream stream) {
        int[] basisPoints = new int[Stream.values().length];
        shares.forEach(s -> basisPoints[s.stream().ordinal()] = s.basisPoints());
        return new FeeCalibration.Funded(pence, basisPoints).part(stream.ordinal());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Building it
    // ---------------------------------------------------------------------------------------------------------

    private static final List<String> PLACES = List.of("Fenland", "Ouse", "Nene", "Granta", "Wissey", "Lark", "Lode",
            "Welney", "Soham", "Ramsey", "Whittlesey", "Chatteris", "Isleham", "Swavesey", "Bourn", "Gransden",
            "Kimbolton", "Somersham", "Waterbeach", "Thorney", "Yaxley", "Sawtry", "Linton", "Fulbourn", "Cottenham",
            "Littleport", "Wicken", "Burwell", "Elsworth", "Papworth", "Buckden", "Upwood", "Doddington", "Manea",
            "Coates", "Eltisley", "Girton", "Histon", "Hemingford", "Holywell");
    private static final List<String> NATURE = List.of("Alder", "Bittern", "Bramble", "Cedar", "Coppice", "Damson",
            "Elder", "Fieldfare", "Hawthorn", "Heron", "Juniper", "Kestrel", "Lapwing", "Linnet", "Medlar", "Osier",
            "Plover", "Quince", "Rowan", "Sedge", "Skylark", "Teasel", "Wagtail", "Willow", "Yarrow", "Avocet",
            "Bluebell", "Campion", "Dunlin", "Furrow", "Godwit", "Harebell", "Larch", "Marram", "Nightjar", "Orchard",
            "Redshank", "Samphire", "Tansy", "Warbler");
    private static final List<String> IFA_SUFFIXES = List.of("Fostering", "Foster Care", "Family Placements",
            "Fostering Partnership");
    private static final List<String> RESIDENTIAL_SUFFIXES = List.of("Children's Homes", "Residential Care",
            "Young People's Homes", "Care Homes for Children");
    private static final List<String> SCHOOL_SUFFIXES = List.of("School", "House School", "College", "Academy");
    private static final List<String> TUITION_NAMES = List.of("Kestrel Learning Partnership",
            "Granta Home Tuition Service", "Bramble Education Services", "Fieldfare Tutors", "Osier Learning",
            "Welney Teaching Partnership", "Coppice Alternative Education", "Harebell Tutoring");
    private static final List<String> FIRST_NAMES = List.of("Amira", "Ben", "Carys", "Dev", "Elin", "Farah", "Gareth",
            "Hana", "Imran", "Jo", "Kofi", "Lena", "Mo", "Niamh", "Owen", "Priya", "Rhys", "Sana", "Tom", "Una");
    private static final List<String> SURNAMES = List.of("Ashby", "Bell", "Carter", "Dale", "Ellis", "Fenn", "Grant",
            "Hale", "Irwin", "Jarvis", "Kaur", "Lowe", "Marsh", "Nash", "Oakes", "Patel", "Reeve", "Shaw", "Tate",
            "Wood");
    private static final List<String> STREETS = List.of("Station Road", "High Street", "Mill Lane", "Church Street",
            "Fen Road", "London Road", "Priory Lane", "Manor Farm Road", "Broad Street", "Chapel Lane", "Marsh Road",
            "Orchard Way");
    /** Postcode district and town, around Cambridgeshire and the Eastern Region. */
    private static final List<String[]> PROVIDER_LOCATIONS = List.of(new String[] {"PE13", "Wisbech"},
            new String[] {"PE15", "March"}, new String[] {"PE16", "Chatteris"}, new String[] {"PE7", "Whittlesey"},
            new String[] {"PE1", "Peterborough"}, new String[] {"PE2", "Peterborough"},
            new String[] {"PE29", "Huntingdon"}, new String[] {"PE27", "St Ives"}, new String[] {"PE19", "St Neots"},
            new String[] {"CB6", "Ely"}, new String[] {"CB7", "Soham"}, new String[] {"CB1", "Cambridge"},
            new String[] {"CB4", "Cambridge"}, new String[] {"CB21", "Linton"}, new String[] {"CB23", "Cambourne"},
            new String[] {"PE30", "King's Lynn"}, new String[] {"IP33", "Bury St Edmunds"},
            new String[] {"IP4", "Ipswich"}, new String[] {"CO4", "Colchester"}, new String[] {"NR3", "Norwich"},
            new String[] {"SG8", "Royston"}, new String[] {"CM2", "Chelmsford"}, new String[] {"RM17", "Grays"},
            new String[] {"MK40", "Bedford"});
    /** Where the council's children live: Cambridgeshire postcode districts. */
    private static final List<String> CHILD_DISTRICTS = List.of("CB1", "CB2", "CB3", "CB4", "CB5", "CB6", "CB7",
            "CB21", "CB22", "CB23", "CB24", "CB25", "PE13", "PE14", "PE15", "PE16", "PE19", "PE26", "PE27", "PE28",
            "PE29");
    private static final String UNIT_LETTERS = "ABDEFGHJLNPQRSTUWXYZ";
    private static final List<String> MONITORING_COUNCILS = List.of("cambridgeshire", "essex", "suffolk", "thurrock");

    /** The demo's data, always the same. */
    public static DemoData build() {
        return new Builder().build();
    }

    private static final class Draft {
        String key;
        ReferralSpec referral;
        LocalDate start;
        LocalDate end;
        String endType;
        String endReason;
        long basePence;
        int staffingPercent;
        int educationPercent;
        int therapyPercent;
        final List<ChangeSpec> changes = new ArrayList<>();
        int[] basisPoints = {0, 10_000, 0};
        String winner;
        /** Competitors: provider key and premium over the winner's fee in percent, or a decline reason. */
        final List<String[]> competitors = new ArrayList<>();
        boolean cascade;
        boolean parentalPreference;
        String home;

        Pattern pattern() {
            return Pattern.valueOf(referral.placementPattern());
        }

        boolean balancer;
        /** Not ended by the demo. */
        boolean keepRunning;
    }

    /** A fee change: extra 1:1 staffing (percent of the fee before it) or an uplift of every item (per mille). */
    private record ChangeSpec(LocalDate from, int staffingPercent, int upliftPerMille, String reason) {
    }

    private static final class Builder {

        private final Random random = new Random(SEED);
        private final List<ProviderPlan> providers = new ArrayList<>();
        private final Set<String> names = new HashSet<>();
        private final Set<ReferralSpec> referrals = new HashSet<>();
        private int urnSequence;

        DemoData build() {
            providers(LotKind.RESIDENTIAL, 17);
            providers(LotKind.IFA, 52);
            providers(LotKind.SPECIAL_SCHOOL, 22);
            providers(LotKind.TUITION, TUITION_NAMES.size());

            List<PlacementPlan> placements = new ArrayList<>();
            placements.addAll(residential());
            placements.addAll(fostering());
            placements.addAll(specialSchools());
            placements.addAll(tuition());
            List<InHousePlan> inHouse = inHouse();

            List<ExemptionPlan> exemptions = List.of(
                    new ExemptionPlan("exemption-ifa", "IFA",
                            "Committee paper 9 October 2018, recommendation (b): the ER4 IFA framework expired on "
                                    + "31 December 2018; spot purchase IFA placements for up to six months until the "
                                    + "DPS fostering lot is in use",
                            "Existing ER4 IFA specification and individual placement agreement", EXEMPTIONS_END),
                    new ExemptionPlan("exemption-nass", "SPECIAL_SCHOOL",
                            "Committee paper 9 October 2018, recommendation (c): independent non-maintained special "
                                    + "schools are spot purchased on the NASS contract for a further six months",
                            "National Association of Special Schools contract, Schedule 2 individual placement "
                                    + "agreement", EXEMPTIONS_END));
            List<SpotPurchasePlan> spots = spotPurchases();

            List<String> tuitionProviders = providers.stream().filter(p -> p.lot() == LotKind.TUITION)
                    .map(ProviderPlan::key).toList();
            List<ContractPlan> contracts = List.of(new ContractPlan("contract-tuition",
                    "Out of School Tuition framework 2016-19 (extension year)", LotKind.TUITION, tuitionProviders,
                    LocalDate.of(2018, 4, 1), LocalDate.of(2019, 3, 31), TUITION_CONTRACT_VALUE_PENCE));
            List<BudgetPlan> budgets = List.of(
                    new BudgetPlan("budget-hnb-isep", Stream.HIGH_NEEDS_BLOCK,
                            "High Needs Block: independent special school placements (ISEP)", 8_500_000_00L,
                            LotKind.SPECIAL_SCHOOL, null),
                    new BudgetPlan("budget-hnb-tuition", Stream.HIGH_NEEDS_BLOCK,
                            "High Needs Block: Out of School Tuition contract", TUITION_CONTRACT_VALUE_PENCE, null,
                            "contract-tuition"),
                    new BudgetPlan("budget-lac", Stream.LAC_PLACEMENTS,
                            "LAC placements: residential, fostering and the care share of joint placements",
                            6_700_000_00L, null, null),
                    new BudgetPlan("budget-health", Stream.HEALTH,
                            "CCG contributions to jointly funded placements", 1_500_000_00L, null, null));

            ProviderPlan suspended = providers.stream().filter(p -> p.key().equals(SUSPENDED_HOME)).findFirst()
                    .orElseThrow();
            InadequatePlan inadequate = new InadequatePlan(suspended.key(), LocalDate.of(2019, 2, 19),
                    "Ofsted " + suspended.ofstedUrn() + " full inspection 19 February 2019", "essex");
            return new DemoData(providers, placements, inHouse, exemptions, spots, contracts, budgets, inadequate);
        }

        // --- providers ---------------------------------------------------------------------------------------

        private void providers(LotKind lot, int count) {
            for (int i = 1; i <= count; i++) {
                String key = prefix(lot) + "-" + (i < 10 ? "0" : "") + i;
                String name = lot == LotKind.TUITION ? TUITION_NAMES.get(i - 1) : uniqueName(lot);
                names.add(name);
                String[] location = PROVIDER_LOCATIONS.get(random.nextInt(PROVIDER_LOCATIONS.size()));
                String postcode = location[0] + " " + (1 + random.nextInt(9)) + letter() + letter();
                String address = (1 + random.nextInt(120)) + " " + pick(STREETS) + ", " + location[1];
                String contact = pick(FIRST_NAMES) + " " + pick(SURNAMES);
                String urn = urn(lot);
                String tier = null;
                List<String> categories;
                switch (lot) {
                    case RESIDENTIAL -> categories = categories(lot, i % 3 != 0, i % 3 == 1 || i <= 6, i <= 7);
                    case IFA -> {
                        tier = i <= 10 ? "TIER_1" : i <= 28 ? "TIER_2" : "TIER_3";
                        categories = categories(lot, i % 5 != 4, i % 2 == 1, i % 4 == 1 || i <= 4);
                    }
                    case SPECIAL_SCHOOL -> categories = schoolCategories(i);
                    default -> categories = i <= 3 ? codes(lot) : categories(lot, i % 2 == 0, i % 2 == 1, i % 3 == 0);
                }
                // the last residential home and the last agency are turned down: a DPS admits everyone who meets
                // the criteria, and only them
                boolean rejected = (lot == LotKind.RESIDENTIAL || lot == LotKind.IFA) && i == count;
                String reasons = rejected ? (lot == LotKind.RESIDENTIAL
                        ? "No evidence of employer's liability insurance of at least £5m; the latest Ofsted report "
                                + "was not provided. You may apply again at any time."
                        : "The safeguarding policy provided predates the current statutory guidance. You may apply "
                                + "again at any time.")
                        : null;
                String judgement = null;
                LocalDate inspected = null;
                if (lot != LotKind.TUITION && !rejected) {
                    judgement = judgement(lot, i);
                    inspected = LocalDate.of(2016, 9, 1).plusDays(random.nextInt(700));
                }
                providers.add(new ProviderPlan(key, name, lot, urn, postcode, address, contact, tier, categories,
                        !rejected, reasons, judgement, inspected, pick(MONITORING_COUNCILS)));
            }
        }

        private static String prefix(LotKind lot) {
            return switch (lot) {
                case RESIDENTIAL -> "RES";
                case IFA -> "IFA";
                case SPECIAL_SCHOOL -> "SCH";
                case TUITION -> "TUI";
            };
        }

        private String uniqueName(LotKind lot) {
            List<String> suffixes = switch (lot) {
                case RESIDENTIAL -> RESIDENTIAL_SUFFIXES;
                case IFA -> IFA_SUFFIXES;
                default -> SCHOOL_SUFFIXES;
            };
            while (true) {
                String name = pick(PLACES) + " " + pick(NATURE) + " " + pick(suffixes);
                String stem = name.substring(0, name.lastIndexOf(' '));
                if (!names.contains(name) && names.stream().noneMatch(n -> n.startsWith(stem + " "))) {
                    return name;
                }
            }
        }

        /** Ofsted URNs: SC and six digits for homes and agencies, six digits for schools, EY for tuition. */
        private String urn(LotKind lot) {
            urnSequence++;
            int digits = 100 * urnSequence + random.nextInt(100);
            return switch (lot) {
                case RESIDENTIAL -> "SC5" + String.format("%05d", digits);
                case IFA -> "SC4" + String.format("%05d", digits);
                case SPECIAL_SCHOOL -> "8" + String.format("%05d", digits);
                case TUITION -> "EY7" + String.format("%05d", digits);
            };
        }

        /** Every provider serves the lot's first category; the others as asked. */
        private static List<String> categories(LotKind lot, boolean second, boolean third, boolean fourth) {
            List<String> codes = new ArrayList<>();
            codes.add(lot.categories.get(0).code());
            if (second) {
                codes.add(lot.categories.get(1).code());
            }
            if (third) {
                codes.add(lot.categories.get(2).code());
            }
            if (fourth) {
                codes.add(lot.categories.get(3).code());
            }
            return codes;
        }

        private static List<String> codes(LotKind lot) {
            return lot.categories.stream().map(Category::code).toList();
        }

        /**
         * Schools 1-8 take 52-week residential pupils, 9-14 38-week boarders (and day pupils), 15-22 day pupils
         * only; each serves two or three needs.
         */
        private static List<String> schoolCategories(int i) {
            return switch (i % 4) {
                case 0 -> List.of("ASD", "LEARNING", "POST16");
                case 1 -> List.of("ASD", "SEMH");
                case 2 -> List.of("SEMH", "LEARNING");
                default -> List.of("ASD", "SEMH", "LEARNING");
            };
        }

        private String judgement(LotKind lot, int i) {
            if (lot == LotKind.RESIDENTIAL && i == 5) {
                return "GOOD"; // judged Inadequate later: the provider the demo suspends
            }
            int roll = random.nextInt(100);
            return roll < 14 ? "OUTSTANDING" : roll < 88 ? "GOOD" : "REQUIRES_IMPROVEMENT_TO_BE_GOOD";
        }

        // --- placements --------------------------------------------------------------------------------------

        /** 24 residential placements, £2,531 a week on average over the year (excluding education). */
        private List<PlacementPlan> residential() {
            LotKind lot = LotKind.RESIDENTIAL;
            List<String> homes = responders(lot, 12);
            List<Draft> drafts = new ArrayList<>();
            String[] categories = {"STANDARD", "STANDARD", "COMPLEX", "STANDARD", "EMERGENCY", "STANDARD", "SOLO",
                "STANDARD", "COMPLEX", "STANDARD", "STANDARD", "EMERGENCY", "COMPLEX", "STANDARD", "SOLO", "STANDARD",
                "COMPLEX", "STANDARD", "EMERGENCY", "STANDARD", "COMPLEX", "SOLO", "STANDARD", "COMPLEX"};
            for (int i = 0; i < categories.length; i++) {
                String category = categories[i];
                Draft d = new Draft();
                d.key = "RES-P" + (i + 1);
                d.start = i == 0 ? LocalDate.of(2018, 4, 3) : dateBetween(LocalDate.of(2018, 4, 2),
                        LocalDate.of(2019, 2, 18));
                List<String> needs = switch (category) {
                    case "COMPLEX" -> List.of(pick(List.of("LEARNING_DISABILITY", "COMPLEX_MENTAL_HEALTH",
                            "SEXUALLY_HARMFUL_BEHAVIOUR")), "EMOTIONAL_BEHAVIOURAL");
                    case "EMERGENCY" -> List.of("EMOTIONAL_BEHAVIOURAL", pick(List.of("MISSING_EPISODES",
                            "CHILD_SEXUAL_EXPLOITATION", "SUBSTANCE_MISUSE")));
                    default -> List.of("EMOTIONAL_BEHAVIOURAL");
                };
                d.referral = referral(lot, category, pick(List.of("11-15", "11-15", "11-15", "16-17")), needs,
                        category.equals("EMERGENCY"), 0, d.start, 52, "WEEKS_52", false,
                        category.equals("COMPLEX"));
                d.basePence = pounds(switch (category) {
                    case "COMPLEX" -> between(3_100, 3_900);
                    case "SOLO" -> between(2_800, 3_300);
                    case "EMERGENCY" -> between(2_200, 2_700);
                    default -> between(1_850, 2_450);
                });
                d.staffingPercent = category.equals("COMPLEX") || category.equals("SOLO") ? between(12, 25) : 0;
                d.therapyPercent = category.equals("COMPLEX") ? between(4, 9) : 0;
                d.winner = i == 0 ? homes.get(0) : winner(lot, homes, category, null);
                if (category.equals("COMPLEX") && i % 2 == 0) {
                    d.basisPoints = new int[] {0, 7_500, 2_500}; // CCG contribution to complex mental health needs
                }
                d.home = "Home " + (1 + random.nextInt(6)) + ", " + d.referral.postcodeDistrict() + " area";
                d.balancer = i == 0;
                competitors(d, lot, homes, null);
                drafts.add(d);
            }
            // the home the demo later finds Inadequate has children placed with it, one still there
            for (int i : new int[] {3, 9}) {
                drafts.get(i).winner = SUSPENDED_HOME;
                drafts.get(i).competitors.removeIf(c -> c[0].equals(SUSPENDED_HOME));
            }
            drafts.get(9).keepRunning = true;
            ends(drafts, new String[][] {{"PLANNED", "RETURNED_TO_FAMILY"}, {"PLANNED", "STEPPED_DOWN_TO_FOSTERING"},
                {"DISRUPTION", "PLACEMENT_BREAKDOWN"}, {"DISRUPTION", "NEEDS_ESCALATED"}});
            changes(drafts, List.of(new ChangeSpec(null, 18, 0, "Additional 1:1 staffing agreed by the County "
                    + "Resourcing Panel"), new ChangeSpec(null, 14, 0, "Waking night staff added after risk review"),
                    new ChangeSpec(null, 0, 24, "Annual uplift 2.4% agreed in the fee request window")));

            calibrateAverage(drafts, RESIDENTIAL_AVERAGE_WEEKLY_PENCE);
            return finish(drafts, lot);
        }

        /** 40 fostering placements from the 51 agencies, some cascading tier by tier. */
        private List<PlacementPlan> fostering() {
            LotKind lot = LotKind.IFA;
            // every other agency answers call-offs: all tiers, so the cascade has someone to skip
            List<String> agencies = providers.stream().filter(p -> p.lot() == lot && p.admit()
                    && Integer.parseInt(p.key().substring(4)) % 2 == 1).map(ProviderPlan::key).toList();
            String[] cycle = {"STANDARD", "EMERGENCY", "STANDARD", "SIBLING_GROUPS", "STANDARD", "STANDARD",
                "EMERGENCY", "PARENT_AND_CHILD", "STANDARD", "STANDARD"};
            List<Draft> drafts = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String category = cycle[i % cycle.length];
                Draft d = new Draft();
                d.key = "IFA-P" + (i + 1);
                d.start = dateBetween(LocalDate.of(2018, 4, 2), LocalDate.of(2019, 3, 1));
                boolean siblings = category.equals("SIBLING_GROUPS");
                List<String> needs = switch (category) {
                    case "PARENT_AND_CHILD" -> List.of("PARENT_AND_CHILD");
                    case "EMERGENCY" -> List.of("EMOTIONAL_BEHAVIOURAL");
                    default -> random.nextInt(3) == 0 ? List.of("EMOTIONAL_BEHAVIOURAL", "EDUCATION_SUPPORT")
                            : List.of("EMOTIONAL_BEHAVIOURAL");
                };
                String age = category.equals("PARENT_AND_CHILD") ? "16-17"
                        : pick(List.of("0-4", "5-10", "5-10", "11-15", "11-15"));
                d.referral = referral(lot, category, age, needs, category.equals("EMERGENCY"), siblings ? 1 : 0,
                        d.start, 52, "WEEKS_52", false, false);
                d.basePence = pounds(switch (category) {
                    case "SIBLING_GROUPS" -> between(1_300, 1_600);
                    case "PARENT_AND_CHILD" -> between(1_200, 1_500);
                    case "EMERGENCY" -> between(780, 920);
                    default -> between(720, 880);
                });
                d.therapyPercent = random.nextInt(5) == 0 ? between(5, 10) : 0;
                d.cascade = category.equals("EMERGENCY");
                String tier = d.cascade ? "TIER_1" : null;
                // tier 1 agencies win most: they are preferred on quality and price
                int roll = random.nextInt(100);
                String winnerTier = tier != null ? tier : roll < 45 ? "TIER_1" : roll < 80 ? "TIER_2" : "TIER_3";
                d.winner = agencies.stream().anyMatch(k -> serves(k, category, winnerTier))
                        ? winner(lot, agencies, category, winnerTier) : winner(lot, agencies, category, null);
                d.home = "Carer household " + (100 + random.nextInt(400));
                competitors(d, lot, agencies, tier);
                drafts.add(d);
            }
            ends(drafts, new String[][] {{"PLANNED", "RETURNED_TO_FAMILY"}, {"PLANNED", "SPECIAL_GUARDIANSHIP_ORDER"},
                {"PLANNED", "ADOPTION"}, {"DISRUPTION", "CARER_REQUESTED_END"}, {"DISRUPTION", "PLACEMENT_BREAKDOWN"}});
            changes(drafts, List.of(new ChangeSpec(null, 20, 0, "Support package moved from Standard to Intensive"),
                    new ChangeSpec(null, 0, 20, "Annual uplift 2% agreed with the agency"),
                    new ChangeSpec(null, 12, 0, "Additional respite support agreed"),
                    new ChangeSpec(null, 0, 20, "Annual uplift 2% agreed with the agency")));
            drafts.forEach(d -> materialise(d));
            return finish(drafts, lot);
        }

        /**
         * 152 special-school (ISEP) placements: 32 for 52 weeks, 40 for 38 weeks, 80 day places, committing £14m
         * in 2018/19, of which £9m on the High Needs Block and the rest on the LAC budget and the CCG.
         */
        private List<PlacementPlan> specialSchools() {
            LotKind lot = LotKind.SPECIAL_SCHOOL;
            List<String> residential = keys(lot, 1, 8);
            List<String> boarding = keys(lot, 1, 14);
            List<String> day = keys(lot, 9, 22);
            List<Draft> drafts = new ArrayList<>();
            int[][] weeks52Splits = {{4_000, 4_000, 2_000}, {5_000, 3_000, 2_000}, {3_400, 3_300, 3_300},
                {4_500, 5_500, 0}, {5_000, 5_000, 0}};
            int[][] weeks38Splits = {{7_000, 3_000, 0}, {6_000, 2_500, 1_500}, {7_500, 2_500, 0}, {8_000, 0, 2_000}};
            for (int i = 0; i < 152; i++) {
                String pattern = i < 32 ? "WEEKS_52" : i < 72 ? "WEEKS_38" : "DAY";
                List<String> schools = pattern.equals("WEEKS_52") ? residential : pattern.equals("WEEKS_38")
                        ? boarding : day;
                Draft d = new Draft();
                d.key = "SCH-P" + (i + 1);
                d.start = switch (pattern) {
                    case "WEEKS_52" -> i == 0 ? LocalDate.of(2018, 4, 9) : switch (random.nextInt(10)) {
                        case 0, 1, 2, 3 -> dateBetween(LocalDate.of(2018, 4, 2), LocalDate.of(2018, 5, 31));
                        case 4, 5, 6 -> LocalDate.of(2018, 9, 3);
                        default -> dateBetween(LocalDate.of(2018, 6, 1), LocalDate.of(2019, 1, 28));
                    };
                    default -> termStart();
                };
                String category = pick(List.of("ASD", "ASD", "SEMH", "SEMH", "LEARNING", "POST16"));
                String age = category.equals("POST16") ? "16-17" : pick(List.of("5-10", "11-15", "11-15"));
                List<String> needs = switch (category) {
                    case "ASD" -> List.of("AUTISM", "EDUCATION_SUPPORT");
                    case "SEMH" -> List.of("EMOTIONAL_BEHAVIOURAL", "EDUCATION_SUPPORT");
                    case "LEARNING" -> List.of("LEARNING_DISABILITY", "EDUCATION_SUPPORT");
                    default -> List.of("LEARNING_DISABILITY", "AUTISM");
                };
                if (pattern.equals("WEEKS_52") && random.nextBoolean()) {
                    needs = new ArrayList<>(needs);
                    needs.add(pick(List.of("MEDICAL", "COMPLEX_MENTAL_HEALTH", "PHYSICAL_DISABILITY")));
                }
                boolean therapy = !pattern.equals("DAY") || random.nextInt(3) == 0;
                d.referral = referral(lot, category, age, needs, false, 0, d.start, 104, pattern, true, therapy);
                d.basePence = pounds(switch (pattern) {
                    case "WEEKS_52" -> between(4_400, 6_800);
                    case "WEEKS_38" -> between(2_900, 4_600);
                    default -> between(1_050, 1_900);
                });
                switch (pattern) {
                    case "WEEKS_52" -> {
                        d.educationPercent = between(35, 45);
                        d.staffingPercent = between(5, 12);
                        d.therapyPercent = between(6, 12);
                        d.basisPoints = weeks52Splits[i % weeks52Splits.length].clone();
                    }
                    case "WEEKS_38" -> {
                        d.educationPercent = between(55, 65);
                        d.therapyPercent = between(5, 10);
                        d.basisPoints = weeks38Splits[i % weeks38Splits.length].clone();
                    }
                    default -> {
                        d.educationPercent = therapy ? 88 : 100;
                        d.therapyPercent = therapy ? 12 : 0;
                        d.basisPoints = new int[] {10_000, 0, 0};
                    }
                }
                d.winner = winner(lot, schools, category, null);
                d.parentalPreference = random.nextInt(10) == 0;
                d.home = pattern.equals("DAY") ? "Day place" : pattern.equals("WEEKS_38") ? "Termly boarding place"
                        : "52-week residential place";
                d.balancer = i == 0;
                competitors(d, lot, schools, null);
                drafts.add(d);
            }
            ends(drafts, new String[][] {{"PLANNED", "MOVED_TO_MAINTAINED_SPECIAL_SCHOOL"},
                {"PLANNED", "MOVED_TO_POST16_COLLEGE"}, {"DISRUPTION", "PLACEMENT_BREAKDOWN"}});
            changes(drafts, List.of(new ChangeSpec(null, 0, 25, "Annual uplift 2.5% (NASS fee review)"),
                    new ChangeSpec(null, 10, 0, "Additional 1:1 support agreed at the annual review of the EHC plan"),
                    new ChangeSpec(null, 0, 25, "Annual uplift 2.5% (NASS fee review)"),
                    new ChangeSpec(null, 0, 25, "Annual uplift 2.5% (NASS fee review)")));
            calibrateTotal(drafts, ISEP_COMMITMENT_PENCE);
            List<FeeCalibration.Funded> funded = new ArrayList<>();
            for (Draft d : drafts) {
                funded.add(new FeeCalibration.Funded(cost(d).committedPence(), d.basisPoints));
            }
            FeeCalibration.shiftFirstStreamTo(funded, ISEP_HIGH_NEEDS_COMMITMENT_PENCE, 1_000);
            for (int i = 0; i < drafts.size(); i++) {
                drafts.get(i).basisPoints = funded.get(i).basisPoints.clone();
            }
            return finish(drafts, lot);
        }

        /** 44 tuition packages committing £2m on a £1m contract, most of it with two providers. */
        private List<PlacementPlan> tuition() {
            LotKind lot = LotKind.TUITION;
            List<String> all = keys(lot, 1, TUITION_NAMES.size());
            List<Draft> drafts = new ArrayList<>();
            for (int i = 0; i < 44; i++) {
                Draft d = new Draft();
                d.key = "TUI-P" + (i + 1);
                d.start = i == 0 ? LocalDate.of(2018, 4, 4) : random.nextInt(3) == 0
                        ? dateBetween(LocalDate.of(2018, 4, 2), LocalDate.of(2018, 6, 29))
                        : dateBetween(LocalDate.of(2018, 4, 2), LocalDate.of(2019, 2, 22));
                String category = pick(List.of("EHCP", "EHCP", "EHCP", "MEDICAL", "EXCLUDED", "LAC"));
                List<String> needs = switch (category) {
                    case "MEDICAL" -> List.of("MEDICAL", "EDUCATION_SUPPORT");
                    case "LAC" -> random.nextBoolean() ? List.of("UNACCOMPANIED_ASYLUM_SEEKER", "EDUCATION_SUPPORT")
                            : List.of("EDUCATION_SUPPORT");
                    case "EXCLUDED" -> List.of("EMOTIONAL_BEHAVIOURAL", "EDUCATION_SUPPORT");
                    default -> List.of(pick(List.of("AUTISM", "EMOTIONAL_BEHAVIOURAL", "LEARNING_DISABILITY")),
                            "EDUCATION_SUPPORT");
                };
                d.referral = referral(lot, category, pick(List.of("5-10", "11-15", "11-15", "11-15")), needs, false,
                        0, d.start, pick(List.of(12, 26, 39)), "WEEKS_52", true, false);
                d.basePence = pounds(between(950, 1_900));
                d.educationPercent = 100;
                if (random.nextInt(3) == 0) {
                    d.educationPercent = 80;
                    d.staffingPercent = 20;
                }
                d.basisPoints = new int[] {10_000, 0, 0};
                // "a large proportion of the spend is commissioned with one or two providers"
                int roll = random.nextInt(100);
                d.winner = i == 0 || roll < 45 ? all.get(0) : roll < 70 ? all.get(1)
                        : winner(lot, all.subList(2, all.size()), category, null);
                d.home = pick(List.of("15", "20", "25")) + " hours a week, 1:1 at home and in the library";
                d.balancer = i == 0;
                competitors(d, lot, all, null);
                drafts.add(d);
            }
            ends(drafts, new String[][] {{"PLANNED", "SCHOOL_PLACE_FOUND"}, {"PLANNED", "RETURNED_TO_SCHOOL"},
                {"PLANNED", "SCHOOL_PLACE_FOUND"}, {"PLANNED", "MOVED_OUT_OF_AREA"}, {"PLANNED", "SCHOOL_PLACE_FOUND"},
                {"DISRUPTION", "PACKAGE_BROKE_DOWN"}});
            changes(drafts, List.of(new ChangeSpec(null, 25, 0, "Hours increased from 20 to 25 a week"),
                    new ChangeSpec(null, 20, 0, "Teaching assistant support added"),
                    new ChangeSpec(null, 0, 15, "Annual rate review 1.5%")));
            calibrateTotal(drafts, TUITION_COMMITMENT_PENCE);
            return finish(drafts, lot);
        }

        private List<InHousePlan> inHouse() {
            List<InHousePlan> plans = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                LocalDate wanted = dateBetween(LocalDate.of(2018, 5, 1), LocalDate.of(2019, 2, 15));
                ReferralSpec spec = referral(LotKind.IFA, "STANDARD", pick(List.of("0-4", "5-10", "11-15")),
                        List.of("EMOTIONAL_BEHAVIOURAL"), false, 0, wanted, 52, "WEEKS_52", false, false);
                plans.add(new InHousePlan("IFA-INHOUSE-" + (i + 1), spec,
                        "An approved in-house foster carer in the child's home area has a vacancy and matches"));
            }
            return plans;
        }

        private List<SpotPurchasePlan> spotPurchases() {
            List<SpotPurchasePlan> spots = new ArrayList<>();
            String[] agencies = {"Saltmarsh Lane Fostering", "Granta Reach Family Placements", "Lode Meadow Foster Care"};
            LocalDate[] starts = {LocalDate.of(2019, 1, 7), LocalDate.of(2019, 1, 21), LocalDate.of(2019, 2, 11)};
            long[] fees = {pounds(1_640), pounds(985), pounds(1_120)};
            for (int i = 0; i < agencies.length; i++) {
                spots.add(new SpotPurchasePlan("SPOT-IFA-" + (i + 1), "exemption-ifa", agencies[i],
                        Fee.of(fees[i], 0, 0, 0), "WEEKS_52", starts[i],
                        List.of(new Share(Stream.LAC_PLACEMENTS, 10_000))));
            }
            return spots;
        }

        // --- helpers -----------------------------------------------------------------------------------------

        /** The providers of a lot that answer call-offs (admitted ones, the first {@code count}). */
        private List<String> responders(LotKind lot, int count) {
            return providers.stream().filter(p -> p.lot() == lot && p.admit()).map(ProviderPlan::key).limit(count)
                    .toList();
        }

        private List<String> keys(LotKind lot, int from, int to) {
            return providers.stream().filter(p -> p.lot() == lot).map(ProviderPlan::key).toList().subList(from - 1, to);
        }

        private String winner(LotKind lot, List<String> pool, String category, String tier) {
            List<String> fits = pool.stream().filter(k -> serves(k, category, tier)).toList();
            if (fits.isEmpty()) {
                throw new IllegalStateException("no " + lot + " provider serves " + category + " in " + tier);
            }
            return fits.get(random.nextInt(fits.size()));
        }

        private boolean serves(String key, String category, String tier) {
            ProviderPlan p = providers.stream().filter(x -> x.key().equals(key)).findFirst().orElseThrow();
            return p.admit() && p.categories().contains(category) && (tier == null || tier.equals(p.tier()));
        }

        /** Up to two more offers (dearer than the winner's) and up to two declines from others serving the need. */
        private void competitors(Draft d, LotKind lot, List<String> pool, String tier) {
            List<String> others = new ArrayList<>(pool.stream()
                    .filter(k -> !k.equals(d.winner) && serves(k, d.referral.category(), tier)).toList());
            Collections.shuffle(others, random);
            int offers = random.nextInt(3);
            int declines = random.nextInt(3);
            List<String> reasons = List.of("NO_VACANCY", "NO_VACANCY", "CANNOT_MEET_NEEDS", "LOCATION", "MATCHING");
            for (String other : others) {
                if (offers > 0) {
                    d.competitors.add(new String[] {other, String.valueOf(between(4, 18)), null});
                    offers--;
                } else if (declines > 0) {
                    d.competitors.add(new String[] {other, null, pick(reasons)});
                    declines--;
                }
            }
        }

        private ReferralSpec referral(LotKind lot, String category, String ageBand, List<String> needs,
                boolean emergency, int siblings, LocalDate wanted, Integer weeks, String pattern, boolean education,
                boolean therapy) {
            for (int attempt = 0; ; attempt++) {
                ReferralSpec spec = new ReferralSpec(lot, category, ageBand, random.nextBoolean() ? "FEMALE" : "MALE",
                        needs, pick(CHILD_DISTRICTS), siblings, emergency, wanted, weeks, pattern, education, therapy);
                if (referrals.add(spec)) {
                    return spec;
                }
                if (attempt > 1_000) {
                    throw new IllegalStateException("cannot make a distinct referral like " + spec);
                }
            }
        }

        /** Ends some placements that started early enough: at least eight weeks in, before the demo's day. */
        private void ends(List<Draft> drafts, String[][] endings) {
            List<Draft> candidates = new ArrayList<>(drafts.stream().filter(d -> !d.balancer && !d.keepRunning
                    && d.start.isBefore(LocalDate.of(2018, 12, 1))).toList());
            Collections.shuffle(candidates, random);
            for (int i = 0; i < endings.length && i < candidates.size(); i++) {
                Draft d = candidates.get(i);
                long room = ChronoUnit.DAYS.between(d.start.plusWeeks(8), LocalDate.of(2019, 2, 28));
                d.end = d.start.plusWeeks(8).plusDays(random.nextInt((int) room));
                d.endType = endings[i][0];
                d.endReason = endings[i][1];
            }
        }

        /** Changes some fees from a date between six weeks after the start and the end (or the demo's day). */
        private void changes(List<Draft> drafts, List<ChangeSpec> changes) {
            List<Draft> candidates = new ArrayList<>(drafts.stream().filter(d -> !d.balancer
                    && d.start.isBefore(LocalDate.of(2018, 11, 1))).toList());
            Collections.shuffle(candidates, random);
            for (int i = 0; i < changes.size() && i < candidates.size(); i++) {
                Draft d = candidates.get(i);
                LocalDate last = d.end != null ? d.end.minusWeeks(2) : LocalDate.of(2019, 2, 25);
                LocalDate first = d.start.plusWeeks(6);
                if (!last.isAfter(first)) {
                    continue;
                }
                LocalDate from = d.pattern() == Pattern.WEEKS_52 ? dateBetween(first, last)
                        : later(first, LocalDate.of(2018, 9, 1));
                if (from.isAfter(last)) {
                    continue;
                }
                ChangeSpec spec = changes.get(i);
                d.changes.add(new ChangeSpec(from, spec.staffingPercent(), spec.upliftPerMille(), spec.reason()));
            }
        }

        /** The fees of a draft from its base: the award fee, then each change applied to the fee before it. */
        private static List<FeeChange> materialise(Draft d) {
            List<FeeChange> result = new ArrayList<>();
            Fee fee = Fee.of(d.basePence, d.staffingPercent, d.educationPercent, d.therapyPercent);
            result.add(new FeeChange(d.start, fee, "award"));
            for (ChangeSpec change : d.changes) {
                if (change.staffingPercent() > 0) {
                    long extra = FeeCalibration.scaleToWholePounds(fee.total(),
                            BigDecimal.valueOf(change.staffingPercent(), 2));
                    fee = new Fee(fee.core(), fee.additionalStaffing() + extra, fee.education(), fee.therapy());
                } else {
                    BigDecimal factor = BigDecimal.valueOf(1_000 + change.upliftPerMille(), 3);
                    fee = new Fee(up(fee.core(), factor), up(fee.additionalStaffing(), factor),
                            up(fee.education(), factor), up(fee.therapy(), factor));
                }
                result.add(new FeeChange(change.from(), fee, change.reason()));
            }
            return result;
        }

        private static long up(long pence, BigDecimal factor) {
            return BigDecimal.valueOf(pence).multiply(factor).setScale(0, RoundingMode.HALF_UP).longValueExact();
        }

        private static YearCost cost(Draft d) {
            List<FeeStep> steps = materialise(d).stream().map(f -> new FeeStep(f.effectiveFrom(), f.fee().total()))
                    .toList();
            return SpendArithmetic.inYear(d.pattern(), d.start, d.end, steps, FINANCIAL_YEAR);
        }

        /** Scales every fee to whole pounds so the total lands near the target, then the balancer hits it. */
        private static void calibrateTotal(List<Draft> drafts, long targetPence) {
            long natural = drafts.stream().mapToLong(d -> cost(d).committedPence()).sum();
            BigDecimal factor = BigDecimal.valueOf(targetPence).divide(BigDecimal.valueOf(natural), 10,
                    RoundingMode.HALF_UP);
            drafts.forEach(d -> d.basePence = FeeCalibration.scaleToWholePounds(d.basePence, factor));
            Draft balancer = drafts.stream().filter(d -> d.balancer).findFirst().orElseThrow();
            long others = drafts.stream().filter(d -> !d.balancer).mapToLong(d -> cost(d).committedPence()).sum();
            balancer.basePence = FeeCalibration.feeForCost(balancer.pattern(), balancer.start, balancer.end,
                    FINANCIAL_YEAR, targetPence - others);
        }

        /** Scales every fee so the weighted average lands near the target, then the balancer makes it exact. */
        private static void calibrateAverage(List<Draft> drafts, long averagePence) {
            YearCost natural = drafts.stream().map(Builder::cost).reduce(SpendArithmetic.NOTHING, YearCost::plus);
            BigDecimal current = SpendArithmetic.averageWeeklyPrice(natural.committedPence(), natural.weekUnits());
            BigDecimal factor = BigDecimal.valueOf(averagePence, 2).divide(current, 10, RoundingMode.HALF_UP);
            drafts.forEach(d -> d.basePence = FeeCalibration.scaleToWholePounds(d.basePence, factor));
            Draft balancer = drafts.stream().filter(d -> d.balancer).findFirst().orElseThrow();
            YearCost others = drafts.stream().filter(d -> !d.balancer).map(Builder::cost)
                    .reduce(SpendArithmetic.NOTHING, YearCost::plus);
            long units = others.weekUnits() + cost(balancer).weekUnits();
            long needed = FeeCalibration.commitmentForAverage(averagePence, units) - others.committedPence();
            balancer.basePence = FeeCalibration.feeForCost(balancer.pattern(), balancer.start, balancer.end,
                    FINANCIAL_YEAR, needed);
        }

        private List<PlacementPlan> finish(List<Draft> drafts, LotKind lot) {
            List<PlacementPlan> plans = new ArrayList<>();
            int panel = 0;
            for (Draft d : drafts) {
                List<FeeChange> fees = materialise(d);
                Fee award = fees.get(0).fee();
                List<ResponsePlan> responses = new ArrayList<>();
                responses.add(new ResponsePlan(d.winner, award, d.home, d.referral.needs(), null, null));
                for (String[] c : d.competitors) {
                    if (c[1] != null) {
                        long total = FeeCalibration.scaleToWholePounds(award.total(),
                                BigDecimal.valueOf(100 + Integer.parseInt(c[1]), 2));
                        Fee offer = Fee.of(total, d.staffingPercent, d.educationPercent, d.therapyPercent);
                        responses.add(new ResponsePlan(c[0], offer, d.home, d.referral.needs().subList(0, 1), null,
                                null));
                    } else {
                        responses.add(new ResponsePlan(c[0], null, null, List.of(), c[2], declineDetail(c[2])));
                    }
                }
                List<Share> shares = new ArrayList<>();
                for (Stream stream : Stream.values()) {
                    if (d.basisPoints[stream.ordinal()] > 0) {
                        shares.add(new Share(stream, d.basisPoints[stream.ordinal()]));
                    }
                }
                boolean needsPanel = lot == LotKind.SPECIAL_SCHOOL ? !d.parentalPreference
                        : award.total() > 3_500_00L || fees.stream().anyMatch(f -> f.fee().total() > 3_500_00L);
                String panelReference = needsPanel ? "CRP-" + d.start.getYear() + "-" + String.format("%03d", ++panel)
                        : null;
                plans.add(new PlacementPlan(d.key, d.referral, d.cascade, List.copyOf(responses), d.winner, award,
                        List.copyOf(shares), panelReference, lot == LotKind.SPECIAL_SCHOOL && d.parentalPreference,
                        d.start, List.copyOf(fees.subList(1, fees.size())), d.end, d.endType, d.endReason));
            }
            return plans;
        }

        private static String declineDetail(String reason) {
            return switch (reason) {
                case "NO_VACANCY" -> "No vacancy before the wanted start date";
                case "CANNOT_MEET_NEEDS" -> "Cannot meet the child's needs with current staffing";
                case "LOCATION" -> "Too far from the child's school and family";
                case "MATCHING" -> "Not a good match with the children already placed";
                default -> "Other";
            };
        }

        /** The first day of a school term in the year: most places start in September. */
        private LocalDate termStart() {
            int roll = random.nextInt(100);
            return roll < 45 ? LocalDate.of(2018, 9, 3) : roll < 80 ? LocalDate.of(2018, 4, 16)
                    : roll < 90 ? LocalDate.of(2018, 6, 4) : roll < 95 ? LocalDate.of(2018, 10, 29)
                    : LocalDate.of(2019, 1, 7);
        }

        private LocalDate dateBetween(LocalDate from, LocalDate to) {
            LocalDate day = from.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(from, to) + 1));
            // placements start on weekdays
            while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
                day = day.plusDays(1);
            }
            return day;
        }

        private static LocalDate later(LocalDate a, LocalDate b) {
            return a.isAfter(b) ? a : b;
        }

        private int between(int from, int to) {
            return from + random.nextInt(to - from + 1);
        }

        private static long pounds(long pounds) {
            return pounds * 100;
        }

        private <T> T pick(List<T> list) {
            return list.get(random.nextInt(list.size()));
        }

        private char letter() {
            return UNIT_LETTERS.charAt(random.nextInt(UNIT_LETTERS.length()));
        }
    }

    /** A short description of the data, for people. */
    public String summary() {
        return providers.size() + " providers, " + placements.size() + " placements, " + inHouse.size()
                + " placed in-house, " + spotPurchases.size() + " spot purchases";
    }

    @Override
    public String toString() {
        return summary() + " " + Arrays.asList(LotKind.values());
    }
}
