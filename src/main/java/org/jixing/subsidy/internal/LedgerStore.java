package org.jixing.subsidy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jixing.shared.scope.ScopeColumns;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.subsidy.LedgerAccount;
import org.jixing.subsidy.LedgerEntryKind;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for budgets, their accounts and the ledger's transactions and postings. */
@Repository
public class LedgerStore {

    public static final ScopeColumns SCOPE = ScopeColumns.create().region("b.region_code");

    private final JdbcClient jdbc;

    LedgerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Long> budget(String regionCode, String fundSource, int year) {
        return jdbc
            .sql("select id from fund_budget where region_code = :r and fund_source_code = :f and budget_year = :y")
            .param("r", regionCode)
            .param("f", fundSource)
            .param("y", year)
            .query(Long.class)
            .optional();
    }

    /** The budget, created with its five accounts at zero if it does not exist yet. */
    public long budgetCreating(String regionCode, String fundSource, int year) {
        Optional<Long> found = budget(regionCode, fundSource, year);
        if (found.isPresent()) {
            return found.get();
        }
        var keys = new GeneratedKeyHolder();
        try {
            jdbc.sql("insert into fund_budget (region_code, fund_source_code, budget_year) values (:r, :f, :y)")
                .param("r", regionCode)
                .param("f", fundSource)
                .param("y", year)
                .update(keys, "id");
        }
        catch (DuplicateKeyException raced) {
            return budget(regionCode, fundSource, year).orElseThrow();
        }
        long id = keys.getKeyAs(Number.class).longValue();
        for (LedgerAccount a : LedgerAccount.values()) {
            jdbc.sql("insert into ledger_account (budget_id, kind, balance_fen) values (:b, :k, 0)")
                .param("b", id)
                .param("k", a.name())
                .update();
        }
        return id;
    }

    public Map<LedgerAccount, Long> accounts(long budgetId) {
        Map<LedgerAccount, Long> ids = new EnumMap<>(LedgerAccount.class);
        jdbc.sql("select kind, id from ledger_account where budget_id = :b")
            .param("b", budgetId)
            .query((rs, n) -> ids.put(LedgerAccount.valueOf(rs.getString(1)), rs.getLong(2)))
            .list();
        return ids;
    }

    public long balance(long budgetId, LedgerAccount account) {
        return jdbc.sql("select balance_fen from ledger_account where budget_id = :b and kind = :k")
            .param("b", budgetId)
            .param("k", account.name())
            .query(Long.class)
            .optional()
            .orElse(0L);
    }

    /** The references a transaction may carry; any may be null. */
    public record Refs(Long claimId, Long paymentLineId, Long recoveryId, Long reversesId) {

        public static final Refs NONE = new Refs(null, null, null, null);

    }

