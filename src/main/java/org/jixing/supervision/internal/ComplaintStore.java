package org.jixing.supervision.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jixing.shared.scope.ScopeColumns;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.supervision.Complaint;
import org.jixing.supervision.ComplaintCounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for complaints and reports. User reads carry the scope clause (region). */
@Repository
public class ComplaintStore {

    public static final ScopeColumns SCOPE = ScopeColumns.create().region("m.region_code");

    private static final String COLUMNS = "m.id, m.complaint_no, m.source, m.person_id, m.contact, m.provider_id, "
            + "m.class_id, m.region_code, m.details, m.status, m.decision_reason, m.decided_by, m.decided_at, "
            + "m.case_id, m.received_at, m.version";

    private final JdbcClient jdbc;

    ComplaintStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(Complaint.Source source, Long personId, String contact, long providerId, Long classId,
            String regionCode, String details, Instant at) {
        return RecordNumbers.insert(jdbc,
                jdbc.sql("insert into supervision_complaint (source, person_id, contact, provider_id, class_id, "
                        + "region_code, details, status, received_at, version) values (:src, :person, :contact, "
                        + ":provider, :class, :region, :details, 'RECEIVED', :at, 0)")
                    .param("src", source.name())
                    .param("person", personId)
                    .param("contact", contact)
                    .param("provider", providerId)
                    .param("class", classId)
                    .param("region", regionCode)
                    .param("details", details)
                    .param("at", Timestamp.from(at)),
                "supervision_complaint", "complaint_no", "TS");
    }

    public Optional<Complaint> find(long id, ScopeSql.Clause scope) {
        return jdbc.sql("select " + COLUMNS + " from supervision_complaint m where m.id = :id and " + scope.sql())
            .param("id", id)
            .params(scope.params())
            .query(ComplaintStore::map)
            .optional();
    }

    public boolean exists(long id) {
        return jdbc.sql("select count(*) from supervision_complaint where id = :id")
            .param("id", id)
            .query(Long.class)
            .single() > 0;
    }

    public List<Complaint> search(Complaint.Status status, Long providerId, ScopeSql.Clause scope, int offset,
            int limit) {
        ScopeSql.Clause where = where(status, providerId, scope);
        return jdbc
            .sql("select " + COLUMNS + " from supervision_complaint m where " + where.sql()
                    + " order by case m.status when 'RECEIVED' then 0 else 1 end, m.received_at desc, m.id desc "
                    + "offset :off rows fetch next :lim rows only")
            .params(where.params())
            .param("off", offset)
            .param("lim", limit)
            .query(ComplaintStore::map)
            .list();
    }

    public long count(Complaint.Status status, Long providerId, ScopeSql.Clause scope) {
        ScopeSql.Clause where = where(status, providerId, scope);
        return jdbc.sql("select count(*) from supervision_complaint m where " + where.sql())
            .params(where.params())
            .query(Long.class)
            .single();
    }

    public boolean decide(long id, int version, Complaint.Status to, String reason, String by, Instant at) {
        return jdbc
            .sql("update supervision_complaint set status = :to, decision_reason = :r, decided_by = :by, "
                    + "decided_at = :at, version = version + 1 where id = :id and version = :v and status = 'RECEIVED'")
            .param("to", to.name())
            .param("r", reason)
            .param("by", by)
            .param("at", Timestamp.from(at))
            .param("id", id)
            .param("v", version)
            .update() == 1;
    }

    public boolean linkCase(long id, long caseId) {
        return jdbc
            .sql("update supervision_complaint set case_id = :c, version = version + 1 where id = :id "
                    + "and case_id is null")
            .param("c", caseId)
            .param("id", id)
            .update() == 1;
    }

    /** Unscoped: a provider's complaints by status. */
    public ComplaintCounts counts(long providerId) {
        return jdbc
            .sql("select count(*), coalesce(sum(case when status = 'UPHELD' then 1 else 0 end), 0), "
                    + "coalesce(sum(case when status = 'NOT_UPHELD' then 1 else 0 end), 0) "
                    + "from supervision_complaint where provider_id = :p")
            .param("p", providerId)
            .query((rs, n) -> new ComplaintCounts(providerId, rs.getLong(1), rs.getLong(2), rs.getLong(3)))
            .single();
    }

    private static ScopeSql.Clause where(Complaint.Status status, Long providerId, ScopeSql.Clause scope) {
        var where = ScopeSql.conditions(scope);
        if (status != null) {
            where.and("m.status = :status", "status", status.name());
        }
        if (providerId != null) {
            where.and("m.provider_id = :provider", "provider", providerId);
        }
        return where.clause();
    }

    private static Complaint map(ResultSet rs, int row) throws SQLException {
        return new Complaint(rs.getLong("id"), rs.getString("complaint_no"),
                Complaint.Source.valueOf(rs.getString("source")), CaseStore.nullableLong(rs, "person_id"),
                rs.getString("contact"), rs.getLong("provider_id"), CaseStore.nullableLong(rs, "class_id"),
                rs.getString("region_code"), rs.getString("details"), Complaint.Status.valueOf(rs.getString("status")),
                rs.getString("decision_reason"), rs.getString("decided_by"), CaseStore.instant(rs, "decided_at"),
                CaseStore.nullableLong(rs, "case_id"), rs.getTimestamp("received_at").toInstant(),
                rs.getInt("version"));
    }

}
