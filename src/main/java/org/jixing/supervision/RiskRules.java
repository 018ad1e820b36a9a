package org.jixing.supervision;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.RecordNotFoundException;
import org.jixing.supervision.internal.RiskRuleStore;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rules as data: each rule bean's first version is published from its definition at
 * start-up; the province publishes later versions (severity, blocking, enabled,
 * parameters, descriptions) with a reason. A version naming a parameter its rule does not
 * declare, or a value out of its range, is refused and nothing changes. The versions in
 * force are held in memory and replaced on each publication, so a check-in's rules read
 * no table for them.
 */
@Service
public class RiskRules {

    private final Map<String, RiskRule> rules;

    private final RiskRuleStore store;

    private final AuditTrail audit;

    private final Clock clock;

    private final TransactionTemplate tx;

    private volatile Map<String, RuleVersion> inForce = Map.of();

    RiskRules(List<RiskRule> rules, RiskRuleStore store, AuditTrail audit, Clock clock, TransactionTemplate tx) {
        this.rules = rules.stream()
            .collect(Collectors.toMap(r -> r.definition().code(), Function.identity(), (a, b) -> {
                throw new IllegalStateException("two rules with the code " + a.definition().code());
            }, TreeMap::new));
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.tx = tx;
    }

    /** Publishes the first version of every rule that has none yet. */
    @EventListener(ApplicationReadyEvent.class)
    public void publishFirstVersions() {
        tx.executeWithoutResult(s -> {
            for (RiskRule rule : rules.values()) {
                RuleDefinition d = rule.definition();
                if (store.current(d.code()).isEmpty() && store.versions(d.code()).isEmpty()) {
                    Map<String, BigDecimal> params = new TreeMap<>();
                    d.parameters().forEach(p -> params.put(p.name(), p.defaultValue()));
                    try {
                        store.publish(d.code(), 1, d.severity(), d.blocking(), true, params, d.descriptionZh(),
                                d.descriptionEn(), "system", clock.instant(), "first version");
                    }
                    catch (DuplicateKeyException raced) {
                        // another instance published it first
                    }
                }
            }
        });
        reload();
    }

    private void reload() {
        inForce = store.inForce()
            .stream()
            .filter(v -> rules.containsKey(v.code()))
            .collect(Collectors.toUnmodifiableMap(RuleVersion::code, Function.identity()));
    }

    /** The rules with their versions in force, by code. */
    public List<Rule> list() {
        requireReader();
        if (inForce.isEmpty()) {
            reload();
        }
        return rules.values()
            .stream()
            .filter(r -> inForce.containsKey(r.definition().code()))
            .map(r -> new Rule(r.definition(), inForce.get(r.definition().code())))
            .toList();
    }

    /** A rule's definition and version in force. */
    public record Rule(RuleDefinition definition, RuleVersion inForce) {
    }

    public Rule get(String code) {
        requireReader();
        RiskRule r = rules.get(code);
        RuleVersion v = inForce.get(code);
        if (r == null || v == null) {
            throw new RecordNotFoundException("risk_rule", code);
        }
        return new Rule(r.definition(), v);
    }

    /** A rule by code, if a bean of that code exists (an alert may outlive its rule). */
    public Optional<Rule> find(String code) {
        requireReader();
        RiskRule r = rules.get(code);
        RuleVersion v = inForce.get(code);
        return r == null || v == null ? Optional.empty() : Optional.of(new Rule(r.definition(), v));
    }

    public List<RuleVersion> versions(String code) {
        get(code);
        return store.versions(code);
    }

    /** The engine's view: the enabled rules with their versions in force. */
    List<Map.Entry<RiskRule, RuleVersion>> enabled() {
        if (inForce.isEmpty()) {
            reload();
        }
        List<Map.Entry<RiskRule, RuleVersion>> out = new ArrayList<>();
        for (RiskRule r : rules.values()) {
            RuleVersion v = inForce.get(r.definition().code());
            if (v != null && v.enabled()) {
                out.add(Map.entry(r, v));
            }
        }
        return out;
    }

