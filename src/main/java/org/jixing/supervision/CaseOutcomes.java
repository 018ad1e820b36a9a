package org.jixing.supervision;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.provider.FiledBody;
import org.jixing.provider.FilingDecision;
import org.jixing.provider.Filings;
import org.jixing.provider.Registry;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.subsidy.Claim;
import org.jixing.subsidy.Claims;
import org.jixing.subsidy.Recoveries;
import org.jixing.subsidy.Recovery;
import org.jixing.supervision.internal.AlertStore;
import org.jixing.supervision.internal.CaseStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The outcome of a case and the sanction ladder (data): closing a case needs a finding,
 * dismisses or confirms the case's alerts, and takes the ladder's steps in the same
 * transaction (suspension and blacklisting through the provider module, recovery orders
 * through the subsidy module).
 */
@Service
public class CaseOutcomes {

    private final Cases cases;

    private final CaseStore store;

    private final AlertStore alertStore;

    private final Alerts alerts;

    private final Filings filings;

    private final Claims claims;

    private final Recoveries recoveries;

    private final AuditTrail audit;

    private final Clock clock;

    CaseOutcomes(Cases cases, CaseStore store, AlertStore alertStore, Alerts alerts, Filings filings, Claims claims,
            Recoveries recoveries, AuditTrail audit, Clock clock) {
        this.cases = cases;
        this.store = store;
        this.alertStore = alertStore;
        this.alerts = alerts;
        this.filings = filings;
        this.claims = claims;
        this.recoveries = recoveries;
        this.audit = audit;
        this.clock = clock;
    }

    /** The sanction ladder, lowest rank first (data). */
    @Transactional(readOnly = true)
    public List<SanctionStep> ladder() {
        return store.ladder();
    }

    /** The steps the case's outcome took, lowest rank first. */
    @Transactional(readOnly = true)
    public List<String> sanctions(long id) {
        cases.get(id);
        return store.sanctions(id);
    }

    /** A recovery order a case's outcome opened. */
    public record OpenedRecovery(long recoveryId, String recoveryNo, long claimId, long amountFen) {
    }

    @Transactional(readOnly = true)
    public List<OpenedRecovery> recoveries(long id) {
        cases.get(id);
        return store.recoveries(id)
            .stream()
            .map(r -> new OpenedRecovery(r.recoveryId(), r.recoveryNo(), r.claimId(), r.amountFen()))
            .toList();
    }

