package org.jixing.demo.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.Region;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.Money;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.subsidy.Claim;
import org.jixing.subsidy.ClaimDecision;
import org.jixing.subsidy.ClaimFiling;
import org.jixing.subsidy.ClaimReviews;
import org.jixing.subsidy.ClaimStatus;
import org.jixing.subsidy.FundLedger;
import org.jixing.subsidy.Payees;
import org.jixing.subsidy.RuleSet;
import org.jixing.subsidy.SubsidyRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The demo province's subsidies: the first version of the rules (from 2025-01-01, with
 * Shandong's usual figures), the providers' payee accounts, budgets for 2025 and 2026 for
 * every city and fund source the demo uses, and claims for completed past classes
 * reviewed as the cities and the province would: most approved, some returned, a few
 * rejected, the latest still waiting. 枣庄 and 聊城 are short of money in 2026, so a reviewer
 * there meets the overdraw refusal. Everything goes through the subsidy module's
 * services, as the people who do it.
 */
@Component
class DemoSubsidies {

    private static final Logger log = LoggerFactory.getLogger(DemoSubsidies.class);

    /** The cities whose 2026 budgets cover only part of what is claimed. */
    static final Set<String> SHORT_IN_2026 = Set.of("370400", "371500");

    /** Each line's fund source. */
    static final Map<String, String> LINE_FUNDS = Map.of("L01", "EMPLOYMENT_SUBSIDY", "L02", "EMPLOYMENT_SUBSIDY",
            "L03", "UNEMPLOYMENT_INSURANCE", "L04", "EMPLOYMENT_SUBSIDY", "L05", "EMPLOYMENT_SUBSIDY", "L06",
            "EMPLOYMENT_SUBSIDY", "L07", "UNEMPLOYMENT_INSURANCE", "L08", "LINE_DEPARTMENT", "L09",
            "EMPLOYEE_EDUCATION", "L10", "EMPLOYMENT_SUBSIDY");

    /** Occupations in shortage (A) or in demand (B); the rest are C. */
    static final Map<String, RuleSet.Tier> TIERS = Map.ofEntries(Map.entry("INDUSTRIAL_ROBOT_OPERATOR", RuleSet.Tier.A),
            Map.entry("ELECTRICIAN", RuleSet.Tier.A), Map.entry("PLC_DESIGNER", RuleSet.Tier.A),
            Map.entry("DATA_ANNOTATOR", RuleSet.Tier.A), Map.entry("HEALTH_CARER", RuleSet.Tier.A),
            Map.entry("DRONE_PILOT", RuleSet.Tier.A), Map.entry("BUSINESS_DATA_ANALYST", RuleSet.Tier.B),
            Map.entry("INTERNET_MARKETER", RuleSet.Tier.B), Map.entry("FORKLIFT_DRIVER", RuleSet.Tier.B),
            Map.entry("PRESCHOOL_TEACHER_ASSISTANT", RuleSet.Tier.B),
            Map.entry("AGRI_MACHINE_OPERATOR", RuleSet.Tier.B), Map.entry("SEWING_WORKER", RuleSet.Tier.B),
            Map.entry("HOUSEKEEPING_WORKER", RuleSet.Tier.B));

    /**
     * Yuan per trainee by level, for tiers A, B and C; higher levels are paid on a
     * certificate.
     */
    static final List<DemoStandard> STANDARDS = List.of(
            new DemoStandard("JUNIOR", 1500, 1200, 1000, RuleSet.PaysOn.COMPLETION),
            new DemoStandard("INTERMEDIATE", 2000, 1700, 1400, RuleSet.PaysOn.COMPLETION),
            new DemoStandard("SENIOR", 2800, 2400, 2000, RuleSet.PaysOn.CERTIFICATE),
            new DemoStandard("TECHNICIAN", 3500, 3000, 2600, RuleSet.PaysOn.CERTIFICATE),
            new DemoStandard("SENIOR_TECHNICIAN", 4500, 4000, 3500, RuleSet.PaysOn.CERTIFICATE));

    /** A level's yuan per trainee in tiers A, B and C, and what it is paid on. */
    record DemoStandard(String level, int tierA, int tierB, int tierC, RuleSet.PaysOn paysOn) {

        int yuan(RuleSet.Tier tier) {
            return switch (tier) {
                case A -> tierA;
                case B -> tierB;
                case C -> tierC;
            };
        }

    }

    /** What the demo did, for the log and the lead's later steps. */
    record Outcome(int budgets, int claims, List<Long> approved, int returned, int rejected, int waiting,
            int refusedForBudget, boolean reconciles) {
    }

    private static final String[] BANKS = { "中国工商银行", "中国农业银行", "中国银行", "中国建设银行", "交通银行", "齐鲁银行", "山东省农村信用社" };

    private final Payees payees;

    private final ClaimFiling filing;

