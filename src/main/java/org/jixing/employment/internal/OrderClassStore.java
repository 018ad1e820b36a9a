package org.jixing.employment.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jixing.employment.Fulfilment;
import org.jixing.employment.HireCommitment;
import org.jixing.employment.OrderClassRow;
import org.jixing.shared.scope.ScopeColumns;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.training.TrainingClass;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for order classes: the links of classes to demands, the enterprises' commitments
 * and the hires. User reads carry the scope clause (region, provider or enterprise).
 */
@Repository
public class OrderClassStore {

    /** Over the links (alias l) of a class. */
    public static final ScopeColumns SCOPE = ScopeColumns.create()
        .region("l.region_code")
        .provider("l.provider_id")
        .enterprise("l.employer_credit_code");

    private static final String COMMITMENT = "m.class_id, m.class_no, m.provider_id, m.provider_name, m.region_code, "
            + "m.employer_credit_code, m.employer_name, m.committed_count, m.deadline, m.confirmed_by, m.confirmed_at, "
            + "m.version, (select count(*) from employment_hire h where h.class_id = m.class_id) as hired";

    private final JdbcClient jdbc;

    OrderClassStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Links the class to the demand unless it already is; true when a link was made. */
    public boolean link(TrainingClass c, long demandId, String by, Instant at) {
        long n = jdbc.sql("select count(*) from employment_order_link where class_id = :c and demand_id = :d")
            .param("c", c.id())
            .param("d", demandId)
            .query(Long.class)
            .single();
        if (n > 0) {
            return false;
        }
        jdbc.sql("insert into employment_order_link (class_id, demand_id, class_no, provider_id, provider_name, "
                + "region_code, employer_credit_code, linked_by, linked_at) values (:c, :d, :no, :p, :pn, :r, :e, "
                + ":by, :at)")
            .param("c", c.id())
            .param("d", demandId)
            .param("no", c.classNo())
            .param("p", c.providerId())
            .param("pn", c.providerName())
            .param("r", c.regionCode())
            .param("e", c.employerCreditCode())
            .param("by", by)
            .param("at", Timestamp.from(at))
            .update();
        return true;
    }

    /** The ids of the demands the class is linked to. */
    public List<Long> demandIds(long classId) {
        return jdbc.sql("select demand_id from employment_order_link where class_id = :c order by demand_id")
            .param("c", classId)
            .query(Long.class)
            .list();
    }

    /** Whether the class is linked to a demand, in the scope given. */
    public boolean linked(long classId, ScopeSql.Clause scope) {
        return jdbc.sql("select count(*) from employment_order_link l where l.class_id = :c and " + scope.sql())
            .param("c", classId)
            .params(scope.params())
            .query(Long.class)
            .single() > 0;
    }

    public Optional<HireCommitment> commitment(long classId) {
        return jdbc.sql("select " + COMMITMENT + " from employment_commitment m where m.class_id = :c")
            .param("c", classId)
            .query(OrderClassStore::commitment)
            .optional();
    }

    /** Records the commitment, or replaces the one the class had. */
    public void commit(TrainingClass c, String employerName, int count, LocalDate deadline, String by, Instant at) {
        int updated = jdbc
            .sql("update employment_commitment set committed_count = :n, deadline = :dl, confirmed_by = :by, "
                    + "confirmed_at = :at, employer_name = :en, version = version + 1 where class_id = :c")
            .param("n", count)
            .param("dl", Date.valueOf(deadline))
            .param("by", by)
            .param("at", Timestamp.from(at))
            .param("en", employerName)
            .param("c", c.id())
            .update();
        if (updated == 0) {
            jdbc.sql("insert into employment_commitment (class_id, class_no, provider_id, provider_name, region_code, "
                    + "employer_credit_code, employer_name, committed_count, deadline, confirmed_by, confirmed_at, "
                    + "version) values (:c, :no, :p, :pn, :r, :e, :en, :n, :dl, :by, :at, 0)")
                .param("c", c.id())
                .param("no", c.classNo())
                .param("p", c.providerId())
                .param("pn", c.providerName())
                .param("r", c.regionCode())
                .param("e", c.employerCreditCode())
                .param("en", employerName)
                .param("n", count)
                .param("dl", Date.valueOf(deadline))
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
        }
    }

    /** A hire row as stored. */
    public record HireRow(long id, long enrolmentId, long personId, LocalDate hiredOn, String recordedBy) {
    }

