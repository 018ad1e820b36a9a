package org.jixing.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

import jakarta.servlet.http.Cookie;

import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.jixing.audit.internal.AuditVerifyCommandAccess;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

class AuditIT extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditVerification verification;

    @Autowired
    AuditTrail trail;

    @Autowired
    DataSource dataSource;

    boolean postgres() throws Exception {
        try (var c = dataSource.getConnection()) {
            return c.getMetaData().getURL().startsWith("jdbc:postgresql:");
        }
    }

    /**
     * Lets a test tamper with the trail as the tables' owner could: on PostgreSQL the
     * application's role may not change entries, and triggers forbid it to the owner
     * until disabled.
     */
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

    long someEntry() {
        trail.recordIndependently(AuditEvent.byActor("test", "test.entry", "test", "1"));
        trail.recordIndependently(AuditEvent.byActor("test", "test.entry", "test", "2"));
        return jdbc.sql("select max(seq) from audit_entry").query(Long.class).single() - 1;
    }

    @Test
    void anIntactTrailVerifiesAndAChangedOrDeletedEntryIsFound() throws Exception {
        long seq = someEntry();
        assertThat(verification.verify().intact()).isTrue();

        Map<String, Object> row = jdbc.sql("select * from audit_entry where seq = :s")
            .param("s", seq)
            .query()
            .singleRow();
        tamper(owner -> owner.sql("update audit_entry set record_id = 'forged' where seq = :s")
            .param("s", seq)
            .update());
        VerificationResult changed = verification.verify();
        assertThat(changed.intact()).isFalse();
        assertThat(changed.brokenAt()).isEqualTo(seq);
        assertThat(changed.problem()).isEqualTo(VerificationResult.Problem.CHANGED);
        assertThat(AuditVerifyCommandAccess.exitCode(changed)).isEqualTo(1);

        tamper(owner -> owner.sql("delete from audit_entry where seq = :s").param("s", seq).update());
        VerificationResult deleted = verification.verify();
        assertThat(deleted.brokenAt()).isEqualTo(seq);
        assertThat(deleted.problem()).isEqualTo(VerificationResult.Problem.MISSING);

        tamper(owner -> owner.sql("""
                insert into audit_entry (seq, occurred_at, actor, actor_role, remote_addr, action, record_type,
                  record_id, before_json, after_json, prev_hash, entry_hash)
                values (:seq, :occurred_at, :actor, :actor_role, :remote_addr, :action, :record_type, :record_id,
                  :before_json, :after_json, :prev_hash, :entry_hash)""").params(row).update());
        assertThat(verification.verify().intact()).isTrue();
        assertThat(AuditVerifyCommandAccess.exitCode(verification.verify())).isZero();
    }

    @Test
    void postgresqlRefusesToChangeAnEntryEvenToTheTablesOwner() throws Exception {
        Assumptions.assumeTrue(postgres(), "triggers exist on PostgreSQL only");
        long seq = someEntry();
        JdbcClient owner = asOwner();
        assertThatThrownBy(
                () -> owner.sql("update audit_entry set actor = 'x' where seq = :s").param("s", seq).update())
            .hasMessageContaining("append-only");
        assertThatThrownBy(() -> owner.sql("delete from audit_entry where seq = :s").param("s", seq).update())
            .hasMessageContaining("append-only");
    }

    @Test
    void theApplicationsRoleCannotDisableTheAuditTriggerNorChangeOrRemoveEntries() throws Exception {
        Assumptions.assumeTrue(postgres(), "database roles are PostgreSQL's");
        String app = jdbc.sql("select current_user").query(String.class).single();
        String owner = asOwner().sql("select current_user").query(String.class).single();
        Assumptions.assumeFalse(app.equals(owner), "runs when the application connects as a role that does not own "
                + "the tables, as .ci/run does (-Djixing.it.db-owner)");
        long seq = someEntry();
        String hash = jdbc.sql("select entry_hash from audit_entry where seq = :s")
            .param("s", seq)
            .query(String.class)
            .single();
        assertThatThrownBy(() -> jdbc.sql("alter table audit_entry disable trigger audit_entry_no_update").update())
            .hasStackTraceContaining("must be owner");
        assertThatThrownBy(() -> jdbc.sql("alter table audit_entry disable trigger user").update())
            .hasStackTraceContaining("must be owner");
        assertThatThrownBy(() -> jdbc.sql("drop trigger audit_entry_no_update on audit_entry").update())
            .hasStackTraceContaining("must be owner");
        assertThatThrownBy(() -> jdbc.sql("update audit_entry set actor = 'x' where seq = :s").param("s", seq).update())
            .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_entry where seq >= :s").param("s", seq).update())
            .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_entry").update())
            .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("create table audit_copy (seq bigint)").update())
            .hasStackTraceContaining("permission denied");
        assertThat(jdbc.sql("select entry_hash from audit_entry where seq = :s")
            .param("s", seq)
            .query(String.class)
            .single()).isEqualTo(hash);
    }

    @Test
    void theAdministratorAndAuditorsReadTheTrailAndOthersCannot() throws Exception {
        Cookie auditor = SignedIn.as(mvc, "auditor");
        mvc.perform(get("/audit").cookie(auditor).param("action", "login"))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("login")));
        mvc.perform(get("/audit/verification").param("run", "true").cookie(auditor))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("审计日志完整")));
        mvc.perform(get("/api/v1/audit/verification").cookie(admin()))
            .andExpect(jsonPath("$.problem").doesNotExist())
            .andExpect(jsonPath("$.checked").isNumber());
        Cookie jinan = SignedIn.as(mvc, "jinan");
        mvc.perform(get("/audit").cookie(jinan)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/audit/entries").cookie(jinan)).andExpect(status().isForbidden());
    }

    @Test
    void passwordsAndFullPersonalNumbersNeverReachTheTrail() {
        trail.recordIndependently(new AuditEvent("test.masking", "test", "m1", null,
                Map.of("password", "secret-password-1", "note", "身份证 370102199001011237 手机 13912345678"), "test"));
        String after = jdbc.sql("select after_json from audit_entry where action = 'test.masking'")
            .query(String.class)
            .single();
        assertThat(after).doesNotContain("secret-password-1")
            .doesNotContain("370102199001011237")
            .doesNotContain("13912345678")
            .contains("370102********1237")
            .contains("139****5678");
    }

}
