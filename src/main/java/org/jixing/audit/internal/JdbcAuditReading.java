package org.jixing.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jixing.audit.AuditCheckpoints;
import org.jixing.audit.AuditEntries;
import org.jixing.audit.AuditEntry;
import org.jixing.audit.AuditFilter;
import org.jixing.audit.AuditPermission;
import org.jixing.audit.AuditVerification;
import org.jixing.audit.Checkpoint;
import org.jixing.audit.VerificationResult;
import org.jixing.shared.PageResult;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.RecordNotFoundException;
import org.jixing.shared.scope.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and verifies the trail. */
@Service
class JdbcAuditReading implements AuditEntries, AuditVerification {

    static final int BATCH = 5_000;

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final String COLUMNS = """
            seq, occurred_at, actor, actor_role, remote_addr, action, record_type, record_id, before_json,
            after_json, prev_hash, entry_hash""";

    private final JdbcClient jdbc;

    private final AuditCheckpoints checkpoints;

    private final Clock clock;

    private volatile VerificationResult last;

    JdbcAuditReading(JdbcClient jdbc, AuditCheckpoints checkpoints, Clock clock) {
        this.jdbc = jdbc;
        this.checkpoints = checkpoints;
        this.clock = clock;
    }

    /**
     * Signed-in readers must be the province administrator or an auditor; the command has
     * nobody.
     */
    private static void requireReader() {
        CurrentUser.current().ifPresent(u -> {
            if (!AuditPermission.AUDIT_READ.allows(u)) {
                throw new AccessDeniedException("the audit trail");
            }
        });
    }

    private record Row(AuditEntry entry, String prevHash) {
    }

    /**
     * Walks the chain from the first entry, then holds it against the signed checkpoints
     * of this trail (those whose first entry is this trail's): every checkpoint's entry
     * must still be there with the hash it had, so entries removed from the end, head row
     * and all, are found. A checkpoint line that does not verify is reported too.
     */
    @Override
    @Transactional(readOnly = true)
    public VerificationResult verify() {
        requireReader();
        List<Checkpoint> lines = checkpoints.all();
        Optional<Checkpoint> forged = lines.stream().filter(c -> !c.signatureValid()).findFirst();
        Map<Long, List<Checkpoint>> signed = new HashMap<>();
        lines.stream()
            .filter(Checkpoint::signatureValid)
            .forEach(c -> signed.computeIfAbsent(c.seq(), k -> new ArrayList<>()).add(c));
        long checked = 0;
        long expectedSeq = 1;
        String previousHash = JdbcAuditTrail.GENESIS;
        String chain = null;
        while (true) {
            List<Row> rows = jdbc
                .sql("select " + COLUMNS + " from audit_entry where seq >= :from order by seq fetch first " + BATCH
                        + " rows only")
                .param("from", expectedSeq)
                .query(JdbcAuditReading::row)
                .list();
            for (Row r : rows) {
                AuditEntry e = r.entry();
                if (e.seq() != expectedSeq) {
                    return done(checked, expectedSeq, VerificationResult.Problem.MISSING, null);
                }
                if (!Objects.equals(r.prevHash(), previousHash)) {
                    return done(checked, e.seq(), VerificationResult.Problem.BROKEN_LINK, null);
                }
                String recomputed = JdbcAuditTrail.AuditHash.of(r.prevHash(), e.seq(), e.occurredAt(), e.actor(),
                        e.actorRole(), e.remoteAddr(), e.action(), e.recordType(), e.recordId(), e.beforeJson(),
                        e.afterJson());
                if (!recomputed.equals(e.entryHash())) {
                    return done(checked, e.seq(), VerificationResult.Problem.CHANGED, null);
                }
                if (chain == null) {
                    chain = e.entryHash();
                }
                for (Checkpoint c : signed.getOrDefault(e.seq(), List.of())) {
                    if (c.chain().equals(chain) && !c.hash().equals(e.entryHash())) {
                        return done(checked, e.seq(), VerificationResult.Problem.CHECKPOINT_MISMATCH, c);
                    }
                }
                previousHash = e.entryHash();
                checked++;
                expectedSeq++;
            }
            if (rows.size() < BATCH) {
                break;
            }
        }
        long last = expectedSeq - 1;
        String trail = chain;
        Checkpoint latest = signed.values()
            .stream()
            .flatMap(List::stream)
            .filter(c -> c.chain().equals(trail))
            .max(Comparator.comparingLong(Checkpoint::seq).thenComparing(Checkpoint::line))
            .orElse(null);
        if (latest != null && latest.seq() > last) {
            return done(checked, last + 1, VerificationResult.Problem.TRUNCATED, latest);
        }
        var head = jdbc.sql("select last_seq, last_hash from audit_head where id = 1")
            .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
            .single();
        if (head.getKey() != last || !head.getValue().equals(previousHash)) {
            return done(checked, expectedSeq, VerificationResult.Problem.HEAD_MISMATCH, latest);
        }
        if (forged.isPresent()) {
            Checkpoint f = forged.get();
            return done(checked, f.seq() >= 0 ? f.seq() : null, VerificationResult.Problem.CHECKPOINT_FORGED, f);
        }
        return done(checked, null, null, latest);
    }