    public List<HireRow> hires(long classId) {
        return jdbc
            .sql("select id, enrolment_id, person_id, hired_on, recorded_by from employment_hire where class_id = :c "
                    + "order by hired_on, id")
            .param("c", classId)
            .query((rs, n) -> new HireRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDate(4).toLocalDate(),
                    rs.getString(5)))
            .list();
    }

    public void hire(HireCommitment m, long enrolmentId, long personId, LocalDate hiredOn, String by, Instant at) {
        jdbc.sql("insert into employment_hire (class_id, enrolment_id, person_id, provider_id, region_code, "
                + "employer_credit_code, hired_on, recorded_by, recorded_at) values (:c, :e, :p, :pr, :r, :ent, :on, "
                + ":by, :at)")
            .param("c", m.classId())
            .param("e", enrolmentId)
            .param("p", personId)
            .param("pr", m.providerId())
            .param("r", m.regionCode())
            .param("ent", m.employerCreditCode())
            .param("on", Date.valueOf(hiredOn))
            .param("by", by)
            .param("at", Timestamp.from(at))
            .update();
    }

    /** The people (unscoped) hired through order classes, among those given. */
    public Set<Long> hiredPeople(Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select distinct person_id from employment_hire where person_id in (:p)")
            .param("p", personIds)
            .query(Long.class)
            .list());
    }

    /** Order classes in the scope: classes linked to a demand, with their commitment. */
    public List<OrderClassRow> search(ScopeSql.Clause scope, int offset, int limit) {
        return jdbc
            .sql("""
                    select l.class_id, min(l.class_no) as class_no, min(l.provider_id) as provider_id,
                      min(l.provider_name) as provider_name, min(l.region_code) as region_code,
                      min(l.employer_credit_code) as employer_credit_code, count(*) as demands,
                      min(m.committed_count) as committed, min(m.deadline) as deadline,
                      (select count(*) from employment_hire h where h.class_id = l.class_id) as hired
                    from employment_order_link l left join employment_commitment m on m.class_id = l.class_id
                    where """ + " " + scope.sql() + " group by l.class_id order by l.class_id desc "
                    + "offset :off rows fetch next :lim rows only")
            .params(scope.params())
            .param("off", offset)
            .param("lim", limit)
            .query((rs, n) -> new OrderClassRow(rs.getLong("class_id"), rs.getString("class_no"),
                    rs.getLong("provider_id"), rs.getString("provider_name"), rs.getString("region_code"),
                    rs.getString("employer_credit_code"), rs.getLong("demands"),
                    (Integer) rs.getObject("committed", Integer.class),
                    rs.getDate("deadline") == null ? null : rs.getDate("deadline").toLocalDate(), rs.getLong("hired")))
            .list();
    }

    public long count(ScopeSql.Clause scope) {
        return jdbc.sql("select count(distinct l.class_id) from employment_order_link l where " + scope.sql())
            .params(scope.params())
            .query(Long.class)
            .single();
    }

    /**
     * Committed and hired (unscoped) grouped by a column of the commitment: class_id,
     * provider_id or employer_credit_code, for the keys given.
     */
    public <K> Map<K, Fulfilment> fulfilment(String column, Collection<K> keys, Class<K> type) {
        if (!Set.of("class_id", "provider_id", "employer_credit_code").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        Map<K, Fulfilment> out = new HashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        jdbc.sql("select m." + column + ", count(*), sum(m.committed_count), "
                + "sum((select count(*) from employment_hire h where h.class_id = m.class_id)) "
                + "from employment_commitment m where m." + column + " in (:k) group by m." + column)
            .param("k", keys)
            .query((rs, n) -> out.put(rs.getObject(1, type),
                    new Fulfilment(rs.getLong(2), rs.getLong(3), rs.getLong(4))))
            .list();
        return out;
    }

    /** The employer (credit code) of each class linked to a demand, unscoped. */
    public Map<Long, String> employers(Collection<Long> classIds) {
        Map<Long, String> out = new HashMap<>();
        if (classIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select distinct class_id, employer_credit_code from employment_order_link where class_id in (:c)")
            .param("c", classIds)
            .query((rs, n) -> out.put(rs.getLong(1), rs.getString(2)))
            .list();
        return out;
    }

    static HireCommitment commitment(ResultSet rs, int n) throws SQLException {
        return new HireCommitment(rs.getLong("class_id"), rs.getString("class_no"), rs.getLong("provider_id"),
                rs.getString("provider_name"), rs.getString("region_code"), rs.getString("employer_credit_code"),
                rs.getString("employer_name"), rs.getInt("committed_count"), rs.getDate("deadline").toLocalDate(),
                rs.getString("confirmed_by"), rs.getTimestamp("confirmed_at").toInstant(), rs.getLong("hired"),
                rs.getInt("version"));
    }

}
