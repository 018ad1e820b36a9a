package org.jixing.subsidy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.provider.FiledBody;
import org.jixing.provider.FilingDecision;
import org.jixing.provider.Filings;
import org.jixing.provider.Registry;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.Money;
import org.jixing.shared.PageResult;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeGuard;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.subsidy.internal.LedgerStore.Refs;
import org.jixing.subsidy.internal.RecoveryStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recovery (追回) of money paid for trainees or claims found improper: a recovery order
 * with the amount and a due date, booked as owed back (RECOVERY: receivable / paid), the
 * provider suspended or blacklisted from the same step if the officer so decides, and
 * repayments recorded against it until it is settled (REPAYMENT: available / receivable,
 * so the money may be used again). A trainee's line is recovered once: the database
 * refuses a second.
 */
@Service
public class Recoveries {

    private final RecoveryStore store;

    private final Claims claims;

    private final FundLedger ledger;

    private final Filings filings;

    private final ScopeGuard guard;

    private final AuditTrail audit;

    private final Clock clock;

    Recoveries(RecoveryStore store, Claims claims, FundLedger ledger, Filings filings, ScopeGuard guard,
            AuditTrail audit, Clock clock) {
        this.store = store;
        this.claims = claims;
        this.ledger = ledger;
        this.filings = filings;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    /** What the provider's filing becomes alongside the recovery. */
    public enum Sanction {

        NONE, SUSPEND, BLACKLIST

    }

    /**
     * An officer's finding: the claim lines found improper (none chosen: every line not
     * yet recovered), why, and by when the provider must pay back.
     */
    public record Finding(Set<Long> claimLineIds, Recovery.Reason reason, String details, LocalDate dueOn,
            Sanction sanction) {
    }

    /**
     * Opens a recovery for a paid claim. The city officer of the claim's city, the
     * province administrator or an inspector closing a case decides; blacklisting needs
     * the province (its administrator or a province-wide inspector).
     */
    @Transactional
    public Recovery open(long claimId, Finding f) {
        CurrentUser me = CurrentUser.require();
        if (!SubsidyPermission.RECOVERY_WRITE.allows(me)) {
            throw new AccessDeniedException("officers recover subsidies");
        }
        Claim claim = claims.get(claimId);
        List<Problem> problems = new ArrayList<>();
        if (claim.step(ClaimAction.RECOVER, me, false) instanceof ClaimStep.Refused refused) {
            // Only a paid claim is recovered from; told with the finding's other
            // problems.
            problems.add(refused.problem());
        }
        if (f.reason() == null) {
            problems.add(new Problem("reason", "subsidy.error.required"));
        }
        if (f.details() == null || f.details().isBlank()) {
            problems.add(new Problem("details", "subsidy.error.required"));
        }
        LocalDate today = LocalDate.now(clock.withZone(SubsidyRules.CHINA));
        if (f.dueOn() == null || f.dueOn().isBefore(today)) {
            problems.add(new Problem("dueOn", "subsidy.error.recovery.dueOn"));
        }
        List<ClaimLine> lines = claims.lines(claimId);
        Set<Long> chosen = f.claimLineIds() == null ? Set.of() : f.claimLineIds();
        List<ClaimLine> covered = lines.stream()
            .filter(l -> !l.recovered() && (chosen.isEmpty() || chosen.contains(l.id())))
            .filter(l -> l.amount().fen() > 0)
            .toList();
        if (!chosen.isEmpty() && chosen.stream().anyMatch(id -> lines.stream().noneMatch(l -> l.id() == id))) {
            problems.add(new Problem("claimLineIds", "subsidy.error.recovery.unknownLine"));
        }
        else if (!chosen.isEmpty() && covered.size() != chosen.size()) {
            problems.add(new Problem("claimLineIds", "subsidy.error.recovery.alreadyRecovered"));
        }
        else if (covered.isEmpty() && claim.status() == ClaimStatus.PAID) {
            problems.add(new Problem("claimLineIds", "subsidy.error.recovery.nothingLeft"));
        }
        Sanction sanction = f.sanction() == null ? Sanction.NONE : f.sanction();
        if (sanction == Sanction.BLACKLIST && !me.hasRole(Role.PROVINCE_ADMIN)
                && !(me.hasRole(Role.INSPECTOR) && me.scope().isProvinceWide())) {
            problems.add(new Problem("sanction", "subsidy.error.recovery.blacklistProvince"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long amount = covered.stream().mapToLong(l -> l.amount().fen()).sum();
        Instant now = clock.instant();
        String no = "ZH" + claim.claimNo() + "-" + (store.ofClaim(claimId) + 1);
        long id;
        try {
            id = store.insert(no, claimId, claim.providerId(), claim.regionCode(), claim.lineCode(), claim.budgetId(),
                    f.reason(), f.details().strip(), amount, f.dueOn(), me.username(), now);
            for (ClaimLine l : covered) {
                store.insertLine(id, l.id(), l.amount().fen());
            }
        }
        catch (DuplicateKeyException raced) {
            throw InvalidInputException.of("claimLineIds", "subsidy.error.recovery.alreadyRecovered");
        }
        ledger.move(LedgerEntryKind.RECOVERY, claim.budgetId(), Money.ofFen(amount), new Refs(claimId, null, id, null),
                no);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("claim", claim.claimNo());
        after.put("reason", f.reason().name());
        after.put("details", f.details().strip());
        after.put("lines", covered.size());
        after.put("amountFen", amount);
        after.put("dueOn", f.dueOn().toString());
        after.put("sanction", sanction.name());
        audit.record(AuditEvent.of("subsidy.recovery.open", "recovery_order", id, null, after));
        if (sanction != Sanction.NONE) {
            FiledBody provider = filings.get(Registry.PROVIDER, claim.providerId());
            String reason = no + "：" + f.details().strip();
            filings.decide(Registry.PROVIDER, provider.id(),
                    sanction == Sanction.SUSPEND ? new FilingDecision.Suspend(provider.version(), reason)
                            : new FilingDecision.Blacklist(provider.version(), reason));
        }
        return get(id);
    }

    /** Records money the provider paid back; at most what is outstanding. */
    @Transactional
    public Recovery repay(long id, int version, Money amount, LocalDate paidOn, String reference) {
        CurrentUser me = CurrentUser.require();
        if (!SubsidyPermission.RECOVERY_WRITE.allows(me)) {
            throw new AccessDeniedException("officers record repayments");
        }
        Recovery r = get(id);
        List<Problem> problems = new ArrayList<>();
        if (r.status() != Recovery.Status.OPEN) {
            problems.add(new Problem(null, "subsidy.error.recovery.settled"));
        }
        if (amount == null || amount.fen() <= 0) {
            problems.add(new Problem("amount", "subsidy.error.amount.positive"));
        }
        else if (amount.compareTo(r.outstanding()) > 0) {
            problems.add(new Problem("amount", "subsidy.error.recovery.tooMuch", r.outstanding().toYuanString()));
        }
        LocalDate today = LocalDate.now(clock.withZone(SubsidyRules.CHINA));
        if (paidOn == null || paidOn.isAfter(today)) {
            problems.add(new Problem("paidOn", "subsidy.error.recovery.paidOn"));
        }
        if (reference == null || reference.isBlank()) {
            problems.add(new Problem("reference", "subsidy.error.required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (!store.repay(id, version, amount.fen(), paidOn, reference.strip(), me.username(), clock.instant())) {
            throw new OptimisticLockingFailureException("recovery " + id);
        }
        long budget = ledger.budgetOfRecovery(id);
        ledger.move(LedgerEntryKind.REPAYMENT, budget, amount, new Refs(r.claimId(), null, id, null),
                reference.strip());
        audit.record(AuditEvent.of("subsidy.recovery.repay", "recovery_order", id,
                Map.of("repaidFen", r.repaid().fen()), Map.of("repaidFen", r.repaid().plus(amount).fen(), "amountFen",
                        amount.fen(), "paidOn", paidOn.toString(), "reference", reference.strip())));
        return get(id);
    }

    @Transactional(readOnly = true)
    public Recovery get(long id) {
        return guard.require(store.find(id, ScopeSql.forCurrentUser(RecoveryStore.SCOPE)), "recovery_order", id,
                () -> store.exists(id));
    }

    @Transactional(readOnly = true)
    public PageResult<Recovery> search(Long claimId, boolean openOnly, int page, int size) {
        var scope = ScopeSql.forCurrentUser(RecoveryStore.SCOPE);
        return new PageResult<>(store.search(scope, claimId, openOnly, PageResult.offset(page, size), size), page, size,
                store.count(scope, claimId, openOnly));
    }

    @Transactional(readOnly = true)
    public List<Repayment> repayments(long id) {
        get(id);
        return store.repayments(id);
    }

    @Transactional(readOnly = true)
    public List<Long> lines(long id) {
        get(id);
        return store.lines(id);
    }

}
