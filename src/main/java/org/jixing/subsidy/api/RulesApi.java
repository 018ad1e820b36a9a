package org.jixing.subsidy.api;

import org.jixing.subsidy.GroupEvidence;
import org.jixing.subsidy.SubsidyPermission;
import org.jixing.subsidy.SubsidyPermission.Allowed;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.Money;
import org.jixing.shared.scope.RecordNotFoundException;
import org.jixing.subsidy.RuleSet;
import org.jixing.subsidy.RuleStanding;
import org.jixing.subsidy.SimulationWording;
import org.jixing.subsidy.Simulator;
import org.jixing.subsidy.SubsidyRules;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The versions of the subsidy rules, publishing a new one (province administrator), and
 * the simulator: what a trainee of a class would be paid and why.
 */
@RestController
@RequestMapping("/api/v1/subsidies")
@Tag(name = "Subsidy rules", description = "Versions of the subsidy rules with their effective dates, and the "
        + "simulator that explains what a trainee of a class would be paid")
class RulesApi {

    private final SubsidyRules rules;

    private final Simulator simulator;

    private final SimulationWording wording;

    private final MessageSource messages;

    RulesApi(SubsidyRules rules, Simulator simulator, SimulationWording wording, MessageSource messages) {
        this.rules = rules;
        this.simulator = simulator;
        this.wording = wording;
        this.messages = messages;
    }

    /** A version in a list. */
    record Version(long id, int version, LocalDate effectiveFrom, String note, RuleStanding standing, String createdBy,
            Instant createdAt) {
    }

    /** A version with all its rules. */
    record VersionDetail(RuleStanding standing, RuleSet rules) {
    }

    /**
     * One standard of a new version: the amount per person in yuan (at most two
     * decimals).
     */
    record StandardEntry(String levelCode, RuleSet.Tier tier, String amountYuan, RuleSet.PaysOn paysOn) {
    }

    /**
     * A new version. Amounts are yuan strings; occupation tiers, group adjustments
     * (percent) and line funds are keyed by their reference codes.
     */
    record NewVersion(LocalDate effectiveFrom, String note, String personYearCapYuan, String classCapYuan,
            RuleSet.Tier defaultTier, List<StandardEntry> standards, Map<String, RuleSet.Tier> occupationTiers,
            Map<String, Integer> groupAdjustments, Map<String, String> lineFunds, EmploymentEntry employment) {
    }

    /**
     * The employment component: {@code amountYuan} per trainee the social-insurance
     * records show employed within {@code withinMonths} months after the month the class
     * ended; null for none.
     */
    record EmploymentEntry(Integer withinMonths, String amountYuan) {
    }

    /** What the simulator found, with its explanation in the reader's language. */
    record SimulationBody(long classId, String classNo, Long ruleSetId, Integer ruleVersion, Integer inForceVersion,
            boolean underInForceVersion, Long enrolmentId, String name, String idNumberMasked, Set<String> groupCodes,
            RuleSet.Tier tier, boolean tierListed, Money standard, RuleSet.PaysOn paysOn, String groupCode,
            int adjustPercent, Money adjusted, Money alreadyThisYear, Money personYearCapCut, Money classCapCut,
            Money amount, String fundSourceCode, boolean payable, String reasonKey, String reason,
            List<String> explanation, GroupEvidence groupEvidence) {
    }

    @Allowed(SubsidyPermission.RULE_READ)
    @GetMapping("/rules")
    @Operation(summary = "The versions of the subsidy rules, latest effective date first, each in force now, "
            + "future or past")
    List<Version> list() {
        LocalDate today = rules.today();
        Optional<RuleSet> now = rules.inForceOn(today);
        return rules.versions()
            .stream()
            .map(r -> new Version(r.id(), r.version(), r.effectiveFrom(), r.note(), RuleStanding.of(r, now, today),
                    r.createdBy(), r.createdAt()))
            .toList();
    }

    @Allowed(SubsidyPermission.RULE_READ)
    @GetMapping("/rules/{id}")
    @Operation(summary = "One version: standards by level and demand tier, occupation tiers, group adjustments, "
            + "caps and the fund source of each action line")
    VersionDetail get(@PathVariable long id) {
        RuleSet r = rules.version(id).orElseThrow(() -> new RecordNotFoundException("subsidy_rule_set", id));
        LocalDate today = rules.today();
        return new VersionDetail(RuleStanding.of(r, rules.inForceOn(today), today), r);
    }

