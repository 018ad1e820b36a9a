package org.jixing.certification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jixing.certification.DirectRecognition;
import org.jixing.shared.scope.ScopeColumns;
import org.jixing.shared.scope.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for direct recognition applications. */
@Repository
public class RecognitionStore {

    public static final ScopeColumns SCOPE = ScopeColumns.create()
        .region("d.region_code")
        .evaluationBody("d.evaluation_body_id")
        .person("d.person_id");

    private static final String COLUMNS = """
            d.id, d.application_no, d.person_id, d.occupation_code, d.level_code, d.justification, d.employer_name,
            d.evaluation_body_id, d.body_name, d.region_code, d.status, d.decision_note, d.decided_by, d.decided_at,
            d.submitted_by, d.submitted_at, d.version from direct_recognition d""";

    private final JdbcClient jdbc;

    RecognitionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long count() {
        return jdbc.sql("select count(*) from direct_recognition").query(Long.class).single();
    }

    public long insert(String no, long personId, String occupation, String level, String justification, String employer,
            long bodyId, String bodyName, String region, String by, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into direct_recognition (application_no, person_id, occupation_code, level_code, justification,
                  employer_name, evaluation_body_id, body_name, region_code, status, submitted_by, submitted_at)
                values (:no, :p, :o, :l, :j, :e, :b, :bn, :r, 'SUBMITTED', :by, :at)""")
            .param("no", no)
            .param("p", personId)
            .param("o", occupation)
            .param("l", level)
            .param("j", justification)
            .param("e", employer)
            .param("b", bodyId)
            .param("bn", bodyName)
            .param("r", region)
            .param("by", by)
            .param("at", Timestamp.from(at))
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public boolean decide(long id, int version, DirectRecognition.Status status, String note, String by, Instant at) {
        return jdbc.sql("""
                update direct_recognition set status = :s, decision_note = :n, decided_by = :by, decided_at = :at,
                  version = version + 1 where id = :id and version = :v and status = 'SUBMITTED'""")
            .param("s", status.name())
            .param("n", note)
            .param("by", by)
            .param("at", Timestamp.from(at))
            .param("id", id)
            .param("v", version)
            .update() == 1;
    }

    public Optional<DirectRecognition> find(long id, ScopeSql.Clause scope) {
        return jdbc.sql("select " + COLUMNS + " where d.id = :id and " + scope.sql())
            .param("id", id)
            .params(scope.params())
            .query((rs, n) -> map(rs))
            .optional();
    }

    public boolean exists(long id) {
        return jdbc.sql("select count(*) from direct_recognition where id = :id")
            .param("id", id)
            .query(Long.class)
            .single() > 0;
    }

    public List<DirectRecognition> search(ScopeSql.Clause scope, boolean openOnly, int limit) {
        return jdbc
            .sql("select " + COLUMNS + " where " + scope.sql() + (openOnly ? " and d.status = 'SUBMITTED'" : "")
                    + " order by d.submitted_at desc, d.id desc limit :limit")
            .params(scope.params())
            .param("limit", limit)
            .query((rs, n) -> map(rs))
            .list();
    }

    private static DirectRecognition map(ResultSet rs) throws SQLException {
        Timestamp decided = rs.getTimestamp(14);
        return new DirectRecognition(rs.getLong(1), rs.getString(2), rs.getLong(3), null, rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8), rs.getString(9), rs.getString(10),
                DirectRecognition.Status.valueOf(rs.getString(11)), rs.getString(12), rs.getString(13),
                decided == null ? null : decided.toInstant(), rs.getString(15), rs.getTimestamp(16).toInstant(),
                rs.getInt(17));
    }

}
