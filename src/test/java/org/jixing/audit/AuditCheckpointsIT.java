package org.jixing.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import jakarta.servlet.http.Cookie;

import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.jixing.audit.internal.AuditVerifyCommandAccess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The chain's head is signed into a file outside the database, so removing the last
 * entries together with the head row no longer passes verification (issue 16, item 8).
 */
class AuditCheckpointsIT extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditVerification verification;

    @Autowired
    AuditCheckpoints checkpoints;

    @Autowired
    DataSource dataSource;

    @Value("${jixing.audit.checkpoint.file}")
    Path file;

    boolean postgres() throws Exception {
        try (var c = dataSource.getConnection()) {
            return c.getMetaData().getURL().startsWith("jdbc:postgresql:");
        }
    }

    /** Changes the trail as its owner could (on PostgreSQL, with the triggers off). */
    void tamper(Consumer<JdbcClient> change) throws Exception {
        JdbcClient owner = asOwner();
        if (postgres()) {
            owner.sql("alter table audit_entry disable trigger user").update();
        }
        try {
            change.accept(owner);
        }
        finally {
            if (postgres()) {
                owner.sql("alter table audit_entry enable trigger user").update();
            }
        }
    }

    long lastSeq() {
        return jdbc.sql("select max(seq) from audit_entry").query(Long.class).single();
    }

    /** Three new entries, then a checkpoint of the head; returns the checkpoint. */
    Checkpoint entriesAndACheckpoint() {
        for (int i = 1; i <= 3; i++) {
            trail.recordIndependently(AuditEvent.byActor("test", "test.checkpoint", "test", String.valueOf(i)));
        }
        Checkpoint taken = checkpoints.take();
        assertThat(taken).isNotNull();
        assertThat(taken.seq()).isEqualTo(lastSeq());
        return taken;
    }

    @Test
    void cuttingTheLastEntriesAndTheHeadFailsVerificationNamingTheCheckpoint() throws Exception {
        // Signed in first: a sign-in is itself an entry.
        Cookie auditor = SignedIn.as(mvc, "auditor");
        Checkpoint taken = entriesAndACheckpoint();
        VerificationResult before = verification.verify();
        assertThat(before.intact()).isTrue();
        assertThat(before.checkpoint().seq()).isEqualTo(taken.seq());

        long cut = taken.seq() - 1;
        List<Map<String, Object>> removed = jdbc.sql("select * from audit_entry where seq >= :s order by seq")
            .param("s", cut)
            .query()
            .listOfRows();
        Map<String, Object> head = jdbc.sql("select last_seq, last_hash from audit_head where id = 1")
            .query()
            .singleRow();
        String newHead = jdbc.sql("select entry_hash from audit_entry where seq = :s")
            .param("s", cut - 1)
            .query(String.class)
            .single();
        try {
            tamper(owner -> {
                owner.sql("delete from audit_entry where seq >= :s").param("s", cut).update();
                owner.sql("update audit_head set last_seq = :s, last_hash = :h where id = 1")
                    .param("s", cut - 1)
                    .param("h", newHead)
                    .update();
            });
            VerificationResult result = verification.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.problem()).isEqualTo(VerificationResult.Problem.TRUNCATED);
            assertThat(result.brokenAt()).isEqualTo(cut);
            assertThat(result.checkpoint().seq()).isEqualTo(taken.seq());
            assertThat(AuditVerifyCommandAccess.exitCode(result)).isEqualTo(1);
            assertThat(AuditVerifyCommandAccess.describe(result)).contains("TRUNCATED")
                .contains("entry " + taken.seq());
            // No checkpoint of the shorter trail is signed over it.
            assertThat(checkpoints.take()).isNull();

            mvc.perform(get("/api/v1/audit/verification").cookie(auditor))
                .andExpect(jsonPath("$.problem").value("TRUNCATED"))
                .andExpect(jsonPath("$.checkpoint.seq").value(taken.seq()));
            mvc.perform(get("/audit/verification").param("run", "true").cookie(auditor))
                .andExpect(content().string(containsString("签名检查点表明日志曾更长")))
                .andExpect(content().string(containsString("核对所依据的签名检查点：第 " + taken.seq() + " 条记录")));
        }
        finally {
            tamper(owner -> {
                owner.sql("delete from audit_entry where seq >= :s").param("s", cut).update();
                for (Map<String, Object> row : removed) {
                    owner.sql("""
                            insert into audit_entry (seq, occurred_at, actor, actor_role, remote_addr, action,
                              record_type, record_id, before_json, after_json, prev_hash, entry_hash)
                            values (:seq, :occurred_at, :actor, :actor_role, :remote_addr, :action, :record_type,
                              :record_id, :before_json, :after_json, :prev_hash, :entry_hash)""").params(row).update();
                }
                owner.sql("update audit_head set last_seq = :last_seq, last_hash = :last_hash where id = 1")
                    .params(head)
                    .update();
            });
        }
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    void aForgedCheckpointLineIsReported() throws Exception {
        Cookie admin = SignedIn.as(mvc, "admin");
        Checkpoint taken = entriesAndACheckpoint();
        String kept = Files.readString(file, StandardCharsets.UTF_8);
        List<String> lines = kept.lines().toList();
        String last = lines.get(lines.size() - 1);
        // The same checkpoint claiming a longer trail, with the signature of the real
        // one.
        String forged = last.replaceFirst("^JXAC1\t" + taken.seq() + "\t", "JXAC1\t" + (taken.seq() + 50) + "\t");
        try {
            Files.writeString(file, kept + forged + "\n", StandardCharsets.UTF_8);
            VerificationResult result = verification.verify();
            assertThat(result.intact()).isFalse();
            assertThat(result.problem()).isEqualTo(VerificationResult.Problem.CHECKPOINT_FORGED);
            assertThat(result.checkpoint().line()).isEqualTo(lines.size() + 1);
            assertThat(result.checkpoint().signatureValid()).isFalse();
            mvc.perform(get("/audit/verification").param("run", "true").cookie(admin))
                .andExpect(content().string(containsString("检查点文件第 " + (lines.size() + 1) + " 行的签名无效")));
        }
        finally {
            Files.writeString(file, kept, StandardCharsets.UTF_8);
        }
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    void aTrailCutAndWrittenAgainPastItsCheckpointIsFound() throws Exception {
        Checkpoint taken = entriesAndACheckpoint();
        Map<String, Object> removed = jdbc.sql("select * from audit_entry where seq = :s")
            .param("s", taken.seq())
            .query()
            .singleRow();
        Map<String, Object> head = jdbc.sql("select last_seq, last_hash from audit_head where id = 1")
            .query()
            .singleRow();
        String previous = jdbc.sql("select entry_hash from audit_entry where seq = :s")
            .param("s", taken.seq() - 1)
            .query(String.class)
            .single();
        try {
            tamper(owner -> {
                owner.sql("delete from audit_entry where seq = :s").param("s", taken.seq()).update();
                owner.sql("update audit_head set last_seq = :s, last_hash = :h where id = 1")
                    .param("s", taken.seq() - 1)
                    .param("h", previous)
                    .update();
            });
            // A new entry takes the number of the one removed, with another hash.
            trail.recordIndependently(AuditEvent.byActor("test", "test.rewritten", "test", "x"));
            VerificationResult result = verification.verify();
            assertThat(result.problem()).isEqualTo(VerificationResult.Problem.CHECKPOINT_MISMATCH);
            assertThat(result.brokenAt()).isEqualTo(taken.seq());
        }
        finally {
            tamper(owner -> {
                owner.sql("delete from audit_entry where seq >= :s").param("s", taken.seq()).update();
                owner.sql("""
                        insert into audit_entry (seq, occurred_at, actor, actor_role, remote_addr, action,
                          record_type, record_id, before_json, after_json, prev_hash, entry_hash)
                        values (:seq, :occurred_at, :actor, :actor_role, :remote_addr, :action, :record_type,
                          :record_id, :before_json, :after_json, :prev_hash, :entry_hash)""").params(removed).update();
                owner.sql("update audit_head set last_seq = :last_seq, last_hash = :last_hash where id = 1")
                    .params(head)
                    .update();
            });
        }
        assertThat(verification.verify().intact()).isTrue();
    }

    @Test
    void theHeadIsCheckpointedWhenTheApplicationStopsAndNotTwiceUnchanged(@Autowired List<SmartLifecycle> lifecycles)
            throws Exception {
        trail.recordIndependently(AuditEvent.byActor("test", "test.shutdown", "test", "1"));
        SmartLifecycle checkpointing = lifecycles.stream()
            .filter(l -> l instanceof AuditCheckpoints)
            .findFirst()
            .orElseThrow();
        long linesBefore = Files.exists(file) ? Files.readAllLines(file).size() : 0;
        checkpointing.stop();
        checkpointing.start();
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize((int) linesBefore + 1);
        assertThat(lines.get(lines.size() - 1)).startsWith("JXAC1\t" + lastSeq() + "\t");
        assertThat(checkpoints.take()).isNull();
    }

    @Test
    void theAdministratorAndAuditorsDownloadTheCheckpointsWithTheKeyAndOthersCannot() throws Exception {
        Checkpoint taken = entriesAndACheckpoint();
        Cookie auditor = SignedIn.as(mvc, "auditor");
        mvc.perform(get("/audit/checkpoints").cookie(auditor))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString(checkpoints.publicKey().x509Base64())));
        mvc.perform(get("/audit/checkpoints.txt").cookie(admin()))
            .andExpect(status().isOk())
            .andExpect(header().string("Content-Disposition", containsString("attachment")))
            .andExpect(content().string(containsString("JXAC1\t" + taken.seq() + "\t" + taken.hash())))
            .andExpect(content().string(containsString(checkpoints.publicKey().x509Base64())));
        mvc.perform(get("/api/v1/audit/checkpoints").cookie(auditor))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.key.algorithm").value("Ed25519"))
            .andExpect(jsonPath("$.checkpoints[-1].seq").value(taken.seq()))
            .andExpect(jsonPath("$.checkpoints[-1].signatureValid").value(true));
        Cookie jinan = SignedIn.as(mvc, "jinan");
        mvc.perform(get("/audit/checkpoints").cookie(jinan)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit/checkpoints.txt").cookie(jinan)).andExpect(status().isForbidden());
    }

}