    public long insertTransaction(LedgerEntryKind kind, long budgetId, long amountFen, Refs refs, String memo,
            String by, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into ledger_transaction (kind, budget_id, amount_fen, claim_id, payment_line_id, recovery_id,
                  reverses_id, memo, created_by, created_at)
                values (:k, :b, :a, :c, :p, :r, :v, :m, :by, :at)""")
            .param("k", kind.name())
            .param("b", budgetId)
            .param("a", amountFen)
            .param("c", refs.claimId())
            .param("p", refs.paymentLineId())
            .param("r", refs.recoveryId())
            .param("v", refs.reversesId())
            .param("m", memo)
            .param("by", by)
            .param("at", Timestamp.from(at))
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void post(long transactionId, long accountId, long postingFen) {
        jdbc.sql("insert into ledger_posting (transaction_id, account_id, amount_fen) values (:t, :a, :x)")
            .param("t", transactionId)
            .param("a", accountId)
            .param("x", postingFen)
            .update();
    }

    /**
     * Moves an account's kept balance by a posting; a balance that would fall below zero
     * is refused by the database (DataIntegrityViolation). The row stays locked until the
     * transaction ends.
     */
    public void adjust(long accountId, LedgerAccount account, long postingFen) {
        jdbc.sql("update ledger_account set balance_fen = balance_fen + :d where id = :a")
            .param("d", account.balanceChange(postingFen))
            .param("a", accountId)
            .update();
    }

    /** A posting as it stands, for reversing a transaction. */
    public record Posting(long accountId, LedgerAccount account, long amountFen) {
    }

    public record Transaction(long id, LedgerEntryKind kind, long budgetId, long amountFen, Long claimId,
            Long reversesId, String memo, String createdBy, Instant createdAt) {
    }

    public Optional<Transaction> transaction(long id) {
        return jdbc.sql("""
                select id, kind, budget_id, amount_fen, claim_id, reverses_id, memo, created_by, created_at
                from ledger_transaction where id = :id""").param("id", id).query((rs, n) -> transaction(rs)).optional();
    }

    public boolean reversed(long id) {
        return jdbc.sql("select count(*) from ledger_transaction where reverses_id = :id")
            .param("id", id)
            .query(Long.class)
            .single() > 0;
    }

    public List<Posting> postings(long transactionId) {
        return jdbc.sql("""
                select p.account_id, a.kind, p.amount_fen from ledger_posting p
                join ledger_account a on a.id = p.account_id where p.transaction_id = :t order by p.id""")
            .param("t", transactionId)
            .query((rs, n) -> new Posting(rs.getLong(1), LedgerAccount.valueOf(rs.getString(2)), rs.getLong(3)))
            .list();
    }

    /** The latest transactions of the budgets in scope, newest first. */
    public List<Transaction> recent(ScopeSql.Clause scope, Integer year, int limit) {
        return jdbc.sql("""
                select t.id, t.kind, t.budget_id, t.amount_fen, t.claim_id, t.reverses_id, t.memo, t.created_by,
                  t.created_at
                from ledger_transaction t join fund_budget b on b.id = t.budget_id
                where (cast(:y as int) is null or b.budget_year = :y)""" + " and " + scope.sql() + " " + """
                order by t.id desc limit :n""")
            .param("y", year)
            .param("n", limit)
            .params(scope.params())
            .query((rs, n) -> transaction(rs))
            .list();
    }

    private static Transaction transaction(ResultSet rs) throws SQLException {
        return new Transaction(rs.getLong(1), LedgerEntryKind.valueOf(rs.getString(2)), rs.getLong(3), rs.getLong(4),
                (Long) rs.getObject(5, Long.class), (Long) rs.getObject(6, Long.class), rs.getString(7),
                rs.getString(8), rs.getTimestamp(9).toInstant());
    }

    /** A budget with its five balances and what was repaid into it. */
    public record BudgetRow(long id, String regionCode, String fundSourceCode, int year, long allocatedFen,
            long availableFen, long committedFen, long paidFen, long receivableFen, long repaidFen) {
    }

    public List<BudgetRow> budgets(ScopeSql.Clause scope, Integer year) {
        return jdbc.sql("""
                select b.id, b.region_code, b.fund_source_code, b.budget_year,
                  sum(case when a.kind = 'ALLOCATED' then a.balance_fen else 0 end),
                  sum(case when a.kind = 'AVAILABLE' then a.balance_fen else 0 end),
                  sum(case when a.kind = 'COMMITTED' then a.balance_fen else 0 end),
                  sum(case when a.kind = 'PAID' then a.balance_fen else 0 end),
                  sum(case when a.kind = 'RECEIVABLE' then a.balance_fen else 0 end),
                  (select coalesce(sum(t.amount_fen), 0) from ledger_transaction t
                    where t.budget_id = b.id and t.kind = 'REPAYMENT')
                from fund_budget b join ledger_account a on a.budget_id = b.id
                where (cast(:y as int) is null or b.budget_year = :y)""" + " and " + scope.sql() + " " + """
                group by b.id, b.region_code, b.fund_source_code, b.budget_year
                order by b.budget_year desc, b.region_code, b.fund_source_code""")
            .param("y", year)
            .params(scope.params())
            .query((rs, n) -> new BudgetRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                    rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)))
            .list();
    }

    public Optional<BudgetRow> budgetRow(long id) {
        return budgets(new ScopeSql.Clause("b.id = :only_budget", Map.of("only_budget", id)), null).stream()
            .findFirst();
    }

    /** Transactions whose postings do not sum to zero or do not move their amount. */
    public List<Long> unbalancedTransactions() {
        return jdbc.sql("""
                select t.id from ledger_transaction t left join ledger_posting p on p.transaction_id = t.id
                group by t.id, t.amount_fen
                having coalesce(sum(p.amount_fen), 0) <> 0
                  or coalesce(sum(case when p.amount_fen > 0 then p.amount_fen else 0 end), 0) <> t.amount_fen
                order by t.id""").query(Long.class).list();
    }

    /** Accounts whose kept balance differs from the sum of their postings. */
    public List<String> driftedAccounts() {
        return jdbc.sql("""
                select a.id, a.kind, a.balance_fen, coalesce(sum(p.amount_fen), 0)
                from ledger_account a left join ledger_posting p on p.account_id = a.id
                group by a.id, a.kind, a.balance_fen order by a.id""").query((rs, n) -> {
            LedgerAccount kind = LedgerAccount.valueOf(rs.getString(2));
            long kept = rs.getLong(3);
            long summed = kind.balanceChange(rs.getLong(4));
            return kept == summed ? null : "account " + rs.getLong(1) + " " + kind + ": " + kept + " <> " + summed;
        }).list().stream().filter(Objects::nonNull).toList();
    }

    public long budgetOfRecovery(long recoveryId) {
        return jdbc.sql("select budget_id from recovery_order where id = :r")
            .param("r", recoveryId)
            .query(Long.class)
            .single();
    }

    public long transactionCount() {
        return jdbc.sql("select count(*) from ledger_transaction").query(Long.class).single();
    }

    /**
     * Budgets whose committed, paid or receivable balance differs from what the claims,
     * payment lines and recovery orders say it should be.
     */
    public List<String> recordsAgainstBalances() {
        return jdbc.sql("""
                select b.id,
                  (select balance_fen from ledger_account where budget_id = b.id and kind = 'COMMITTED'),
                  (select coalesce(sum(c.amount_fen), 0) from subsidy_claim c
                    where c.budget_id = b.id and c.status in ('APPROVED','IN_PAYMENT')),
                  (select balance_fen from ledger_account where budget_id = b.id and kind = 'PAID'),
                  (select coalesce(sum(l.amount_fen), 0) from payment_line l
                    where l.budget_id = b.id and l.status = 'PAID')
                  - (select coalesce(sum(r.amount_fen), 0) from recovery_order r where r.budget_id = b.id),
                  (select balance_fen from ledger_account where budget_id = b.id and kind = 'RECEIVABLE'),
                  (select coalesce(sum(r.amount_fen - r.repaid_fen), 0) from recovery_order r
                    where r.budget_id = b.id)
                from fund_budget b order by b.id""").query((rs, n) -> {
            List<String> found = new ArrayList<>();
            String[] names = { "committed (approved claims)", "paid (paid lines less recoveries)",
                    "receivable (open recoveries)" };
            for (int i = 0; i < 3; i++) {
                long kept = rs.getLong(2 + 2 * i);
                long expected = rs.getLong(3 + 2 * i);
                if (kept != expected) {
                    found.add("budget " + rs.getLong(1) + " " + names[i] + ": " + kept + " <> " + expected);
                }
            }
            return found;
        }).list().stream().flatMap(List::stream).toList();
    }

}
