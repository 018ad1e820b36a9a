package org.jixing.subsidy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jixing.shared.Money;
import org.jixing.shared.RegionCode;
import org.jixing.shared.scope.ScopeColumns;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.subsidy.PaymentLine;
import org.jixing.subsidy.PaymentOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL for payment orders and their lines. The database keeps a claim on one live line at
 * a time (UNIQUE(claim_id, live)) and pays a line once (UNIQUE(payment_line_id) on the
 * ledger); every change of a line is conditional on its status.
 */
@Repository
public class PaymentStore {

    /** Orders are seen by region only: providers and departments see none. */
    public static final ScopeColumns SCOPE = ScopeColumns.create().region("o.region_code");

    private static final String ORDER_COLUMNS = """
            o.id, o.order_no, o.fund_source_code, o.region_code, o.status, o.lines, o.amount_fen, o.created_by,
            o.created_at, o.exported_at, o.settled_at, o.version from payment_order o""";

    private static final String LINE_COLUMNS = """
            l.id, l.order_id, o.order_no, l.claim_id, c.claim_no, l.budget_id, l.payee_name, l.payee_account,
            l.payee_bank, l.amount_fen, l.status, l.bank_reference, l.failure_reason, l.settled_at
            from payment_line l join payment_order o on o.id = l.order_id join subsidy_claim c on c.id = l.claim_id""";

    private final JdbcClient jdbc;

    PaymentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An approved claim as it goes on an order. */
    public record Payable(long claimId, long budgetId, String payeeName, String payeeAccount, String payeeBank,
            long amountFen) {
    }

    /**
     * The approved claims of a city and fund source not on a live line, in id order (so
     * that concurrent openings meet on the same first claim and never deadlock).
     */
    public List<Payable> payable(String cityCode, String fundSourceCode) {
        return jdbc.sql("""
                select c.id, c.budget_id, c.payee_name, c.payee_account, c.payee_bank, c.amount_fen
                from subsidy_claim c
                where c.status = 'APPROVED' and c.region_code like :region and c.fund_source_code = :fund
                  and c.budget_id is not null and c.amount_fen > 0
                  and not exists (select 1 from payment_line l where l.claim_id = c.id and l.live = 1)
                order by c.id""")
            .param("region", new RegionCode(cityCode).prefix() + "%")
            .param("fund", fundSourceCode)
            .query((rs, n) -> new Payable(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                    rs.getString(5), rs.getLong(6)))
            .list();
    }

