package org.jixing.supervision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.PageResult;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.ScopeGuard;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.supervision.internal.AlertStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts: raised by the engine from the rules' hits (a hit of the same rule on the same
 * subject merges into the live alert, and evidence already decided on does not raise
 * again), read on the desk within the reader's scope, and decided with a reason.
 */
@Service
public class Alerts {

    /**
     * The most records of one kind an alert's evidence lists; the count says how many.
     */
    public static final int EVIDENCE_LIST_LIMIT = 50;

    private final AlertStore store;

    private final ScopeGuard guard;

    private final AuditTrail audit;

    private final ApplicationEventPublisher events;

    private final JsonMapper json;

    private final Clock clock;

    private final TransactionTemplate savepoint;

    Alerts(AlertStore store, ScopeGuard guard, AuditTrail audit, ApplicationEventPublisher events, JsonMapper json,
            Clock clock, PlatformTransactionManager transactions) {
        this.store = store;
        this.guard = guard;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** What raising a hit did. */
    public enum Raised {

        NEW, MERGED, SEEN, ALREADY_DECIDED

    }

    /**
     * Raises a rule's hit as an alert, or merges it into the live alert of the same rule
     * and subject. The engine calls this; no user is needed. Two runs raising the same
     * rule on the same subject at once (an event's and a scan's) meet on the live alert's
     * unique key: the one whose insert loses merges into the winner's alert; its insert
     * runs in a savepoint, so the loser's transaction goes on (PostgreSQL would otherwise
     * refuse every later statement of it).
     */
    @Transactional
    public Raised raise(RuleVersion v, Hit hit) {
        String evidence = json.writeValueAsString(hit.evidence());
        if (evidence.length() > 20000) {
            throw new IllegalArgumentException(v.code() + " evidence too long: " + evidence.length());
        }
        String hash = sha256(evidence);
        String key = v.code() + "|" + hit.subjectKind() + "|" + hit.subjectId();
        var live = store.live(key);
        Instant now = clock.instant();
        if (live.isEmpty()) {
            if (store.decidedOn(v.code(), hit.subjectKind(), hit.subjectId(), hash)) {
                return Raised.ALREADY_DECIDED;
            }
            Long id = savepoint.execute(status -> {
                try {
                    return store.insert(key, v.code(), v.version(), v.severity(), v.blocking(), hit, evidence, hash,
                            now);
                }
                catch (DuplicateKeyException raced) {
                    status.setRollbackOnly();
                    return null;
                }
            });
            if (id != null) {
                store.addTargets(id, hit.targets());
                events.publishEvent(new AlertRaised(id, v.code(), hit.subjectKind(), hit.subjectId(), v.blocking(),
                        hit.regionCode(), hit.providerId()));
                return Raised.NEW;
            }
            // Another run raised it a moment ago and has committed: merge into its alert.
            live = store.live(key);
            if (live.isEmpty()) {
                throw new IllegalStateException("the live alert " + key + " raced and is gone");
            }
        }
        long id = live.get().id();
        if (live.get().evidenceHash().equals(hash)) {
            store.seen(id, now);
            store.addTargets(id, hit.targets());
            return Raised.SEEN;
        }
        store.merge(id, v.version(), v.severity(), v.blocking(), Math.max(live.get().score(), hit.score()), evidence,
                hash, now);
        store.addTargets(id, hit.targets());
        return Raised.MERGED;
    }

    /** An alert in the reader's scope, or 404. */
    @Transactional(readOnly = true)
    public Alert get(long id) {
        requireReader();
        return guard.require(store.find(id, ScopeSql.forCurrentUser(AlertStore.SCOPE)), "risk_alert", id,
                () -> store.exists(id));
    }

    @Transactional(readOnly = true)
    public PageResult<Alert> search(AlertFilter filter, int page, int size) {
        requireReader();
        ScopeSql.Clause scope = ScopeSql.forCurrentUser(AlertStore.SCOPE);
        int p = Math.max(page, 0);
        int s = PageResult.size(size);
        return new PageResult<>(store.search(filter, scope, PageResult.offset(p, s), s), p, s,
                store.count(filter, scope));
    }

    /** Live alerts by rule, severity and city, within the reader's scope. */
    @Transactional(readOnly = true)
    public List<DeskCount> deskCounts() {
        requireReader();
        return store.deskCounts(ScopeSql.forCurrentUser(AlertStore.SCOPE));
    }

    /** The decisions taken on an alert, oldest first. */
    @Transactional(readOnly = true)
    public List<DecisionTaken> decisions(long id) {
        get(id);
        return store.decisions(id);
    }

    /**
     * The alerts holding payment of the records given, by kind (a claim, its class, its
     * lines' enrolments): blocking, and open, in a case or confirmed. For the claim's own
     * service, which has checked the claim's scope.
     */
    @Transactional(readOnly = true)
    public List<Alert> holding(Map<SubjectKind, ? extends Collection<Long>> records) {
        Map<String, Collection<Long>> byKind = new LinkedHashMap<>();
        records.forEach((k, ids) -> byKind.put(k.name(), Set.copyOf(ids)));
        return store.holding(byKind);
    }

    /** Which decisions may be taken on an alert in its status now. */
    public static List<AlertStatus> decisionsFrom(AlertStatus status) {
        return switch (status) {
            case OPEN, IN_CASE -> List.of(AlertStatus.CONFIRMED, AlertStatus.DISMISSED, AlertStatus.CLEARED);
            case CONFIRMED -> List.of(AlertStatus.CLEARED);
            case DISMISSED, CLEARED -> List.of();
        };
    }

    /**
     * Decides an alert: the province's or the alert's city's inspector, with a reason.
     */
    @Transactional
    public Alert decide(long id, AlertDecision d) {
        CurrentUser me = CurrentUser.require();
        if (!SupervisionPermission.ALERT_DECIDE.allows(me)) {
            throw new AccessDeniedException("inspectors decide alerts");
        }
        Alert a = get(id);
        List<Problem> problems = new ArrayList<>();
        if (d.to() == null || !decisionsFrom(a.status()).contains(d.to())) {
            problems.add(new Problem("to", "supervision.error.alert.decision"));
        }
        if (d.reason() == null || d.reason().isBlank()) {
            problems.add(new Problem("reason", "supervision.error.reason"));
        }
        else if (d.reason().strip().length() > 1000) {
            problems.add(new Problem("reason", "supervision.error.tooLong"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!store.decide(id, d.version(), a.status(), d.to(), d.reason().strip(), me.username(), clock.instant())) {
            throw InvalidInputException.of(null, "supervision.error.concurrent");
        }
        Map<String, Object> before = Map.of("status", a.status().name(), "locks", a.locks());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", d.to().name());
        after.put("locks", a.blocking() && d.to().holds());
        after.put("reason", d.reason().strip());
        audit.record(AuditEvent.of("supervision.alert.decide", "risk_alert", a.alertNo(), before, after));
        events.publishEvent(new AlertDecided(id, a.ruleCode(), a.status(), d.to(), a.caseId()));
        return get(id);
    }

    static void requireReader() {
        if (!SupervisionPermission.ALERT_READ.allows(CurrentUser.require())) {
            throw new AccessDeniedException("supervision desk");
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
