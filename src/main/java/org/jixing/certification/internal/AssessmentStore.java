package org.jixing.certification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jixing.certification.AssessmentBatch;
import org.jixing.certification.Challenge;
import org.jixing.shared.scope.ScopeColumns;
import org.jixing.shared.scope.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * SQL for assessment batches, candidates, results, challenges and the rules kept as data.
 */
@Repository
public class AssessmentStore {

    /** Evaluators see their body's batches, officers their region's, the province all. */
    public static final ScopeColumns SCOPE = ScopeColumns.create()
        .region("b.region_code")
        .evaluationBody("b.evaluation_body_id");

    private static final String BATCH = """
            b.id, b.batch_no, b.evaluation_body_id, b.body_name, b.region_code, b.occupation_code, b.level_code,
            b.kind, b.assessed_on, b.venue, b.status, b.province_approval, b.approved_by, b.publicity_from,
            b.publicity_until, b.finalised_on, b.created_by, b.created_at, b.version from assessment_batch b""";

    private final JdbcClient jdbc;

    AssessmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int batchesOfBody(long bodyId) {
        return jdbc.sql("select count(*) from assessment_batch where evaluation_body_id = :b")
            .param("b", bodyId)
            .query(Integer.class)
            .single();
    }

    public long insertBatch(String no, long bodyId, String bodyName, String region, String occupation, String level,
            AssessmentBatch.Kind kind, LocalDate on, String venue, AssessmentBatch.Approval approval, String by,
            Instant at, List<String> evaluators) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into assessment_batch (batch_no, evaluation_body_id, body_name, region_code, occupation_code,
                  level_code, kind, assessed_on, venue, status, province_approval, created_by, created_at)
                values (:no, :b, :bn, :r, :o, :l, :k, :on, :v, 'PLANNED', :a, :by, :at)""")
            .param("no", no)
            .param("b", bodyId)
            .param("bn", bodyName)
            .param("r", region)
            .param("o", occupation)
            .param("l", level)
            .param("k", kind.name())
            .param("on", on)
            .param("v", venue)
            .param("a", approval.name())
            .param("by", by)
            .param("at", Timestamp.from(at))
            .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        for (int i = 0; i < evaluators.size(); i++) {
            jdbc.sql("insert into assessment_batch_evaluator (batch_id, seq, name) values (:b, :s, :n)")
                .param("b", id)
                .param("s", i + 1)
                .param("n", evaluators.get(i))
                .update();
        }
        return id;
    }

    public Optional<AssessmentBatch> findBatch(long id, ScopeSql.Clause scope) {
        return jdbc.sql("select " + BATCH + " where b.id = :id and " + scope.sql())
            .param("id", id)
            .params(scope.params())
            .query((rs, n) -> batch(rs))
            .optional()
            .map(this::withEvaluators);
    }

    public boolean batchExists(long id) {
        return jdbc.sql("select count(*) from assessment_batch where id = :id")
            .param("id", id)
            .query(Long.class)
            .single() > 0;
    }

    public List<AssessmentBatch> searchBatches(ScopeSql.Clause scope, AssessmentBatch.Status status, long offset,
            int limit) {
        return jdbc
            .sql("select " + BATCH + " where " + scope.sql() + (status == null ? "" : " and b.status = :f_status")
                    + " order by b.assessed_on desc, b.id desc limit :limit offset :offset")
            .params(scope.params())
            .params(status == null ? Map.of() : Map.of("f_status", status.name()))
            .param("limit", limit)
            .param("offset", offset)
            .query((rs, n) -> batch(rs))
            .list()
            .stream()
            .map(this::withEvaluators)
            .toList();
    }

    public long countBatches(ScopeSql.Clause scope, AssessmentBatch.Status status) {
        return jdbc
            .sql("select count(*) from assessment_batch b where " + scope.sql()
                    + (status == null ? "" : " and b.status = :f_status"))
            .params(scope.params())
            .params(status == null ? Map.of() : Map.of("f_status", status.name()))
            .query(Long.class)
            .single();
    }

    /** Batches in publicity whose period ended before the day. */
    public List<Long> publicityEndedBefore(LocalDate day) {
        return jdbc
            .sql("select id from assessment_batch where status = 'PUBLICITY' and publicity_until < :d order by id")
            .param("d", day)
            .query(Long.class)
            .list();
    }

    /** Batches in publicity (their results are shown to everyone signed in). */
    public List<AssessmentBatch> inPublicity() {
        return jdbc.sql("select " + BATCH + " where b.status = 'PUBLICITY' order by b.publicity_until, b.id")
            .query((rs, n) -> batch(rs))
            .list()
            .stream()
            .map(this::withEvaluators)
            .toList();
    }

    public boolean changeBatch(long id, int version, String setSql, Map<String, Object> params) {
        return jdbc
            .sql("update assessment_batch set " + setSql + ", version = version + 1 where id = :id and version = :v")
            .param("id", id)
            .param("v", version)
            .params(params)
            .update() == 1;
    }

    // Candidates and results.

    public record CandidateRow(long id, long batchId, long personId, String source, Long enrolmentId,
            LocalDate tradeSince, String declaredLevel, String prerequisiteOutcome, Long resultId, Integer theory,
            Integer practical, Boolean passed, String resultStatus, String enteredBy, String signedOffBy) {
    }

    private static final String CANDIDATE = """
            c.id, c.batch_id, c.person_id, c.source, c.enrolment_id, c.trade_since, c.declared_level_code,
            c.prerequisite_outcome, r.id, r.theory_score, r.practical_score, r.passed, r.status, r.entered_by,
            r.signed_off_by
            from assessment_candidate c left join assessment_result r on r.candidate_id = c.id""";

    public long insertCandidate(long batchId, long personId, String source, Long enrolmentId, LocalDate tradeSince,
            String declaredLevel, String evidence, String outcome, String by, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into assessment_candidate (batch_id, person_id, source, enrolment_id, trade_since,
                  declared_level_code, declared_evidence, prerequisite_outcome, added_by, added_at)
                values (:b, :p, :s, :e, :t, :dl, :de, :o, :by, :at)""")
            .param("b", batchId)
            .param("p", personId)
            .param("s", source)
            .param("e", enrolmentId)
            .param("t", tradeSince)
            .param("dl", declaredLevel)
            .param("de", evidence)
            .param("o", outcome)
            .param("by", by)
            .param("at", Timestamp.from(at))
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public List<CandidateRow> candidates(long batchId) {
        return jdbc.sql("select " + CANDIDATE + " where c.batch_id = :b order by c.id")
            .param("b", batchId)
            .query((rs, n) -> candidate(rs))
            .list();
    }

    /** A person's candidacies in all batches, newest first. */
    public List<CandidateRow> candidaciesOf(long personId) {
        return jdbc.sql("select " + CANDIDATE + " where c.person_id = :p order by c.id desc")
            .param("p", personId)
            .query((rs, n) -> candidate(rs))
            .list();
    }

    public void upsertResult(long candidateId, long batchId, long personId, int theory, int practical, boolean passed,
            String by, Instant at) {
        int n = jdbc.sql("""
                update assessment_result set theory_score = :t, practical_score = :p, passed = :ok, status = 'ENTERED',
                  entered_by = :by, entered_at = :at, signed_off_by = null, signed_off_at = null, version = version + 1
                where candidate_id = :c and status = 'ENTERED'""")
            .param("t", theory)
            .param("p", practical)
            .param("ok", passed)
            .param("by", by)
            .param("at", Timestamp.from(at))
            .param("c", candidateId)
            .update();
        if (n == 0) {
            jdbc.sql("""
                    insert into assessment_result (candidate_id, batch_id, person_id, theory_score, practical_score,
                      passed, status, entered_by, entered_at)
                    values (:c, :b, :person, :t, :p, :ok, 'ENTERED', :by, :at)""")
                .param("c", candidateId)
                .param("b", batchId)
                .param("person", personId)
                .param("t", theory)
                .param("p", practical)
                .param("ok", passed)
                .param("by", by)
                .param("at", Timestamp.from(at))
                .update();
        }
    }

    public int signOff(long batchId, String by, Instant at) {
        return jdbc.sql("""
                update assessment_result set status = 'SIGNED_OFF', signed_off_by = :by, signed_off_at = :at,
                  version = version + 1 where batch_id = :b and status = 'ENTERED'""")
            .param("b", batchId)
            .param("by", by)
            .param("at", Timestamp.from(at))
            .update();
    }

    public int finaliseResults(long batchId) {
        return jdbc.sql("""
                update assessment_result set status = 'FINAL', version = version + 1
                where batch_id = :b and status = 'SIGNED_OFF'""").param("b", batchId).update();
    }

    public void cancelResult(long resultId) {
        jdbc.sql("""
                update assessment_result set status = 'CANCELLED', passed = false, version = version + 1
                where id = :id""").param("id", resultId).update();
    }

    /** A result's batch and person: null when there is no such result. */
    public record ResultRef(long id, long batchId, long personId, String status, boolean passed) {
    }

    public Optional<ResultRef> result(long id) {
        return jdbc.sql("select id, batch_id, person_id, status, passed from assessment_result where id = :id")
            .param("id", id)
            .query((rs, n) -> new ResultRef(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                    rs.getBoolean(5)))
            .optional();
    }

    // Challenges.

    private static final String CHALLENGE = """
            id, result_id, batch_id, reason, raised_by, raised_at, decision, decision_note, decided_by, decided_at
            from assessment_challenge""";

    public long insertChallenge(long resultId, long batchId, String reason, String by, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into assessment_challenge (result_id, batch_id, reason, raised_by, raised_at)
                values (:r, :b, :reason, :by, :at)""")
            .param("r", resultId)
            .param("b", batchId)
            .param("reason", reason)
            .param("by", by)
            .param("at", Timestamp.from(at))
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<Challenge> challenge(long id) {
        return jdbc.sql("select " + CHALLENGE + " where id = :id")
            .param("id", id)
            .query((rs, n) -> challenge(rs))
            .optional();
    }

    public List<Challenge> challenges(long batchId) {
        return jdbc.sql("select " + CHALLENGE + " where batch_id = :b order by id")
            .param("b", batchId)
            .query((rs, n) -> challenge(rs))
            .list();
    }

    public boolean decideChallenge(long id, Challenge.Decision decision, String note, String by, Instant at) {
        return jdbc.sql("""
                update assessment_challenge set decision = :d, decision_note = :n, decided_by = :by, decided_at = :at
                where id = :id and decision is null""")
            .param("d", decision.name())
            .param("n", note)
            .param("by", by)
            .param("at", Timestamp.from(at))
            .param("id", id)
            .update() == 1;
    }

    // Rules.

    /** One prerequisite row: an alternative's required level and years in the trade. */
    public record PrerequisiteRule(int alternative, String requiredLevel, int minYears) {
    }

    /**
     * The prerequisite rows for an occupation and level: the occupation's own if it has
     * any, else the default ones.
     */
    public List<PrerequisiteRule> prerequisites(String occupation, String level) {
        List<PrerequisiteRule> own = prerequisiteRows(occupation, level);
        return own.isEmpty() ? prerequisiteRows("*", level) : own;
    }

    private List<PrerequisiteRule> prerequisiteRows(String occupation, String level) {
        return jdbc.sql("""
                select alternative, required_level_code, min_years from assessment_prerequisite_rule
                where occupation_code = :o and level_code = :l order by alternative, id""")
            .param("o", occupation)
            .param("l", level)
            .query((rs, n) -> new PrerequisiteRule(rs.getInt(1), rs.getString(2), rs.getInt(3)))
            .list();
    }

    /** The pass marks: theory and practical minimum. */
    public int[] passMarks(String occupation, String level) {
        Map<String, int[]> rows = new LinkedHashMap<>();
        jdbc.sql("""
                select occupation_code, level_code, theory_min, practical_min from assessment_pass_rule
                where occupation_code in (:o, '*') and level_code in (:l, '*')""")
            .param("o", occupation)
            .param("l", level)
            .query((rs, n) -> rows.put(rs.getString(1) + "|" + rs.getString(2),
                    new int[] { rs.getInt(3), rs.getInt(4) }))
            .list();
        for (String key : List.of(occupation + "|" + level, occupation + "|*", "*|" + level, "*|*")) {
            if (rows.containsKey(key)) {
                return rows.get(key);
            }
        }
        return new int[] { 60, 60 };
    }

    private AssessmentBatch withEvaluators(AssessmentBatch b) {
        List<String> names = jdbc.sql("select name from assessment_batch_evaluator where batch_id = :b order by seq")
            .param("b", b.id())
            .query(String.class)
            .list();
        return new AssessmentBatch(b.id(), b.batchNo(), b.evaluationBodyId(), b.bodyName(), b.regionCode(),
                b.occupationCode(), b.levelCode(), b.kind(), b.assessedOn(), b.venue(), b.status(),
                b.provinceApproval(), b.approvedBy(), b.publicityFrom(), b.publicityUntil(), b.finalisedOn(),
                b.createdBy(), b.createdAt(), b.version(), new ArrayList<>(names));
    }

    private static AssessmentBatch batch(ResultSet rs) throws SQLException {
        return new AssessmentBatch(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), AssessmentBatch.Kind.valueOf(rs.getString(8)),
                rs.getObject(9, LocalDate.class), rs.getString(10), AssessmentBatch.Status.valueOf(rs.getString(11)),
                AssessmentBatch.Approval.valueOf(rs.getString(12)), rs.getString(13), rs.getObject(14, LocalDate.class),
                rs.getObject(15, LocalDate.class), rs.getObject(16, LocalDate.class), rs.getString(17),
                rs.getTimestamp(18).toInstant(), rs.getInt(19), List.of());
    }

    private static CandidateRow candidate(ResultSet rs) throws SQLException {
        return new CandidateRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                rs.getObject(5, Long.class), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8),
                rs.getObject(9, Long.class), rs.getObject(10, Integer.class), rs.getObject(11, Integer.class),
                rs.getObject(12, Boolean.class), rs.getString(13), rs.getString(14), rs.getString(15));
    }

    private static Challenge challenge(ResultSet rs) throws SQLException {
        Timestamp decided = rs.getTimestamp(10);
        return new Challenge(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getTimestamp(6).toInstant(),
                rs.getString(7) == null ? null : Challenge.Decision.valueOf(rs.getString(7)), rs.getString(8),
                rs.getString(9), decided == null ? null : decided.toInstant());
    }

}
