package org.jixing.subsidy.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;

import org.jixing.shared.db.H2RuleTrigger;

/**
 * The subsidy module's money rules on H2 (migration V14_2; on PostgreSQL V14_1 keeps them
 * with deferred triggers). H2 cannot defer a check to the commit, so a claim's total is
 * compared with its lines when the claim is approved (and it is frozen from then on), and
 * a ledger transaction's postings can never exceed its amount on either side (a
 * transaction left short of its postings is found by the ledger check, not refused).
 */
public final class H2SubsidyRules {

    private H2SubsidyRules() {
    }

    private static final Set<String> FROZEN = Set.of("APPROVED", "IN_PAYMENT", "PAID");

    /** Approved or past it: the claim's money no longer changes. */
    static boolean frozen(String status) {
        return status != null && FROZEN.contains(status);
    }

    /**
     * Before a claim is written or changes: once approved its money does not change and
     * it never goes back to review; it becomes (or is written as) approved only with a
     * total equal to its lines, and PAID only with a paid payment line of its amount.
     */
    public static class ClaimChange extends H2RuleTrigger {

        @Override
        public void fire(Connection connection, ResultSet oldRow, ResultSet newRow) throws SQLException {
            long id = newRow.getLong("id");
            String from = oldRow == null ? null : oldRow.getString("status");
            String to = newRow.getString("status");
            if (frozen(from) && (!frozen(to) || "PAID".equals(from) && !"PAID".equals(to)
                    || changed(oldRow, newRow, "amount_fen", "trainees", "class_id", "provider_id", "fund_source_code",
                            "budget_id", "payee_name", "payee_account", "payee_bank"))) {
                throw refuse("subsidy_claim_frozen",
                        "claim " + id + " is " + from + " and its money no longer changes");
            }
            if (frozen(to) && !frozen(from)) {
                long lines = queryLong(connection, 0,
                        "select coalesce(sum(amount_fen), 0) from subsidy_claim_line where claim_id = ?", id);
                if (lines != newRow.getLong("amount_fen")) {
                    throw refuse("subsidy_claim_total", "claim " + id + " totals " + newRow.getLong("amount_fen")
                            + " fen but its lines sum to " + lines + " fen");
                }
            }
            if ("PAID".equals(to) && !"PAID".equals(from) && queryLong(connection, 0,
                    "select count(*) from payment_line where claim_id = ? and status = 'PAID' and amount_fen = ?", id,
                    newRow.getLong("amount_fen")) == 0) {
                throw refuse("subsidy_claim_paid",
                        "claim " + id + " is PAID without a paid payment line of its amount");
            }
        }

    }

    /**
     * A line's figures are written once; lines join or leave a claim, or stop standing,
     * only before its approval. (Columns added later, such as evidence notes, may
     * change.)
     */
    public static class ClaimLineChange extends H2RuleTrigger {

        @Override
        public void fire(Connection connection, ResultSet oldRow, ResultSet newRow) throws SQLException {
            if (oldRow != null && newRow != null) {
                if (changed(oldRow, newRow, "claim_id", "enrolment_id", "person_id", "training_year", "tier",
                        "standard_fen", "group_code", "adjust_percent", "cap_kind", "cap_cut_fen", "amount_fen")) {
                    throw refuse("subsidy_claim_line_frozen",
                            "the figures of claim line " + oldRow.getLong("id") + " are written once");
                }
                if (!changed(oldRow, newRow, "live")) {
                    return;
                }
            }
            long claim = (newRow != null ? newRow : oldRow).getLong("claim_id");
            String status = queryString(connection, "select status from subsidy_claim where id = ?", claim);
            if (frozen(status)) {
                throw refuse("subsidy_claim_frozen",
                        "claim " + claim + " is " + status + " and its lines no longer change");
            }
        }

    }

    /** A paid payment line stays as paid. */
    public static class PaymentLinePaid extends H2RuleTrigger {

        @Override
        public void fire(Connection connection, ResultSet oldRow, ResultSet newRow) throws SQLException {
            if ("PAID".equals(oldRow.getString("status")) && (newRow == null
                    || changed(oldRow, newRow, "status", "amount_fen", "claim_id", "live", "payee_account"))) {
                throw refuse("payment_line_paid",
                        "payment line " + oldRow.getLong("id") + " was paid and stays as paid");
            }
        }

    }

    /** Ledger transactions and postings are never changed or deleted. */
    public static class LedgerAppendOnly extends H2RuleTrigger {

        @Override
        public void fire(Connection connection, ResultSet oldRow, ResultSet newRow) throws SQLException {
            throw refuse("ledger_append_only", tableName + " rows are never changed or deleted; enter a reversal");
        }

    }

    /**
     * A posting never takes its transaction's debits or credits beyond the transaction's
     * amount, so a transaction's postings can only be short of balancing, never off it.
     */
    public static class LedgerPostingBounds extends H2RuleTrigger {

        @Override
        public void fire(Connection connection, ResultSet oldRow, ResultSet newRow) throws SQLException {
            long tx = newRow.getLong("transaction_id");
            long posting = newRow.getLong("amount_fen");
            long amount = queryLong(connection, 0, "select amount_fen from ledger_transaction where id = ?", tx);
            long sameSide = queryLong(connection, 0,
                    "select coalesce(sum(abs(amount_fen)), 0) from ledger_posting where transaction_id = ? and "
                            + (posting > 0 ? "amount_fen > 0" : "amount_fen < 0"),
                    tx);
            if (sameSide + Math.abs(posting) > amount) {
                throw refuse("ledger_transaction_balanced", "transaction " + tx + " of " + amount + " fen would have "
                        + (posting > 0 ? "debits" : "credits") + " of " + (sameSide + Math.abs(posting)) + " fen");
            }
        }

    }

}