    /**
     * Closes a case with its outcome, all in one transaction: refused with the reasons
     * and nothing changed without a finding, a reason, or (confirmed) a step of the
     * ladder. DISMISSED dismisses the case's alerts (counting against their rules);
     * CONFIRMED confirms them and takes each step: SUSPEND or BLACKLIST the subject's
     * filing, RECOVER opens a recovery order for each paid claim of the subject named
     * (blacklisting or suspending the provider from the same step when the outcome also
     * takes that step). Audited.
     */
    @Transactional
    public SupervisionCase close(long id, CaseOutcome o) {
        CurrentUser me = Cases.requireWorker();
        SupervisionCase c = cases.get(id);
        List<SanctionStep> ladder = store.ladder();
        List<String> codes = ladder.stream().map(SanctionStep::code).toList();
        List<String> chosen = o.steps() == null ? List.of() : List.copyOf(new LinkedHashSet<>(o.steps()));
        List<Problem> problems = c.status().closing(o.result(), store.hasFinding(id), o.reason(), chosen, codes);
        List<SanctionStep> steps = ladder.stream().filter(s -> chosen.contains(s.code())).toList();
        Set<SanctionStep.Effect> effects = EnumSet.noneOf(SanctionStep.Effect.class);
        steps.forEach(s -> effects.add(s.effect()));
        boolean filingStep = effects.contains(SanctionStep.Effect.SUSPEND)
                || effects.contains(SanctionStep.Effect.BLACKLIST);
        if (problems.isEmpty() && filingStep && c.subjectKind() == SubjectKind.PERSON) {
            problems.add(new Problem("steps", "supervision.error.case.noFiling"));
        }
        if (problems.isEmpty() && effects.contains(SanctionStep.Effect.BLACKLIST) && !me.scope().isProvinceWide()) {
            problems.add(new Problem("steps", "supervision.error.case.blacklistProvince"));
        }
        Set<Long> claimIds = o.recoveryClaimIds() == null ? Set.of() : new TreeSet<>(o.recoveryClaimIds());
        if (problems.isEmpty() && effects.contains(SanctionStep.Effect.RECOVER)) {
            if (c.providerId() == null) {
                problems.add(new Problem("steps", "supervision.error.case.noProvider"));
            }
            else if (claimIds.isEmpty()) {
                problems.add(new Problem("recoveryClaimIds", "supervision.error.case.claimsRequired"));
            }
            else {
                for (long claimId : claimIds) {
                    Claim claim = claims.get(claimId);
                    if (claim.providerId() != c.providerId()) {
                        problems.add(new Problem("recoveryClaimIds", "supervision.error.case.claimNotSubject",
                                claim.claimNo()));
                    }
                }
            }
        }
        if (problems.isEmpty() && !effects.contains(SanctionStep.Effect.RECOVER) && !claimIds.isEmpty()) {
            problems.add(new Problem("recoveryClaimIds", "supervision.error.case.claimsWithoutRecovery"));
        }
        if (problems.isEmpty() && o.version() != c.version()) {
            problems.add(new Problem(null, "supervision.error.concurrent"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String reason = o.reason().strip();
        Instant now = clock.instant();
        if (!store.close(id, o.version(), o.result(), reason, me.username(), now)) {
            throw InvalidInputException.of(null, "supervision.error.concurrent");
        }
        AlertStatus alertsTo = o.result() == CaseStatus.CONFIRMED ? AlertStatus.CONFIRMED : AlertStatus.DISMISSED;
        List<String> decided = new ArrayList<>();
        for (Alert a : alertStore.ofCase(id)) {
            if (a.status() == AlertStatus.IN_CASE) {
                alerts.decide(a.id(), new AlertDecision(alertsTo, a.version(), c.caseNo() + "：" + reason));
                decided.add(a.alertNo());
            }
        }
        for (SanctionStep s : steps) {
            store.insertSanction(id, s.code(), me.username(), now);
        }
        Recoveries.Sanction filingSanction = effects.contains(SanctionStep.Effect.BLACKLIST)
                ? Recoveries.Sanction.BLACKLIST : effects.contains(SanctionStep.Effect.SUSPEND)
                        ? Recoveries.Sanction.SUSPEND : Recoveries.Sanction.NONE;
        List<Map<String, Object>> opened = new ArrayList<>();
        String details = c.caseNo() + "：" + reason;
        if (effects.contains(SanctionStep.Effect.RECOVER)) {
            // The provider's filing changes once, with the first recovery, when the
            // subject
            // is the provider; an evaluation body's filing is decided apart below.
            boolean first = true;
            for (long claimId : claimIds) {
                Recoveries.Sanction withIt = first && c.subjectKind() == SubjectKind.PROVIDER ? filingSanction
                        : Recoveries.Sanction.NONE;
                Recovery r = recoveries.open(claimId,
                        new Recoveries.Finding(
                                Set.of(), c.subjectKind() == SubjectKind.EVALUATION_BODY
                                        ? Recovery.Reason.FAKE_EVALUATION : Recovery.Reason.FAKE_TRAINING,
                                details, o.recoveryDueOn(), withIt));
                store.insertRecovery(id, r.id(), claimId, r.recoveryNo(), r.amount().fen());
                opened.add(Map.of("recovery", r.recoveryNo(), "claim", claimId, "amountFen", r.amount().fen()));
                first = false;
            }
            if (c.subjectKind() == SubjectKind.PROVIDER) {
                filingSanction = Recoveries.Sanction.NONE;
            }
        }
        if (filingSanction != Recoveries.Sanction.NONE) {
            Registry registry = Cases.registry(c.subjectKind());
            FiledBody body = filings.get(registry, c.subjectId());
            String why = details.length() > 500 ? details.substring(0, 500) : details;
            filings.decide(registry, body.id(),
                    filingSanction == Recoveries.Sanction.BLACKLIST ? new FilingDecision.Blacklist(body.version(), why)
                            : new FilingDecision.Suspend(body.version(), why));
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", o.result().name());
        after.put("reason", reason);
        after.put("steps", steps.stream().map(SanctionStep::code).toList());
        after.put("alerts", decided);
        after.put("recoveries", opened);
        audit.record(AuditEvent.of("supervision.case.close", "supervision_case", c.caseNo(),
                Map.of("status", c.status().name()), after));
        return cases.get(id);
    }

}
