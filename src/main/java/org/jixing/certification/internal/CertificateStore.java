package org.jixing.certification.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jixing.certification.Certificate;
import org.jixing.certification.CertificateFilter;
import org.jixing.certification.CertificateRoute;
import org.jixing.certification.CertificateStatus;
import org.jixing.certification.RevocationReason;
import org.jixing.certification.SigningKey;
import org.jixing.shared.scope.ScopeColumns;
import org.jixing.shared.scope.ScopeSql;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for certificates, their number counters and the published signing keys. */
@Repository
public class CertificateStore {

    /**
     * The province and auditors see all, a city officer the certificates its region's
     * bodies issued, an evaluator its body's, a trainee their own; enterprises and line
     * departments none.
     */
    public static final ScopeColumns SCOPE = ScopeColumns.create()
        .region("c.region_code")
        .evaluationBody("c.evaluation_body_id")
        .person("c.person_id");

    private static final String COLUMNS = """
            c.id, c.cert_no, c.person_id, c.holder_name, c.occupation_code, c.level_code, c.evaluation_body_id,
            c.body_name, c.region_code, c.issued_on, c.route, c.batch_id, c.result_id, c.status, c.revoked_at,
            c.revoked_by, c.revoke_reason, c.revoke_details, c.key_id, c.token_payload, c.signature, c.issued_by,
            c.created_at, c.version
            from certificate c""";

    private final JdbcClient jdbc;

    CertificateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next sequence number of a region and year (the counter row is locked). */
    public int nextSequence(String region, int year) {
        for (int attempt = 0;; attempt++) {
            int n = jdbc
                .sql("update certificate_counter set last_seq = last_seq + 1 where region_code = :r and cert_year = :y")
                .param("r", region)
                .param("y", year)
                .update();
            if (n == 1) {
                return jdbc.sql("select last_seq from certificate_counter where region_code = :r and cert_year = :y")
                    .param("r", region)
                    .param("y", year)
                    .query(Integer.class)
                    .single();
            }
            try {
                jdbc.sql("insert into certificate_counter (region_code, cert_year, last_seq) values (:r, :y, 1)")
                    .param("r", region)
                    .param("y", year)
                    .update();
                return 1;
            }
            catch (DuplicateKeyException raced) {
                if (attempt > 2) {
                    throw raced;
                }
            }
        }
    }

    public record NewCertificate(String number, long personId, String holderName, String occupationCode,
            String levelCode, long bodyId, String bodyName, String regionCode, LocalDate issuedOn,
            CertificateRoute route, Long batchId, Long resultId, String keyId, String payload, String signature,
            String issuedBy, Instant at) {
    }

