package org.jixing.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.shared.scope.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import tools.jackson.databind.json.JsonMapper;

/**
 * Appends hash-chained entries; the chain head row is locked so appends are serialised.
 */
@Service
class JdbcAuditTrail implements AuditTrail {

    /** The hash the first entry points at. */
    static final String GENESIS = "0".repeat(64);

    private final JdbcClient jdbc;

    private final JsonMapper json;

    JdbcAuditTrail(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditEvent event) {
        append(event);
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordIndependently(AuditEvent event) {
        append(event);
    }

    private void append(AuditEvent event) {
        var head = jdbc.sql("select last_seq, last_hash from audit_head where id = 1 for update")
            .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
            .single();
        long seq = head.getKey() + 1;
        String prev = head.getValue();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String actor = event.actor() != null ? event.actor()
                : CurrentUser.current().map(CurrentUser::username).orElse("system");
        String role = CurrentUser.current().map(u -> u.role().name()).orElse(null);
        String addr = remoteAddr();
        String before = toJson(event.before());
        String after = toJson(event.after());
        String hash = AuditHash.of(prev, seq, at, actor, role, addr, event.action(), event.recordType(),
                event.recordId(), before, after);
        jdbc.sql("""
                insert into audit_entry (seq, occurred_at, actor, actor_role, remote_addr, action, record_type,
                  record_id, before_json, after_json, prev_hash, entry_hash)
                values (:seq, :at, :actor, :role, :addr, :action, :type, :id, :before, :after, :prev, :hash)
                """)
            .param("seq", seq)
            .param("at", Timestamp.from(at))
            .param("actor", actor)
            .param("role", role)
            .param("addr", addr)
            .param("action", event.action())
            .param("type", event.recordType())
            .param("id", event.recordId())
            .param("before", before)
            .param("after", after)
            .param("prev", prev)
            .param("hash", hash)
            .update();
        jdbc.sql("update audit_head set last_seq = :seq, last_hash = :hash where id = 1")
            .param("seq", seq)
            .param("hash", hash)
            .update();
    }

    private String toJson(Map<String, ?> values) {
        return values == null ? null : json.writeValueAsString(PersonalDataMasker.mask(values));
    }

    private static String remoteAddr() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            return attrs.getRequest().getRemoteAddr();
        }
        return null;
    }

    /** The chain's hash function, shared by appending and verification. */
    static final class AuditHash {

        static String of(String prev, long seq, Instant at, String actor, String role, String addr, String action,
                String type, String id, String before, String after) {
            String canonical = String.join("\u001f", prev, Long.toString(seq), Long.toString(at.toEpochMilli()), actor,
                    String.valueOf(role), String.valueOf(addr), action, type, id, String.valueOf(before),
                    String.valueOf(after));
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                return HexFormat.of().formatHex(sha.digest(canonical.getBytes(StandardCharsets.UTF_8)));
            }
            catch (NoSuchAlgorithmException ex) {
                throw new IllegalStateException(ex);
            }
        }

    }

}
