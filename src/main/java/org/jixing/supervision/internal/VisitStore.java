package org.jixing.supervision.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jixing.shared.scope.ScopeColumns;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.supervision.Visit;
import org.jixing.supervision.VisitVerdict;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for inspectors' visits, the roster as found and the photos. */
@Repository
public class VisitStore {

    public static final ScopeColumns SCOPE = ScopeColumns.create().region("v.region_code").actionLine("v.line_code");

    private static final String COLUMNS = "v.id, v.visit_no, v.class_id, v.class_no, v.region_code, v.provider_id, "
            + "v.sample_id, v.verdict, v.roster_size, v.present_count, v.unknown_present, v.remarks, v.case_requested, "
            + "v.case_id, (select k.case_no from supervision_case k where k.id = v.case_id) as case_no, v.visited_by, "
            + "v.visited_at";

    private final JdbcClient jdbc;

    VisitStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A visit's row as recorded. */
    public record NewRow(long classId, String classNo, String regionCode, String lineCode, long providerId,
            VisitVerdict verdict, int rosterSize, int presentCount, int unknownPresent, String remarks,
            boolean caseRequested, String by, Instant at) {
    }

    public long insert(NewRow r) {
        return RecordNumbers.insert(jdbc, jdbc.sql("""
                insert into inspection_visit (class_id, class_no, region_code, line_code, provider_id,
                  verdict, roster_size, present_count, unknown_present, remarks, case_requested, visited_by, visited_at)
                values (:c, :cno, :r, :l, :p, :verdict, :roster, :present, :unknown, :remarks, :cr, :by, :at)""")
            .param("c", r.classId())
            .param("cno", r.classNo())
            .param("r", r.regionCode())
            .param("l", r.lineCode())
            .param("p", r.providerId())
            .param("verdict", r.verdict().name())
            .param("roster", r.rosterSize())
            .param("present", r.presentCount())
            .param("unknown", r.unknownPresent())
            .param("remarks", r.remarks())
            .param("cr", r.caseRequested())
            .param("by", r.by())
            .param("at", Timestamp.from(r.at())), "inspection_visit", "visit_no", "FC");
    }

    public void insertPresence(long visitId, long enrolmentId, long personId, boolean present) {
        jdbc.sql("insert into inspection_visit_presence (visit_id, enrolment_id, person_id, present) "
                + "values (:v, :e, :p, :present)")
            .param("v", visitId)
            .param("e", enrolmentId)
            .param("p", personId)
            .param("present", present)
            .update();
    }

    public void insertPhoto(long visitId, String fileName, String contentType, byte[] content, String sha256) {
        jdbc.sql("insert into inspection_visit_photo (visit_id, file_name, content_type, size_bytes, sha256, content) "
                + "values (:v, :f, :t, :s, :h, :x)")
            .param("v", visitId)
            .param("f", fileName)
            .param("t", contentType)
            .param("s", (long) content.length)
            .param("h", sha256)
            .param("x", content)
            .update();
    }

    public void setSample(long visitId, long sampleId) {
        jdbc.sql("update inspection_visit set sample_id = :s where id = :id")
            .param("s", sampleId)
            .param("id", visitId)
            .update();
    }

    public void setCase(long visitId, long caseId) {
        jdbc.sql("update inspection_visit set case_id = :c where id = :id")
            .param("c", caseId)
            .param("id", visitId)
            .update();
    }

    public Optional<Visit> find(long id, ScopeSql.Clause scope) {
        return jdbc.sql("select " + COLUMNS + " from inspection_visit v where v.id = :id and " + scope.sql())
            .param("id", id)
            .params(scope.params())
            .query((rs, n) -> map(rs))
            .optional();
    }

    public boolean exists(long id) {
        return jdbc.sql("select count(*) from inspection_visit where id = :id")
            .param("id", id)
            .query(Long.class)
            .single() > 0;
    }

    /** The visits of a class in scope, newest first. */
    public List<Visit> ofClass(long classId, ScopeSql.Clause scope) {
        return jdbc
            .sql("select " + COLUMNS + " from inspection_visit v where v.class_id = :c and " + scope.sql()
                    + " order by v.visited_at desc, v.id desc")
            .param("c", classId)
            .params(scope.params())
            .query((rs, n) -> map(rs))
            .list();
    }

    public Optional<byte[]> photoContent(long visitId, long photoId) {
        return jdbc.sql("select content from inspection_visit_photo where visit_id = :v and id = :id")
            .param("v", visitId)
            .param("id", photoId)
            .query((rs, n) -> rs.getBytes(1))
            .optional();
    }

    private Visit map(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        List<Visit.Presence> presence = jdbc
            .sql("select enrolment_id, person_id, present from inspection_visit_presence where visit_id = :v "
                    + "order by enrolment_id")
            .param("v", id)
            .query((r, n) -> new Visit.Presence(r.getLong(1), r.getLong(2), r.getBoolean(3)))
            .list();
        List<Visit.Photo> photos = jdbc
            .sql("select id, file_name, content_type, size_bytes, sha256 from inspection_visit_photo "
                    + "where visit_id = :v order by id")
            .param("v", id)
            .query((r, n) -> new Visit.Photo(r.getLong(1), r.getString(2), r.getString(3), r.getLong(4),
                    r.getString(5)))
            .list();
        return new Visit(id, rs.getString("visit_no"), rs.getLong("class_id"), rs.getString("class_no"),
                rs.getString("region_code"), rs.getLong("provider_id"), rs.getObject("sample_id", Long.class),
                VisitVerdict.valueOf(rs.getString("verdict")), rs.getInt("roster_size"), rs.getInt("present_count"),
                rs.getInt("unknown_present"), rs.getString("remarks"), rs.getBoolean("case_requested"),
                rs.getObject("case_id", Long.class), rs.getString("case_no"), rs.getString("visited_by"),
                rs.getTimestamp("visited_at").toInstant(), presence, photos);
    }

}