    @Allowed(SubsidyPermission.RULE_PUBLISH)
    @PostMapping("/rules")
    @Operation(summary = "Publish a new version (province administrator). It takes effect after every published "
            + "version and not before today; claims already filed keep the version they were priced with. "
            + "Every broken rule is listed with its field")
    ResponseEntity<VersionDetail> publish(@RequestBody NewVersion body) {
        if (body == null) {
            throw InvalidInputException.of("effectiveFrom", "subsidy.error.required");
        }
        List<RuleSet.Standard> standards = new ArrayList<>();
        for (StandardEntry s : body.standards() == null ? List.<StandardEntry>of() : body.standards()) {
            standards.add(new RuleSet.Standard(s.levelCode(), s.tier(), yuanOrNull(s.amountYuan()), s.paysOn()));
        }
        RuleSet r = rules.publish(new SubsidyRules.Draft(body.effectiveFrom(), body.note(),
                yuanOrNull(body.personYearCapYuan()), yuanOrNull(body.classCapYuan()), body.defaultTier(), standards,
                orEmpty(body.occupationTiers()), orEmpty(body.groupAdjustments()), orEmpty(body.lineFunds()),
                body.employment() == null ? null
                        : new RuleSet.EmploymentPay(
                                body.employment().withinMonths() == null ? 0 : body.employment().withinMonths(),
                                yuanOrNull(body.employment().amountYuan()))));
        LocalDate today = rules.today();
        return ResponseEntity.created(URI.create("/api/v1/subsidies/rules/" + r.id()))
            .body(new VersionDetail(RuleStanding.of(r, rules.inForceOn(today), today), r));
    }

    /** An amount the rules' checks refuse (as missing) when it is not a yuan amount. */
    static Money yuanOrNull(String yuan) {
        if (yuan == null || yuan.isBlank()) {
            return null;
        }
        try {
            return Money.ofYuan(yuan);
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> m) {
        return m == null ? Map.of() : new LinkedHashMap<>(m);
    }

    @Allowed(SubsidyPermission.SIMULATE)
    @GetMapping("/simulation")
    @Operation(summary = "What a trainee of a class would be paid and why: a trainee of its roster "
            + "(enrolmentId) or a hypothetical one (groups, alreadyYuan received this year), under the version in "
            + "force on the class's first day or a chosen version (versionId). Saves nothing")
    SimulationBody simulate(@RequestParam long classId, @RequestParam(required = false) Long enrolmentId,
            @RequestParam(required = false) String groups, @RequestParam(required = false) String alreadyYuan,
            @RequestParam(required = false) Long versionId) {
        Simulator.Trainee who;
        if (enrolmentId != null) {
            who = Simulator.Trainee.onRoster(enrolmentId);
        }
        else {
            Money already = Money.ZERO;
            if (alreadyYuan != null && !alreadyYuan.isBlank()) {
                already = yuanOrNull(alreadyYuan);
                if (already == null) {
                    throw InvalidInputException.of("alreadyYuan", "subsidy.error.amount");
                }
            }
            Set<String> codes = new LinkedHashSet<>();
            if (groups != null) {
                Arrays.stream(groups.split(",")).map(String::strip).filter(g -> !g.isEmpty()).forEach(codes::add);
            }
            who = Simulator.Trainee.hypothetical(codes, already);
        }
        Simulator.Simulation s = simulator.simulate(classId, who, versionId);
        var locale = LocaleContextHolder.getLocale();
        RuleSet r = s.rules();
        return new SimulationBody(classId, s.trainingClass().classNo(), r == null ? null : r.id(),
                r == null ? null : r.version(), s.inForce() == null ? null : s.inForce().version(),
                s.underInForceVersion(), s.enrolmentId(), s.name(), s.idNumberMasked(), s.groupCodes(), s.tier(),
                s.tierListed(), s.standard() == null ? null : s.standard().amount(),
                s.standard() == null ? null : s.standard().paysOn(), s.groupCode(), s.adjustPercent(), s.adjusted(),
                s.alreadyThisYear(), s.personCapCut(), s.classCapCut(), s.amount(), s.fundSourceCode(), s.payable(),
                s.refusalKey(),
                s.refusalKey() == null ? null
                        : messages.getMessage(s.refusalKey(), s.refusalArgs().toArray(), s.refusalKey(), locale),
                wording.explain(s, locale), s.groupEvidence());
    }

}
