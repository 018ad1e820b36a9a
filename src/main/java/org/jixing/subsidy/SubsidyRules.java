package org.jixing.subsidy;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.SkillLevel;
import org.jixing.reference.TraineeGroup;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.Money;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.subsidy.internal.RuleStore;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versions of the subsidy rules. The province administrator saves a new version with
 * the day it takes effect; a version is never changed afterwards, so a claim computed
 * with it stays as it was. The version in force on a class's first day prices the class.
 */
@Service
public class SubsidyRules {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final RuleStore store;

    private final ReferenceCatalogue reference;

    private final AuditTrail audit;

    private final Clock clock;

    SubsidyRules(RuleStore store, ReferenceCatalogue reference, AuditTrail audit, Clock clock) {
        this.store = store;
        this.reference = reference;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A new version as the administrator entered it; {@code employment} is its employment
     * component, or null for none.
     */
    public record Draft(LocalDate effectiveFrom, String note, Money personYearCap, Money classCap,
            RuleSet.Tier defaultTier, List<RuleSet.Standard> standards, Map<String, RuleSet.Tier> occupationTiers,
            Map<String, Integer> groupAdjustments, Map<String, String> lineFunds, RuleSet.EmploymentPay employment) {

        /** A draft without an employment component. */
        public Draft(LocalDate effectiveFrom, String note, Money personYearCap, Money classCap,
                RuleSet.Tier defaultTier, List<RuleSet.Standard> standards, Map<String, RuleSet.Tier> occupationTiers,
                Map<String, Integer> groupAdjustments, Map<String, String> lineFunds) {
            this(effectiveFrom, note, personYearCap, classCap, defaultTier, standards, occupationTiers,
                    groupAdjustments, lineFunds, null);
        }

        /** A draft that starts from an existing version. */
        public static Draft from(RuleSet r, LocalDate effectiveFrom) {
            return new Draft(effectiveFrom, null, r.personYearCap(), r.classCap(), r.defaultTier(), r.standards(),
                    r.occupationTiers(), r.groupAdjustments(), r.lineFunds(), r.employment());
        }

    }

    @Transactional(readOnly = true)
    public List<RuleSet> versions() {
        return store.all();
    }

    @Transactional(readOnly = true)
    public Optional<RuleSet> version(long id) {
        return store.find(id);
    }

    @Transactional(readOnly = true)
    public Optional<RuleSet> inForceOn(LocalDate day) {
        return store.inForceOn(day);
    }

    @Transactional(readOnly = true)
    public List<FundSource> fundSources() {
        return store.fundSources();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    /**
     * Saves a new version. It must take effect after every earlier version, and not
     * before today unless it is the first (a province loading the rules it already had).
     * Every broken rule is listed.
     */
    @Transactional
    public RuleSet publish(Draft d) {
        CurrentUser me = CurrentUser.require();
        if (!SubsidyPermission.RULE_PUBLISH.allows(me)) {
            throw new AccessDeniedException("the province administrator edits subsidy rules");
        }
        List<Problem> problems = check(d);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        RuleSet r = new RuleSet(0, store.latestVersion() + 1, d.effectiveFrom(),
                d.note() == null || d.note().isBlank() ? null : d.note().strip(), d.personYearCap(), d.classCap(),
                d.defaultTier(), d.standards(), d.occupationTiers(), d.groupAdjustments(), d.lineFunds(), me.username(),
                clock.instant(), d.employment());
        long id = store.insert(r);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("version", r.version());
        after.put("effectiveFrom", r.effectiveFrom().toString());
        after.put("personYearCapFen", r.personYearCap().fen());
        after.put("classCapFen", r.classCap().fen());
        after.put("standards", r.standards().size());
        after.put("occupationTiers", r.occupationTiers().size());
        after.put("groupAdjustments", r.groupAdjustments());
        after.put("lineFunds", r.lineFunds());
        if (r.employment() != null) {
            after.put("employmentWithinMonths", r.employment().withinMonths());
            after.put("employmentFen", r.employment().amount().fen());
        }
        audit.record(AuditEvent.of("subsidy.rules.publish", "subsidy_rule_set", id, null, after));
        return store.find(id).orElseThrow();
    }

    List<Problem> check(Draft d) {
        List<Problem> problems = new ArrayList<>();
        List<RuleSet> existing = store.all();
        if (d.effectiveFrom() == null) {
            problems.add(new Problem("effectiveFrom", "subsidy.error.required"));
        }
        else {
            existing.stream()
                .filter(r -> !r.effectiveFrom().isBefore(d.effectiveFrom()))
                .findFirst()
                .ifPresent(r -> problems
                    .add(new Problem("effectiveFrom", "subsidy.error.rules.notAfter", r.version(), r.effectiveFrom())));
            if (!existing.isEmpty() && d.effectiveFrom().isBefore(today())) {
                problems.add(new Problem("effectiveFrom", "subsidy.error.rules.past"));
            }
        }
        if (d.personYearCap() == null || d.personYearCap().isNegative()) {
            problems.add(new Problem("personYearCap", "subsidy.error.amount"));
        }
        if (d.classCap() == null || d.classCap().isNegative()) {
            problems.add(new Problem("classCap", "subsidy.error.amount"));
        }
        if (d.defaultTier() == null) {
            problems.add(new Problem("defaultTier", "subsidy.error.required"));
        }
        Set<String> levels = reference.skillLevels().stream().map(SkillLevel::code).collect(Collectors.toSet());
        for (RuleSet.Standard s : d.standards()) {
            if (!levels.contains(s.levelCode())) {
                problems.add(new Problem("standards", "subsidy.error.rules.level", s.levelCode()));
            }
            if (s.amount() == null || s.amount().isNegative() || s.tier() == null || s.paysOn() == null) {
                problems.add(new Problem("standards", "subsidy.error.rules.standard", s.levelCode()));
            }
        }
        d.standards()
            .stream()
            .filter(s -> s.tier() != null)
            .collect(Collectors.groupingBy(s -> s.levelCode() + "/" + s.tier(), Collectors.counting()))
            .entrySet()
            .stream()
            .filter(e -> e.getValue() > 1)
            .map(Map.Entry::getKey)
            .sorted()
            .forEach(k -> problems.add(new Problem("standards", "subsidyRules.error.duplicateStandard",
                    k.substring(0, k.indexOf('/')), k.substring(k.indexOf('/') + 1))));
        if (d.standards().isEmpty()) {
            problems.add(new Problem("standards", "subsidy.error.rules.noStandards"));
        }
        d.occupationTiers()
            .keySet()
            .stream()
            .filter(o -> reference.occupation(o).isEmpty())
            .forEach(o -> problems.add(new Problem("occupationTiers", "subsidy.error.rules.occupation", o)));
        Set<String> groups = reference.traineeGroups().stream().map(TraineeGroup::code).collect(Collectors.toSet());
        d.groupAdjustments().forEach((g, p) -> {
            if (!groups.contains(g)) {
                problems.add(new Problem("groupAdjustments", "subsidy.error.rules.group", g));
            }
            else if (p == null || p < -100 || p > 100) {
                problems.add(new Problem("groupAdjustments", "subsidy.error.rules.percent", g));
            }
        });
        if (d.employment() != null) {
            if (d.employment().withinMonths() < 1 || d.employment().withinMonths() > 24) {
                problems.add(new Problem("employmentWithinMonths", "subsidy.error.rules.employmentMonths"));
            }
            if (d.employment().amount() == null || d.employment().amount().isNegative()) {
                problems.add(new Problem("employmentAmount", "subsidy.error.amount"));
            }
        }
        Set<String> sources = store.fundSources().stream().map(FundSource::code).collect(Collectors.toSet());
        d.lineFunds().forEach((l, f) -> {
            if (reference.actionLine(l).isEmpty()) {
                problems.add(new Problem("lineFunds", "subsidy.error.rules.line", l));
            }
            else if (!sources.contains(f)) {
                problems.add(new Problem("lineFunds", "subsidy.error.rules.fundSource", l));
            }
        });
        return problems;
    }

}