    /**
     * Inserts a valid certificate; DuplicateKeyException when the person holds it
     * already.
     */
    public long insert(NewCertificate c) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into certificate (cert_no, person_id, holder_name, occupation_code, level_code,
                  evaluation_body_id, body_name, region_code, issued_on, route, batch_id, result_id, status, valid_slot,
                  key_id, token_payload, signature, issued_by, created_at)
                values (:no, :p, :name, :occ, :lvl, :body, :bodyName, :region, :on, :route, :batch, :result, 'VALID', 1,
                  :kid, :payload, :sig, :by, :at)""")
            .param("no", c.number())
            .param("p", c.personId())
            .param("name", c.holderName())
            .param("occ", c.occupationCode())
            .param("lvl", c.levelCode())
            .param("body", c.bodyId())
            .param("bodyName", c.bodyName())
            .param("region", c.regionCode())
            .param("on", c.issuedOn())
            .param("route", c.route().name())
            .param("batch", c.batchId())
            .param("result", c.resultId())
            .param("kid", c.keyId())
            .param("payload", c.payload())
            .param("sig", c.signature())
            .param("by", c.issuedBy())
            .param("at", Timestamp.from(c.at()))
            .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Revokes at the version seen; false when it changed or was revoked meanwhile. */
    public boolean revoke(long id, int version, RevocationReason reason, String details, String by, Instant at) {
        return jdbc.sql("""
                update certificate set status = 'REVOKED', valid_slot = null, revoked_at = :at, revoked_by = :by,
                  revoke_reason = :reason, revoke_details = :details, version = version + 1
                where id = :id and version = :v and status = 'VALID'""")
            .param("at", Timestamp.from(at))
            .param("by", by)
            .param("reason", reason.name())
            .param("details", details)
            .param("id", id)
            .param("v", version)
            .update() == 1;
    }

    public Optional<Certificate> find(long id, ScopeSql.Clause scope) {
        return jdbc.sql("select " + COLUMNS + " where c.id = :id and " + scope.sql())
            .param("id", id)
            .params(scope.params())
            .query((rs, n) -> certificate(rs))
            .optional();
    }

    public Optional<Certificate> findByNumber(String number, ScopeSql.Clause scope) {
        return jdbc.sql("select " + COLUMNS + " where c.cert_no = :no and " + scope.sql())
            .param("no", number)
            .params(scope.params())
            .query((rs, n) -> certificate(rs))
            .optional();
    }

    public boolean exists(long id) {
        return jdbc.sql("select count(*) from certificate where id = :id")
            .param("id", id)
            .query(Long.class)
            .single() > 0;
    }

    public boolean existsNumber(String number) {
        return jdbc.sql("select count(*) from certificate where cert_no = :no")
            .param("no", number)
            .query(Long.class)
            .single() > 0;
    }

    /** The valid certificates a person holds in an occupation, by level code. */
    public List<String> validLevels(long personId, String occupationCode) {
        return jdbc
            .sql("""
                    select level_code from certificate where person_id = :p and occupation_code = :o and status = 'VALID'""")
            .param("p", personId)
            .param("o", occupationCode)
            .query(String.class)
            .list();
    }

    /**
     * Of the given people, those holding a valid certificate of the level issued since
     * the day.
     */
    public Set<Long> holders(Collection<Long> personIds, String occupationCode, String levelCode, LocalDate since) {
        if (personIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                select person_id from certificate
                where person_id in (:ids) and occupation_code = :o and level_code = :l and status = 'VALID'
                  and issued_on >= :since""")
            .param("ids", personIds)
            .param("o", occupationCode)
            .param("l", levelCode)
            .param("since", since)
            .query(Long.class)
            .list());
    }

    public List<Certificate> ofPerson(long personId, ScopeSql.Clause scope) {
        return jdbc
            .sql("select " + COLUMNS + " where c.person_id = :p and " + scope.sql()
                    + " order by c.occupation_code, c.issued_on, c.id")
            .param("p", personId)
            .params(scope.params())
            .query((rs, n) -> certificate(rs))
            .list();
    }

    public record Page(List<Certificate> rows, long total) {
    }

    public Page search(CertificateFilter f, ScopeSql.Clause scope, int page, int size) {
        ScopeSql.Conditions conditions = ScopeSql.conditions(scope);
        if (f.query() != null && !f.query().isBlank()) {
            conditions.and("(c.cert_no like :q or c.holder_name like :q)", "q",
                    "%" + f.query().strip().replace("%", "").replace("_", "") + "%");
        }
        if (f.levelCode() != null && !f.levelCode().isBlank()) {
            conditions.and("c.level_code = :lvl", "lvl", f.levelCode());
        }
        if (f.status() != null) {
            conditions.and("c.status = :st", "st", f.status().name());
        }
        ScopeSql.Clause clause = conditions.clause();
        String where = " where " + clause.sql();
        Map<String, Object> params = clause.params();
        long total = jdbc.sql("select count(*) from certificate c" + where).params(params).query(Long.class).single();
        List<Certificate> rows = jdbc.sql("select " + COLUMNS + where + " order by c.id desc limit :lim offset :off")
            .params(params)
            .param("lim", size)
            .param("off", (long) page * size)
            .query((rs, n) -> certificate(rs))
            .list();
        return new Page(rows, total);
    }

    public List<SigningKey> keys() {
        return jdbc.sql(
                "select key_id, algorithm, public_key, created_at, retired_at from signing_key order by created_at, key_id")
            .query((rs, n) -> new SigningKey(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4),
                    instant(rs, 5)))
            .list();
    }

    public Optional<SigningKey> key(String keyId) {
        return jdbc
            .sql("select key_id, algorithm, public_key, created_at, retired_at from signing_key where key_id = :k")
            .param("k", keyId)
            .query((rs, n) -> new SigningKey(rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4),
                    instant(rs, 5)))
            .optional();
    }

    /** Publishes a key unless it is already; retires every other key still signing. */
    public void publish(String keyId, String algorithm, String publicKey, Instant at) {
        if (key(keyId).isEmpty()) {
            try {
                jdbc.sql("""
                        insert into signing_key (key_id, algorithm, public_key, created_at)
                        values (:k, :a, :p, :at)""")
                    .param("k", keyId)
                    .param("a", algorithm)
                    .param("p", publicKey)
                    .param("at", Timestamp.from(at))
                    .update();
            }
            catch (DuplicateKeyException raced) {
                // published by another transaction meanwhile
            }
            jdbc.sql("update signing_key set retired_at = :at where key_id <> :k and retired_at is null")
                .param("at", Timestamp.from(at))
                .param("k", keyId)
                .update();
        }
    }

    /** Certificates issued in a year by level code: issued, revoked since. */
    public Map<String, long[]> issuedByLevel(int year, ScopeSql.Clause scope) {
        Map<String, long[]> out = new HashMap<>();
        jdbc.sql("select c.level_code, count(*), sum(case when c.status = 'REVOKED' then 1 else 0 end) "
                + "from certificate c where c.issued_on >= :from and c.issued_on < :to and " + scope.sql()
                + " group by c.level_code")
            .param("from", LocalDate.of(year, 1, 1))
            .param("to", LocalDate.of(year + 1, 1, 1))
            .params(scope.params())
            .query((rs, n) -> out.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) }))
            .list();
        return out;
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    private static Certificate certificate(ResultSet rs) throws SQLException {
        String reason = rs.getString("revoke_reason");
        String token = "JX1." + rs.getString("token_payload") + "." + rs.getString("signature");
        return new Certificate(rs.getLong("id"), rs.getString("cert_no"), rs.getLong("person_id"),
                rs.getString("holder_name"), rs.getString("occupation_code"), rs.getString("level_code"),
                rs.getLong("evaluation_body_id"), rs.getString("body_name"), rs.getString("region_code"),
                rs.getObject("issued_on", LocalDate.class), CertificateRoute.valueOf(rs.getString("route")),
                (Long) rs.getObject("batch_id", Long.class), (Long) rs.getObject("result_id", Long.class),
                CertificateStatus.valueOf(rs.getString("status")), instant(rs, 15), rs.getString("revoked_by"),
                reason == null ? null : RevocationReason.valueOf(reason), rs.getString("revoke_details"),
                rs.getString("key_id"), token, rs.getString("issued_by"), instant(rs, 23), rs.getInt("version"));
    }

}