    private final ClaimReviews reviews;

    private final FundLedger ledger;

    private final SubsidyRules rules;

    private final ReferenceCatalogue reference;

    private final int claimLimit;

    DemoSubsidies(Payees payees, ClaimFiling filing, ClaimReviews reviews, FundLedger ledger, SubsidyRules rules,
            ReferenceCatalogue reference, @Value("${jixing.demo.history.claims:600}") int claimLimit) {
        this.payees = payees;
        this.filing = filing;
        this.reviews = reviews;
        this.ledger = ledger;
        this.rules = rules;
        this.reference = reference;
        this.claimLimit = claimLimit;
    }

    /**
     * Publishes the rules if there are none, enters payees, files claims for up to
     * {@code jixing.demo.history.claims} of the past classes, allocates the budgets and
     * reviews the claims; returns the ids of the approved claims.
     */
    List<Long> generate(LocalDate today, CurrentUser admin, List<DemoHistory.Made> made) {
        long started = System.nanoTime();
        Outcome o = run(today, admin, made);
        log.info(
                "Demo subsidies in {} s: {} budgets, {} claims ({} approved, {} returned, {} rejected, {} waiting, "
                        + "{} refused for want of budget); the ledger {}",
                String.format("%.1f", (System.nanoTime() - started) / 1e9), o.budgets(), o.claims(),
                o.approved().size(), o.returned(), o.rejected(), o.waiting(), o.refusedForBudget(),
                o.reconciles() ? "reconciles" : "DOES NOT reconcile");
        return o.approved();
    }

    Outcome run(LocalDate today, CurrentUser admin, List<DemoHistory.Made> made) {
        SplittableRandom random = new SplittableRandom(DemoSeeder.SEED + 11);
        DemoProvince.as(admin, () -> {
            if (rules.versions().isEmpty()) {
                rules.publish(draft());
            }
            return null;
        });

        // Payees: every provider of a past class, and the demo provider's own account.
        Map<Long, DemoHistory.Made> byProvider = new LinkedHashMap<>();
        made.forEach(m -> byProvider.putIfAbsent(m.providerId(), m));
        for (DemoHistory.Made m : byProvider.values()) {
            DemoProvince.as(m.staff(), () -> payees.savePayee(m.providerName(), accountNo(m.providerId()),
                    BANKS[(int) (m.providerId() % BANKS.length)] + "济南分行"));
        }
        CurrentUser demoStaff = DemoProvince.user(0, "provider", Role.PROVIDER_STAFF,
                DataScope.of(ScopeKind.PROVIDER, "1"));
        try {
            DemoProvince.as(demoStaff, () -> payees.savePayee("济南示范培训学校", accountNo(1), "中国工商银行济南分行"));
        }
        catch (RuntimeException noSuchProvider) {
            log.debug("The demo provider's payee was not entered", noSuchProvider);
        }

        // Claims for classes spread over the whole period, oldest first.
        List<DemoHistory.Made> done = made.stream()
            .filter(m -> m.completed() > 0 && m.end().isBefore(today))
            .sorted(Comparator.comparing(DemoHistory.Made::end).thenComparing(DemoHistory.Made::classId))
            .toList();
        List<DemoHistory.Made> chosen = new ArrayList<>();
        int limit = Math.max(0, claimLimit);
        for (int i = 0; i < done.size() && chosen.size() < limit; i++) {
            if (done.size() <= limit || (long) i * limit / done.size() != (long) (i - 1) * limit / done.size()) {
                chosen.add(done.get(i));
            }
        }
        List<Claim> filed = new ArrayList<>();
        Map<DemoHistory.Made, Claim> claimOf = new HashMap<>();
        for (DemoHistory.Made m : chosen) {
            try {
                Claim c = DemoProvince.as(m.staff(), () -> filing.file(m.classId()));
                filed.add(c);
                claimOf.put(m, c);
            }
            catch (InvalidInputException notClaimable) {
                // A self-funded class, or nobody in it is paid for: nothing to claim.
            }
        }

        // Budgets: about 125% of what is claimed per city, fund source and year (at least
        // a base sum, so every city has each source), 40% for the short cities in 2026.
        Map<String, Long> claimed = new TreeMap<>();
        for (Claim c : filed) {
            claimed.merge(key(cityOf(c.regionCode()), c.fundSourceCode(), c.trainingYear()), c.amount().fen(),
                    Long::sum);
        }
        SortedSet<String> sources = new TreeSet<>(LINE_FUNDS.values());
        filed.forEach(c -> sources.add(c.fundSourceCode()));
        int budgets = 0;
        for (int year : new int[] { 2025, 2026 }) {
            for (Region city : reference.cities()) {
                for (String source : sources) {
                    long want = claimed.getOrDefault(key(city.code(), source, year), 0L);
                    long fen = want * 125 / 100;
                    if (year == 2026 && SHORT_IN_2026.contains(city.code())) {
                        fen = want * 40 / 100;
                    }
                    // Round up to ten thousand yuan; a base sum where nothing is claimed.
                    long unit = 10_000_00L;
                    fen = Math.max(fen == 0 ? 200_000_00L : unit, (fen + unit - 1) / unit * unit);
                    long amount = fen;
                    DemoProvince.as(admin, () -> ledger.allocate(city.code(), source, year, Money.ofFen(amount),
                            year + " 年度职业技能提升行动资金（示范）"));
                    budgets++;
                }
            }
        }

        // Reviews: the latest tenth waits; of the rest most are approved, some returned,
        // a few rejected. Large claims go on to the province, which leaves a few waiting.
        List<Long> approved = new ArrayList<>();
        int returned = 0;
        int rejected = 0;
        int waiting = 0;
        int refused = 0;
        int waitFrom = filed.size() - filed.size() / 10;
        for (int i = 0; i < filed.size(); i++) {
            Claim c = filed.get(i);
            if (i >= waitFrom) {
                waiting++;
                continue;
            }
            CurrentUser officer = DemoProvince.officer(reference.region(cityOf(c.regionCode())).orElseThrow());
            int roll = random.nextInt(100);
            try {
                if (roll < 7) {
                    DemoProvince.as(officer, () -> reviews.decide(c.id(),
                            new ClaimDecision(c.version(), ClaimDecision.Action.RETURN, "请补充学员签到表原件扫描件和结业考核记录。")));
                    returned++;
                    continue;
                }
                if (roll < 10) {
                    DemoProvince.as(officer, () -> reviews.decide(c.id(),
                            new ClaimDecision(c.version(), ClaimDecision.Action.REJECT, "抽查回访发现部分学员未实际参训，不予补贴。")));
                    rejected++;
                    continue;
                }
                Claim cityDone = DemoProvince.as(officer, () -> reviews.decide(c.id(),
                        new ClaimDecision(c.version(), ClaimDecision.Action.APPROVE, "材料齐全，符合补贴条件。")));
                Claim decided = cityDone;
                if (cityDone.status() == ClaimStatus.PROVINCE_REVIEW) {
                    if (random.nextInt(4) == 0) {
                        waiting++;
                        continue;
                    }
                    decided = DemoProvince.as(admin, () -> reviews.decide(c.id(),
                            new ClaimDecision(cityDone.version(), ClaimDecision.Action.APPROVE, "同意。")));
                }
                if (decided.status() == ClaimStatus.APPROVED) {
                    approved.add(decided.id());
                }
            }
            catch (InvalidInputException overdraw) {
                // The budget is spent: the claim waits for more money.
                refused++;
                waiting++;
            }
        }
        boolean reconciles = DemoProvince.as(admin, () -> ledger.check().reconciles());
        if (!reconciles) {
            log.warn("The demo ledger does not reconcile: {}", DemoProvince.as(admin, () -> ledger.check().problems()));
        }
        return new Outcome(budgets, filed.size(), approved, returned, rejected, waiting, refused, reconciles);
    }

