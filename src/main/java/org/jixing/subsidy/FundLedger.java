package org.jixing.subsidy;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.Money;
import org.jixing.shared.RegionCode;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.RecordNotFoundException;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.subsidy.internal.LedgerStore;
import org.jixing.subsidy.internal.LedgerStore.BudgetRow;
import org.jixing.subsidy.internal.LedgerStore.Refs;
import org.jixing.subsidy.internal.RuleStore;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fund ledger: budgets per city, fund source and year, and every movement of money as
 * a balanced double entry in integer fen ({@link LedgerEntryKind}). Balances are kept on
 * the accounts and never fall below zero: the database refuses it, so two approvals
 * racing for the last yuan cannot both succeed. {@link #check()} proves entries and
 * balances agree.
 */
@Service
public class FundLedger {

    private final LedgerStore store;

    private final RuleStore rules;

    private final ReferenceCatalogue reference;

    private final AuditTrail audit;

    private final Clock clock;

    FundLedger(LedgerStore store, RuleStore rules, ReferenceCatalogue reference, AuditTrail audit, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.reference = reference;
        this.audit = audit;
        this.clock = clock;
    }

    /** A budget's balances; {@code repaid} is what providers paid back into it. */
    public record Budget(long id, String regionCode, String fundSourceCode, int year, Money allocated, Money available,
            Money committed, Money paid, Money receivable, Money repaid) {

        static Budget of(BudgetRow r) {
            return new Budget(r.id(), r.regionCode(), r.fundSourceCode(), r.year(), Money.ofFen(r.allocatedFen()),
                    Money.ofFen(r.availableFen()), Money.ofFen(r.committedFen()), Money.ofFen(r.paidFen()),
                    Money.ofFen(r.receivableFen()), Money.ofFen(r.repaidFen()));
        }

        /**
         * Paid out and not found improper, plus what was found improper: all that left.
         */
        public Money spent() {
            return paid.plus(receivable).plus(repaid);
        }

    }

    /** The budget a city's claims of a fund source and year are paid from. */
    static String budgetRegion(String regionCode) {
        return new RegionCode(regionCode).cityCode();
    }

    /** Budgets in the caller's scope, for a year or all years. */
    @Transactional(readOnly = true)
    public List<Budget> budgets(Integer year) {
        return store.budgets(ScopeSql.forCurrentUser(LedgerStore.SCOPE), year).stream().map(Budget::of).toList();
    }

    /** A movement as the ledger page lists it. */
    public record Entry(long id, LedgerEntryKind kind, long budgetId, Money amount, Long claimId, Long reversesId,
            String memo, String createdBy, Instant createdAt) {
    }

    @Transactional(readOnly = true)
    public List<Entry> recent(Integer year, int limit) {
        return store.recent(ScopeSql.forCurrentUser(LedgerStore.SCOPE), year, limit)
            .stream()
            .map(t -> new Entry(t.id(), t.kind(), t.budgetId(), Money.ofFen(t.amountFen()), t.claimId(), t.reversesId(),
                    t.memo(), t.createdBy(), t.createdAt()))
            .toList();
    }

    /**
     * The province administrator gives a city money from a fund source for a year; the
     * budget is opened on its first allocation.
     */
    @Transactional
    public Budget allocate(String regionCode, String fundSource, int year, Money amount, String memo) {
        requireAdmin();
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        if (!RegionCode.isWellFormed(regionCode) || reference.region(regionCode).isEmpty()
                || new RegionCode(regionCode).level() != RegionCode.Level.CITY) {
            problems.add(new InvalidInputException.Problem("regionCode", "subsidy.error.fund.city"));
        }
        if (fundSource == null || rules.fundSources().stream().noneMatch(f -> f.code().equals(fundSource))) {
            problems.add(new InvalidInputException.Problem("fundSource", "subsidy.error.fund.source"));
        }
        if (year < 2000 || year > 2100) {
            problems.add(new InvalidInputException.Problem("year", "subsidy.error.fund.year"));
        }
        if (amount == null || amount.fen() <= 0) {
            problems.add(new InvalidInputException.Problem("amount", "subsidy.error.amount.positive"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long budget = store.budgetCreating(regionCode, fundSource, year);
        long tx = move(LedgerEntryKind.ALLOCATION, budget, amount, Refs.NONE,
                memo == null || memo.isBlank() ? null : memo.strip());
        audit.record(AuditEvent.of("fund.allocate", "ledger_transaction", tx, null,
                Map.of("region", regionCode, "fundSource", fundSource, "year", year, "amountFen", amount.fen())));
        return Budget.of(store.budgetRow(budget).orElseThrow());
    }

    /**
     * The province administrator takes money back from the unused part of a city's budget
     * (调减); refused beyond what is available.
     */
    @Transactional
    public Budget reduce(String regionCode, String fundSource, int year, Money amount, String memo) {
        requireAdmin();
        if (amount == null || amount.fen() <= 0) {
            throw InvalidInputException.of("amount", "subsidy.error.amount.positive");
        }
        long budget = store.budget(regionCode, fundSource, year)
            .orElseThrow(() -> InvalidInputException.of("regionCode", "subsidy.error.fund.noBudget"));
        Money available = Money.ofFen(store.balance(budget, LedgerAccount.AVAILABLE));
        if (available.compareTo(amount) < 0) {
            throw InvalidInputException.of("amount", "subsidy.error.fund.reduceBeyond", available.toYuanString());
        }
        long tx;
        try {
            tx = move(LedgerEntryKind.REDUCTION, budget, amount, Refs.NONE,
                    memo == null || memo.isBlank() ? null : memo.strip());
        }
        catch (Overdrawn raced) {
            throw InvalidInputException.of("amount", "subsidy.error.fund.reduceBeyond",
                    Money.ofFen(store.balance(budget, LedgerAccount.AVAILABLE)).toYuanString());
        }
        audit.record(AuditEvent.of("fund.reduce", "ledger_transaction", tx, null,
                Map.of("region", regionCode, "fundSource", fundSource, "year", year, "amountFen", amount.fen())));
        return Budget.of(store.budgetRow(budget).orElseThrow());
    }

    /**
     * Reverses an allocation entered in error, if what it gave is still available. Other
     * movements are undone by their own process (a failed payment, a repayment).
     */
    @Transactional
    public Budget reverseAllocation(long transactionId, String reason) {
        requireAdmin();
        var tx = store.transaction(transactionId)
            .filter(t -> t.kind() == LedgerEntryKind.ALLOCATION)
            .orElseThrow(() -> new RecordNotFoundException("allocation", transactionId));
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "subsidy.error.reason.required");
        }
        if (store.reversed(transactionId)) {
            throw InvalidInputException.of(null, "subsidy.error.fund.alreadyReversed");
        }
        long available = store.balance(tx.budgetId(), LedgerAccount.AVAILABLE);
        if (available < tx.amountFen()) {
            throw InvalidInputException.of(null, "subsidy.error.fund.reverseSpent", Money.ofFen(available),
                    Money.ofFen(tx.amountFen()));
        }
        long id = store.insertTransaction(LedgerEntryKind.REVERSAL, tx.budgetId(), tx.amountFen(),
                new Refs(null, null, null, transactionId), reason.strip(), CurrentUser.require().username(),
                clock.instant());
        List<LedgerStore.Posting> opposite = store.postings(transactionId)
            .stream()
            .map(p -> new LedgerStore.Posting(p.accountId(), p.account(), -p.amountFen()))
            .toList();
        apply(id, opposite);
        audit.record(AuditEvent.of("fund.reverse", "ledger_transaction", id, null,
                Map.of("reverses", transactionId, "amountFen", tx.amountFen(), "reason", reason.strip())));
        return Budget.of(store.budgetRow(tx.budgetId()).orElseThrow());
    }

    /**
     * The outcome of checking the ledger; {@code problems} is empty when it reconciles.
     */
    public record Check(long transactions, long budgets, Money allocated, List<String> problems) {

        public boolean reconciles() {
            return problems.isEmpty();
        }

    }

    /**
     * Checks, over the whole ledger: every transaction's postings sum to zero and move
     * its amount; every account's kept balance equals the sum of its postings; in every
     * budget the allocation equals available + committed + paid + receivable; and the
     * committed, paid and receivable balances equal what the claims, payments and
     * recoveries say.
     */
    @Transactional(readOnly = true)
    public Check check() {
        CurrentUser me = CurrentUser.require();
        if (!SubsidyPermission.FUND_CHECK.allows(me) || !me.scope().isProvinceWide()) {
            throw new AccessDeniedException("the ledger check covers the province");
        }
        List<String> problems = new ArrayList<>();
        store.unbalancedTransactions().forEach(id -> problems.add("transaction " + id + " does not balance"));
        problems.addAll(store.driftedAccounts());
        List<BudgetRow> all = store.budgets(ScopeSql.UNSCOPED, null);
        long allocated = 0;
        for (BudgetRow b : all) {
            allocated += b.allocatedFen();
            long parts = b.availableFen() + b.committedFen() + b.paidFen() + b.receivableFen();
            if (parts != b.allocatedFen()) {
                problems.add("budget " + b.id() + ": allocated " + b.allocatedFen() + " <> " + parts);
            }
        }
        problems.addAll(store.recordsAgainstBalances());
        return new Check(store.transactionCount(), all.size(), Money.ofFen(allocated), problems);
    }

    /**
     * Books a movement of its kind between the budget's two accounts, in the caller's
     * transaction. A balance that would go below zero refuses the whole movement.
     */
    long move(LedgerEntryKind kind, long budgetId, Money amount, Refs refs, String memo) {
        Map<LedgerAccount, Long> accounts = store.accounts(budgetId);
        long id = store.insertTransaction(kind, budgetId, amount.fen(), refs, memo,
                CurrentUser.current().map(CurrentUser::username).orElse("system"), clock.instant());
        apply(id, List.of(new LedgerStore.Posting(accounts.get(kind.debit()), kind.debit(), amount.fen()),
                new LedgerStore.Posting(accounts.get(kind.credit()), kind.credit(), -amount.fen())));
        return id;
    }

    /**
     * Writes the postings and moves the balances in account order, so that concurrent
     * movements lock accounts in one order and never deadlock.
     */
    private void apply(long transactionId, List<LedgerStore.Posting> postings) {
        postings.forEach(p -> store.post(transactionId, p.accountId(), p.amountFen()));
        try {
            postings.stream()
                .sorted(Comparator.comparingLong(LedgerStore.Posting::accountId))
                .forEach(p -> store.adjust(p.accountId(), p.account(), p.amountFen()));
        }
        catch (DataIntegrityViolationException overdrawn) {
            throw new Overdrawn(overdrawn);
        }
    }

    /** A movement would take an account below zero; nothing of it is kept. */
    static class Overdrawn extends RuntimeException {

        Overdrawn(Throwable cause) {
            super("a ledger balance would fall below zero", cause);
        }

    }

    long budgetFor(String regionCode, String fundSource, int year) {
        return store.budget(budgetRegion(regionCode), fundSource, year).orElse(-1L);
    }

    long budgetOfRecovery(long recoveryId) {
        return store.budgetOfRecovery(recoveryId);
    }

    Money balance(long budgetId, LedgerAccount account) {
        return Money.ofFen(budgetId < 0 ? 0 : store.balance(budgetId, account));
    }

    private static void requireAdmin() {
        if (!SubsidyPermission.FUND_WRITE.allows(CurrentUser.require())) {
            throw new AccessDeniedException("the province administrator allocates funds");
        }
    }

}
