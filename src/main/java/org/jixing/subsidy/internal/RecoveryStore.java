package org.jixing.subsidy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jixing.shared.Money;
import org.jixing.shared.scope.ScopeColumns;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.subsidy.Recovery;
import org.jixing.subsidy.Repayment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for recovery orders, the claim lines they cover, and repayments. */
@Repository
public class RecoveryStore {

    public static final ScopeColumns SCOPE = ScopeColumns.create()
        .region("r.region_code")
        .actionLine("r.line_code")
        .provider("r.provider_id");

    private static final String COLUMNS = """
            r.id, r.recovery_no, r.claim_id, c.claim_no, r.provider_id, c.provider_name, r.region_code, r.line_code,
            b.fund_source_code, b.budget_year, r.reason, r.details, r.amount_fen, r.repaid_fen, r.due_on, r.status,
            r.created_by, r.created_at, r.version
            from recovery_order r join subsidy_claim c on c.id = r.claim_id join fund_budget b on b.id = r.budget_id""";

    private final JdbcClient jdbc;

    RecoveryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int ofClaim(long claimId) {
        return jdbc.sql("select count(*) from recovery_order where claim_id = :c")
            .param("c", claimId)
            .query(Integer.class)
            .single();
    }

    public long insert(String no, long claimId, long providerId, String region, String line, long budgetId,
            Recovery.Reason reason, String details, long amountFen, LocalDate dueOn, String by, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into recovery_order (recovery_no, claim_id, provider_id, region_code, line_code, budget_id,
                  reason, details, amount_fen, repaid_fen, due_on, status, created_by, created_at)
                values (:no, :c, :p, :r, :l, :b, :reason, :d, :a, 0, :due, 'OPEN', :by, :at)""")
            .param("no", no)
            .param("c", claimId)
            .param("p", providerId)
            .param("r", region)
            .param("l", line)
            .param("b", budgetId)
            .param("reason", reason.name())
            .param("d", details)
            .param("a", amountFen)
            .param("due", dueOn)
            .param("by", by)
            .param("at", Timestamp.from(at))
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void insertLine(long recoveryId, long claimLineId, long amountFen) {
        jdbc.sql("insert into recovery_order_line (recovery_id, claim_line_id, amount_fen) values (:r, :l, :a)")
            .param("r", recoveryId)
            .param("l", claimLineId)
            .param("a", amountFen)
            .update();
    }

    /**
     * Records a repayment at the version seen; false when someone else moved it first.
     */
    public boolean repay(long id, int version, long amountFen, LocalDate paidOn, String reference, String by,
            Instant at) {
        int n = jdbc.sql("""
                update recovery_order set repaid_fen = repaid_fen + :a,
                  status = case when repaid_fen + :a = amount_fen then 'SETTLED' else 'OPEN' end,
                  version = version + 1
                where id = :id and version = :v and status = 'OPEN'""")
            .param("a", amountFen)
            .param("id", id)
            .param("v", version)
            .update();
        if (n == 1) {
            jdbc.sql("""
                    insert into recovery_repayment (recovery_id, amount_fen, paid_on, reference, recorded_by,
                      recorded_at) values (:r, :a, :d, :ref, :by, :at)""")
                .param("r", id)
                .param("a", amountFen)
                .param("d", paidOn)
                .param("ref", reference)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
        }
        return n == 1;
    }

    public Optional<Recovery> find(long id, ScopeSql.Clause scope) {
        return jdbc.sql("select " + COLUMNS + " where r.id = :id and " + scope.sql())
            .param("id", id)
            .params(scope.params())
            .query((rs, n) -> recovery(rs))
            .optional();
    }

    public boolean exists(long id) {
        return jdbc.sql("select count(*) from recovery_order where id = :id")
            .param("id", id)
            .query(Long.class)
            .single() > 0;
    }

    public List<Recovery> search(ScopeSql.Clause scope, Long claimId, boolean openOnly, long offset, int limit) {
        return jdbc
            .sql("select " + COLUMNS + " where " + scope.sql() + filter(claimId, openOnly)
                    + " order by r.created_at desc, r.id desc limit :limit offset :offset")
            .params(scope.params())
            .params(claimId == null ? Map.of() : Map.of("f_claim", claimId))
            .param("limit", limit)
            .param("offset", offset)
            .query((rs, n) -> recovery(rs))
            .list();
    }

    public long count(ScopeSql.Clause scope, Long claimId, boolean openOnly) {
        return jdbc.sql("select count(*) from recovery_order r where " + scope.sql() + filter(claimId, openOnly))
            .params(scope.params())
            .params(claimId == null ? Map.of() : Map.of("f_claim", claimId))
            .query(Long.class)
            .single();
    }

    private static String filter(Long claimId, boolean openOnly) {
        return (claimId == null ? "" : " and r.claim_id = :f_claim") + (openOnly ? " and r.status = 'OPEN'" : "");
    }

    /** The claim lines a recovery covers. */
    public List<Long> lines(long recoveryId) {
        return jdbc.sql("select claim_line_id from recovery_order_line where recovery_id = :r order by claim_line_id")
            .param("r", recoveryId)
            .query(Long.class)
            .list();
    }

    public List<Repayment> repayments(long recoveryId) {
        return jdbc.sql("""
                select amount_fen, paid_on, reference, recorded_by, recorded_at from recovery_repayment
                where recovery_id = :r order by id""")
            .param("r", recoveryId)
            .query((rs, n) -> new Repayment(Money.ofFen(rs.getLong(1)), rs.getObject(2, LocalDate.class),
                    rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()))
            .list();
    }

    private static Recovery recovery(ResultSet rs) throws SQLException {
        return new Recovery(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getInt(10),
                Recovery.Reason.valueOf(rs.getString(11)), rs.getString(12), Money.ofFen(rs.getLong(13)),
                Money.ofFen(rs.getLong(14)), rs.getObject(15, LocalDate.class),
                Recovery.Status.valueOf(rs.getString(16)), rs.getString(17), rs.getTimestamp(18).toInstant(),
                rs.getInt(19));
    }

}