    Optional<RuleVersion> inForce(String code) {
        return Optional.ofNullable(inForce.get(code));
    }

    /** Publishes the next version of a rule; the province administrator only. */
    @Transactional
    public RuleVersion publish(String code, NewRuleVersion n) {
        CurrentUser me = CurrentUser.require();
        if (!SupervisionPermission.RULE_PUBLISH.allows(me)) {
            throw new AccessDeniedException("the province publishes rules");
        }
        RiskRule rule = rules.get(code);
        RuleVersion current = store.current(code).orElseThrow(() -> new RecordNotFoundException("risk_rule", code));
        if (rule == null) {
            throw new RecordNotFoundException("risk_rule", code);
        }
        List<Problem> problems = new ArrayList<>();
        Map<String, RuleParameter> declared = rule.definition()
            .parameters()
            .stream()
            .collect(Collectors.toMap(RuleParameter::name, Function.identity()));
        Map<String, BigDecimal> params = new TreeMap<>(current.parameters());
        if (n.parameters() != null) {
            n.parameters().forEach((name, text) -> {
                RuleParameter p = declared.get(name);
                if (p == null) {
                    problems.add(new Problem("parameters." + name, "supervision.error.rule.unknownParameter"));
                    return;
                }
                BigDecimal value;
                try {
                    value = new BigDecimal(text == null ? "" : text.strip());
                }
                catch (NumberFormatException e) {
                    problems.add(new Problem("parameters." + name, "supervision.error.rule.notANumber"));
                    return;
                }
                if (value.compareTo(p.min()) < 0 || value.compareTo(p.max()) > 0) {
                    problems.add(new Problem("parameters." + name, "supervision.error.rule.outOfRange"));
                    return;
                }
                params.put(name, value);
            });
        }
        if (n.reason() == null || n.reason().isBlank()) {
            problems.add(new Problem("reason", "supervision.error.reason"));
        }
        String zh = n.descriptionZh() == null ? current.descriptionZh() : n.descriptionZh().strip();
        String en = n.descriptionEn() == null ? current.descriptionEn() : n.descriptionEn().strip();
        if (zh.isEmpty() || zh.length() > 500) {
            problems.add(new Problem("descriptionZh", "supervision.error.rule.description"));
        }
        if (en.isEmpty() || en.length() > 500) {
            problems.add(new Problem("descriptionEn", "supervision.error.rule.description"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Severity severity = n.severity() == null ? current.severity() : n.severity();
        boolean blocking = n.blocking() == null ? current.blocking() : n.blocking();
        boolean enabled = n.enabled() == null ? current.enabled() : n.enabled();
        Instant now = clock.instant();
        int version = current.version() + 1;
        try {
            store.publish(code, version, severity, blocking, enabled, params, zh, en, me.username(), now,
                    n.reason().strip());
        }
        catch (DuplicateKeyException raced) {
            throw InvalidInputException.of(null, "supervision.error.rule.concurrent");
        }
        Map<String, Object> before = describe(current.severity(), current.blocking(), current.enabled(),
                current.parameters(), current.version());
        Map<String, Object> after = describe(severity, blocking, enabled, params, version);
        after.put("reason", n.reason().strip());
        audit.record(AuditEvent.of("supervision.rule.publish", "risk_rule", code, before, after));
        RuleVersion published = store.current(code).orElseThrow();
        Map<String, RuleVersion> next = new LinkedHashMap<>(inForce);
        next.put(code, published);
        inForce = Map.copyOf(next);
        return published;
    }

    private static Map<String, Object> describe(Severity s, boolean blocking, boolean enabled,
            Map<String, BigDecimal> params, int version) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", version);
        m.put("severity", s.name());
        m.put("blocking", blocking);
        m.put("enabled", enabled);
        m.put("parameters", new TreeMap<>(params));
        return m;
    }

    private static void requireReader() {
        if (!SupervisionPermission.RULE_READ.allows(CurrentUser.require())) {
            throw new AccessDeniedException("supervision rules");
        }
    }

}