    private static String key(String city, String source, int year) {
        return city + "/" + source + "/" + year;
    }

    private static String cityOf(String regionCode) {
        return regionCode.substring(0, 4) + "00";
    }

    private static String accountNo(long providerId) {
        return "62220216" + String.format("%011d", 37_000_000_000L + providerId);
    }

    /** The first version of the rules, in force from 2025-01-01. */
    static SubsidyRules.Draft draft() {
        List<RuleSet.Standard> standards = new ArrayList<>();
        for (DemoStandard s : STANDARDS) {
            for (RuleSet.Tier t : RuleSet.Tier.values()) {
                standards.add(new RuleSet.Standard(s.level(), t, Money.ofYuan(String.valueOf(s.yuan(t))), s.paysOn()));
            }
        }
        Map<String, Integer> groups = new LinkedHashMap<>();
        groups.put("EMPLOYMENT_DIFFICULTY", 20);
        groups.put("POVERTY_WATCH", 20);
        groups.put("DISABLED", 20);
        groups.put("VETERAN", 10);
        groups.put("REGISTERED_UNEMPLOYED", 10);
        groups.put("RURAL_MIGRANT", 10);
        return new SubsidyRules.Draft(LocalDate.of(2025, 1, 1),
                "山东省职业技能提升行动补贴标准（示范）：按职业紧缺程度分 A/B/C 三档，重点群体上浮，结业后 6 个月内就业的每人另发 500 元，每人每年累计不超过 6000 元。",
                Money.ofYuan("6000"), Money.ofYuan("120000"), RuleSet.Tier.C, standards, TIERS, groups, LINE_FUNDS,
                new RuleSet.EmploymentPay(6, Money.ofYuan("500")));
    }

}