    /** Inserts an order under a provisional number and gives it its final one. */
    public long insertOrder(String numberPrefix, String fundSourceCode, String regionCode, int lines, long amountFen,
            String by, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into payment_order (order_no, fund_source_code, region_code, status, lines, amount_fen,
                  created_by, created_at) values (:no, :fund, :region, 'OPEN', :lines, :amount, :by, :at)""")
            .param("no", "~" + UUID.randomUUID().toString().replace("-", "").substring(0, 30))
            .param("fund", fundSourceCode)
            .param("region", regionCode)
            .param("lines", lines)
            .param("amount", amountFen)
            .param("by", by)
            .param("at", Timestamp.from(at))
            .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        jdbc.sql("update payment_order set order_no = :no where id = :id")
            .param("no", numberPrefix + id)
            .param("id", id)
            .update();
        return id;
    }

    public void insertLine(long orderId, Payable p) {
        jdbc.sql("""
                insert into payment_line (order_id, claim_id, budget_id, payee_name, payee_account, payee_bank,
                  amount_fen, status, live) values (:o, :c, :b, :name, :account, :bank, :amount, 'PENDING', 1)""")
            .param("o", orderId)
            .param("c", p.claimId())
            .param("b", p.budgetId())
            .param("name", p.payeeName())
            .param("account", p.payeeAccount())
            .param("bank", p.payeeBank())
            .param("amount", p.amountFen())
            .update();
    }

    public Optional<PaymentOrder> find(long id, ScopeSql.Clause scope) {
        return jdbc.sql("select " + ORDER_COLUMNS + " where o.id = :id and " + scope.sql())
            .param("id", id)
            .params(scope.params())
            .query((rs, n) -> order(rs))
            .optional();
    }

    public boolean exists(long id) {
        return jdbc.sql("select count(*) from payment_order where id = :id")
            .param("id", id)
            .query(Long.class)
            .single() > 0;
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(PaymentOrder.Status status, String regionCode, ScopeSql.Clause scope) {
        ScopeSql.Conditions where = ScopeSql.conditions(scope);
        if (status != null) {
            where.and("o.status = :f_status", "f_status", status.name());
        }
        if (regionCode != null && RegionCode.isWellFormed(regionCode)) {
            where.and("o.region_code like :f_region", "f_region", new RegionCode(regionCode).prefix() + "%");
        }
        ScopeSql.Clause clause = where.clause();
        return new Where(" where " + clause.sql(), clause.params());
    }

    public List<PaymentOrder> search(PaymentOrder.Status status, String regionCode, ScopeSql.Clause scope, long offset,
            int limit) {
        Where w = where(status, regionCode, scope);
        return jdbc
            .sql("select " + ORDER_COLUMNS + w.sql()
                    + " order by o.created_at desc, o.id desc limit :limit offset :offset")
            .params(w.params())
            .param("limit", limit)
            .param("offset", offset)
            .query((rs, n) -> order(rs))
            .list();
    }

    public long count(PaymentOrder.Status status, String regionCode, ScopeSql.Clause scope) {
        Where w = where(status, regionCode, scope);
        return jdbc.sql("select count(*) from payment_order o" + w.sql()).params(w.params()).query(Long.class).single();
    }

    public List<PaymentLine> lines(long orderId) {
        return jdbc.sql("select " + LINE_COLUMNS + " where l.order_id = :o order by l.id")
            .param("o", orderId)
            .query((rs, n) -> line(rs))
            .list();
    }

    public List<PaymentLine> linesOfClaim(long claimId) {
        return jdbc.sql("select " + LINE_COLUMNS + " where l.claim_id = :c order by l.id")
            .param("c", claimId)
            .query((rs, n) -> line(rs))
            .list();
    }

    /** The lines with these ids, wherever they are. */
    public Map<Long, PaymentLine> linesById(Collection<Long> ids) {
        Map<Long, PaymentLine> m = new HashMap<>();
        if (ids.isEmpty()) {
            return m;
        }
        jdbc.sql("select " + LINE_COLUMNS + " where l.id in (:ids)")
            .param("ids", ids)
            .query((rs, n) -> line(rs))
            .list()
            .forEach(l -> m.put(l.id(), l));
        return m;
    }

    /** Marks an open order exported; false when it was exported before. */
    public boolean markExported(long id, Instant at) {
        return jdbc.sql("""
                update payment_order set status = 'EXPORTED', exported_at = :at, version = version + 1
                where id = :id and status = 'OPEN'""").param("at", Timestamp.from(at)).param("id", id).update() == 1;
    }

    /**
     * Claims the order for one import at the version read: false when another import (on
     * this node or another) moved it first.
     */
    public boolean claimForImport(long id, int version) {
        return jdbc.sql("update payment_order set version = version + 1 where id = :id and version = :v")
            .param("id", id)
            .param("v", version)
            .update() == 1;
    }

    /** A pending line paid; false when it is no longer pending. */
    public boolean markPaid(long lineId, long orderId, String reference, Instant at) {
        return jdbc.sql("""
                update payment_line set status = 'PAID', bank_reference = :ref, settled_at = :at
                where id = :id and order_id = :o and status = 'PENDING'""")
            .param("ref", reference)
            .param("at", Timestamp.from(at))
            .param("id", lineId)
            .param("o", orderId)
            .update() == 1;
    }

    /**
     * A pending line failed: it stops being live, so its claim may go on a new order.
     */
    public boolean markFailed(long lineId, long orderId, String reason, String reference, Instant at) {
        return jdbc.sql("""
                update payment_line set status = 'FAILED', failure_reason = :reason, bank_reference = :ref,
                  settled_at = :at, live = null
                where id = :id and order_id = :o and status = 'PENDING'""")
            .param("reason", reason)
            .param("ref", reference)
            .param("at", Timestamp.from(at))
            .param("id", lineId)
            .param("o", orderId)
            .update() == 1;
    }

    /** Settles the order when none of its lines is pending; true when it did. */
    public boolean settleIfDone(long id, Instant at) {
        return jdbc.sql("""
                update payment_order set status = 'SETTLED', settled_at = :at, version = version + 1
                where id = :id and status <> 'SETTLED'
                  and not exists (select 1 from payment_line l where l.order_id = :id and l.status = 'PENDING')""")
            .param("at", Timestamp.from(at))
            .param("id", id)
            .update() == 1;
    }

    private static PaymentOrder order(ResultSet rs) throws SQLException {
        return new PaymentOrder(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                PaymentOrder.Status.valueOf(rs.getString(5)), rs.getInt(6), Money.ofFen(rs.getLong(7)), rs.getString(8),
                rs.getTimestamp(9).toInstant(), instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)),
                rs.getInt(12));
    }

    private static PaymentLine line(ResultSet rs) throws SQLException {
        return new PaymentLine(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getLong(6), rs.getString(7), rs.getString(8), rs.getString(9), Money.ofFen(rs.getLong(10)),
                PaymentLine.Status.valueOf(rs.getString(11)), rs.getString(12), rs.getString(13),
                instant(rs.getTimestamp(14)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

}
