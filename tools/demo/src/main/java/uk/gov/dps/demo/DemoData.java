package uk.gov.dps.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The demo's data set: Cambridgeshire and Peterborough's children's placements DPS of the October 2018 committee
 * paper, with synthetic providers and a year (2018/19) of Cambridgeshire placements. The data lives in files under
 * {@code src/main/resources/demo/} ({@link #FILES}), read here into typed records; its fees and funding shares were
 * chosen so that spend-service's figures are the paper's: a residential average of £2,531 a week, £14m committed on
 * special-school (ISEP) placements of which £9m on the High Needs Block, and £2m committed on out-of-school tuition
 * (a £1m contract), most of it with two providers. The e2e scenario DemoIT checks those figures against the running
 * platform.
 * <p>
 * Pure data: no network. {@link DemoLoader} sends it through the public APIs.
 */
public final class DemoData {

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

    // ---------------------------------------------------------------------------------------------------------
    // The model
    // ---------------------------------------------------------------------------------------------------------

    public record Category(String code, String name) {
    }

    /** The DPS's four lots, as the paper lists them; what each is comes from {@code lots.json}. */
    public enum LotKind {
        RESIDENTIAL, IFA, SPECIAL_SCHOOL, TUITION;

        public final String code;
        public final String lotName;
        /** For reports: a few words. */
        public final String shortName;
        public final String serviceType;
        public final boolean tiered;
        public final List<String> placementPatterns;
        public final List<Category> categories;
        public final List<String> selectionCriteria;

        LotKind() {
            LotFile lot = Files.lot(name());
            this.code = lot.code();
            this.lotName = lot.name();
            this.shortName = lot.shortName();
            this.serviceType = lot.serviceType();
            this.tiered = lot.tiered();
            this.placementPatterns = List.copyOf(lot.placementPatterns());
            this.categories = List.copyOf(lot.categories());
            this.selectionCriteria = List.copyOf(lot.selectionCriteria());
        }

        /** The name of the lot's placements file. */
        String placementsFile() {
            return "placements-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ".json";
        }
    }

    /** A row of {@code lots.json}. */
    record LotFile(String kind, String code, String name, String shortName, String serviceType, boolean tiered,
            List<String> placementPatterns, List<Category> categories, List<String> selectionCriteria) {
    }

    /** The funding streams, in spend-service's order (it breaks rounding ties by it). */
    public enum Stream {
        HIGH_NEEDS_BLOCK, LAC_PLACEMENTS, HEALTH
    }

    /** A weekly fee, itemised, in pounds; an item left out of a file is £0.00. */
    public record Fee(BigDecimal core, BigDecimal additionalStaffing, BigDecimal education, BigDecimal therapy) {

        private static final BigDecimal NONE = BigDecimal.valueOf(0, 2);

        public Fee {
            core = core == null ? NONE : core;
            additionalStaffing = additionalStaffing == null ? NONE : additionalStaffing;
            education = education == null ? NONE : education;
            therapy = therapy == null ? NONE : therapy;
        }

        public BigDecimal total() {
            return core.add(additionalStaffing).add(education).add(therapy);
        }
    }

    /** A funding share: a stream and its percentage (two decimals), as an award sends it. */
    public record Share(Stream stream, BigDecimal percent) {
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
            String reasonEpisodeCeased, String reasonPlaceChange) {

        public LotKind lot() {
            return referral.lot();
        }

        public ResponsePlan winningResponse() {
            return responses.stream().filter(r -> r.providerKey().equals(winnerKey)).findFirst().orElseThrow();
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
    }

    public record ContractPlan(String key, String name, LotKind lot, List<String> providerKeys, LocalDate startDate,
            LocalDate endDate, BigDecimal value) {
    }

    /** A budget line for the whole stream ({@code lot} and {@code contractKey} null), one lot or one contract. */
    public record BudgetPlan(String key, Stream stream, String name, BigDecimal amount, LotKind lot,
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

    // ---------------------------------------------------------------------------------------------------------
    // Reading it
    // ---------------------------------------------------------------------------------------------------------

    /** The data files, under {@code demo/} on the class path. */
    static final List<String> FILES = List.of("lots.json", "providers.csv", "placements-residential.json",
            "placements-ifa.json", "placements-special-school.json", "placements-tuition.json", "in-house.json",
            "exemptions.json", "spot-purchases.json", "contracts.json", "budgets.csv", "inadequate-judgement.json");

    /** The demo's data, read from its files. */
    public static DemoData build() {
        List<PlacementPlan> placements = new ArrayList<>();
        for (LotKind lot : LotKind.values()) {
            placements.addAll(Files.json(lot.placementsFile(), new TypeReference<List<PlacementPlan>>() {
            }));
        }
        return new DemoData(Files.csv("providers.csv", ProviderPlan.class), placements,
                Files.json("in-house.json", new TypeReference<List<InHousePlan>>() {
                }), Files.json("exemptions.json", new TypeReference<List<ExemptionPlan>>() {
                }), Files.json("spot-purchases.json", new TypeReference<List<SpotPurchasePlan>>() {
                }), Files.json("contracts.json", new TypeReference<List<ContractPlan>>() {
                }), Files.csv("budgets.csv", BudgetPlan.class),
                Files.json("inadequate-judgement.json", new TypeReference<InadequatePlan>() {
                }));
    }

    /** Reads the files strictly: an unknown column or field is an error, not silently dropped data. */
    static final class Files {

        private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
        private static final CsvMapper CSV = CsvMapper.builder().addModule(new JavaTimeModule())
                .enable(CsvParser.Feature.EMPTY_STRING_AS_NULL).enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
                .build();
        private static Map<String, LotFile> lots;

        private Files() {
        }

        static synchronized LotFile lot(String kind) {
            if (lots == null) {
                Map<String, LotFile> byKind = new LinkedHashMap<>();
                json("lots.json", new TypeReference<List<LotFile>>() {
                }).forEach(l -> byKind.put(l.kind(), l));
                lots = byKind;
            }
            LotFile lot = lots.get(kind);
            if (lot == null) {
                throw new IllegalStateException("demo/lots.json has no lot " + kind);
            }
            return lot;
        }

        static <T> T json(String file, TypeReference<T> type) {
            try (InputStream in = open(file)) {
                return JSON.readValue(in, type);
            } catch (IOException e) {
                throw new UncheckedIOException("demo/" + file + ": " + e.getMessage(), e);
            }
        }

        /** A CSV file with a header row; a list column separates its items with ';'. */
        static <T> List<T> csv(String file, Class<T> type) {
            CsvSchema schema = CsvSchema.emptySchema().withHeader().withArrayElementSeparator(";");
            try (InputStream in = open(file);
                    MappingIterator<T> rows = CSV.readerFor(type).with(schema).readValues(in)) {
                return rows.readAll();
            } catch (IOException e) {
                throw new UncheckedIOException("demo/" + file + ": " + e.getMessage(), e);
            }
        }

        private static InputStream open(String file) throws IOException {
            InputStream in = DemoData.class.getResourceAsStream("/demo/" + file);
            if (in == null) {
                throw new IOException("not on the class path");
            }
            return in;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Invoices and payments (spend-service): derived from the placements, so no second file to keep in step
    // ---------------------------------------------------------------------------------------------------------

    /**
     * A provider's invoice for four weeks of a 52-week placement at one fee, and what finance does with it.
     *
     * @param agreed         what the agreement puts on the period: four weekly fees (whole weeks, one fee)
     * @param amount         what the provider asks; more than {@code agreed} makes spend-service flag it
     * @param approvalReason why a flagged invoice is approved all the same (null: not flagged)
     * @param approve        finance approves it (false: left submitted)
     * @param paidOn         when it was paid (null: not paid)
     */
    public record InvoicePlan(String placementKey, String invoiceNumber, LocalDate periodFrom, LocalDate periodTo,
            BigDecimal agreed, BigDecimal amount, LocalDate receivedOn, boolean approve, String approvalReason,
            LocalDate paidOn, String paymentReference) {

        public boolean flagged() {
            return amount.compareTo(agreed) != 0;
        }
    }

    /** The two four-week invoicing periods, Monday to Sunday, the last ending the day before the demo's date. */
    static final LocalDate INVOICED_FROM = LocalDate.of(2019, 1, 7);
    static final LocalDate INVOICED_TO = LocalDate.of(2019, 3, 3);
    /** An escort charged on top of the agreed fee: the demo's flagged invoice. */
    static final BigDecimal UNAGREED_ESCORT = new BigDecimal("250.00");

    /**
     * Invoices for the first four residential 52-week placements (by key) that run at one fee through January and
     * February 2019: three paid (one of them flagged, approved with a reason), one approved and not paid yet; and the
     * first one's February invoice received on the demo's day, unpaid.
     */
    public List<InvoicePlan> invoices() {
        List<PlacementPlan> invoiced = placements(LotKind.RESIDENTIAL).stream()
                .filter(p -> "WEEKS_52".equals(p.referral().placementPattern()))
                .filter(p -> !p.start().isAfter(INVOICED_FROM) && (p.end() == null || !p.end().isBefore(INVOICED_TO)))
                .filter(p -> p.feeChanges().stream().noneMatch(c -> c.effectiveFrom().isAfter(INVOICED_FROM)
                        && !c.effectiveFrom().isAfter(INVOICED_TO)))
                .sorted(java.util.Comparator.comparing(PlacementPlan::key)).limit(4).toList();
        List<InvoicePlan> plans = new ArrayList<>();
        LocalDate february = INVOICED_FROM.plusWeeks(4);
        LocalDate received = LocalDate.of(2019, 2, 5);
        for (int i = 0; i < invoiced.size(); i++) {
            PlacementPlan p = invoiced.get(i);
            BigDecimal fourWeeks = feeOn(p, INVOICED_FROM).multiply(BigDecimal.valueOf(4));
            String number = "INV-" + p.key() + "-2019-01";
            String reference = "CCC-AP-" + p.key() + "-2019-01";
            plans.add(switch (i) {
                case 0 -> new InvoicePlan(p.key(), number, INVOICED_FROM, february.minusDays(1), fourWeeks, fourWeeks,
                        received, true, null, LocalDate.of(2019, 2, 20), reference);
                case 1 -> new InvoicePlan(p.key(), number, INVOICED_FROM, february.minusDays(1), fourWeeks,
                        fourWeeks.add(UNAGREED_ESCORT), received, true,
                        "Escort to a hospital appointment agreed by the social worker on 14 January", LocalDate.of(
                                2019, 3, 1), reference);
                case 2 -> new InvoicePlan(p.key(), number, INVOICED_FROM, february.minusDays(1), fourWeeks, fourWeeks,
                        LocalDate.of(2019, 2, 25), true, null, null, null);
                default -> new InvoicePlan(p.key(), number, INVOICED_FROM, february.minusDays(1), fourWeeks,
                        fourWeeks, received, true, null, LocalDate.of(2019, 3, 1), reference);
            });
        }
        if (!invoiced.isEmpty()) {
            PlacementPlan first = invoiced.get(0);
            BigDecimal fourWeeks = feeOn(first, february).multiply(BigDecimal.valueOf(4));
            plans.add(new InvoicePlan(first.key(), "INV-" + first.key() + "-2019-02", february, INVOICED_TO,
                    fourWeeks, fourWeeks, AS_OF_DATE, false, null, null, null));
        }
        return plans;
    }

    /** The weekly fee in force on {@code day}: the latest change from that day or before, else the award's. */
    static BigDecimal feeOn(PlacementPlan plan, LocalDate day) {
        return plan.feeChanges().stream().filter(c -> !c.effectiveFrom().isAfter(day))
                .max(java.util.Comparator.comparing(FeeChange::effectiveFrom)).map(c -> c.fee().total())
                .orElse(plan.awardFee().total());
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