    private VerificationResult done(long checked, Long at, VerificationResult.Problem problem, Checkpoint checkpoint) {
        VerificationResult result = new VerificationResult(checked, at, problem, clock.instant(), checkpoint);
        last = result;
        return result;
    }

    @Override
    public VerificationResult last() {
        requireReader();
        return last;
    }

    @Override
    @Transactional(readOnly = true)
    public PageResult<AuditEntry> search(AuditFilter f, int page, int size) {
        requireReader();
        StringBuilder where = new StringBuilder("1=1");
        Map<String, Object> params = new HashMap<>();
        if (f.actor() != null && !f.actor().isBlank()) {
            where.append(" and actor = :actor");
            params.put("actor", f.actor().strip());
        }
        if (f.action() != null && !f.action().isBlank()) {
            where.append(" and action like :action");
            params.put("action", f.action().strip().replace("%", "") + "%");
        }
        if (f.recordType() != null && !f.recordType().isBlank()) {
            where.append(" and record_type = :type");
            params.put("type", f.recordType().strip());
        }
        if (f.recordId() != null && !f.recordId().isBlank()) {
            where.append(" and record_id = :rid");
            params.put("rid", f.recordId().strip());
        }
        if (f.from() != null) {
            where.append(" and occurred_at >= :from");
            params.put("from", Timestamp.from(f.from().atStartOfDay(CHINA).toInstant()));
        }
        if (f.to() != null) {
            where.append(" and occurred_at < :to");
            params.put("to", Timestamp.from(f.to().plusDays(1).atStartOfDay(CHINA).toInstant()));
        }
        List<AuditEntry> items = jdbc
            .sql("select " + COLUMNS + " from audit_entry where " + where
                    + " order by seq desc offset :off rows fetch next :lim rows only")
            .params(params)
            .param("off", PageResult.offset(page, size))
            .param("lim", size)
            .query(JdbcAuditReading::row)
            .list()
            .stream()
            .map(Row::entry)
            .toList();
        long total = jdbc.sql("select count(*) from audit_entry where " + where)
            .params(params)
            .query(Long.class)
            .single();
        return new PageResult<>(items, page, size, total);
    }

    @Override
    @Transactional(readOnly = true)
    public AuditEntry get(long seq) {
        requireReader();
        return jdbc.sql("select " + COLUMNS + " from audit_entry where seq = :s")
            .param("s", seq)
            .query(JdbcAuditReading::row)
            .optional()
            .map(Row::entry)
            .orElseThrow(() -> new RecordNotFoundException("audit entry", seq));
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(new AuditEntry(rs.getLong("seq"), rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor"), rs.getString("actor_role"), rs.getString("remote_addr"), rs.getString("action"),
                rs.getString("record_type"), rs.getString("record_id"), rs.getString("before_json"),
                rs.getString("after_json"), rs.getString("entry_hash")), rs.getString("prev_hash"));
    }

}
