package org.jixing.account.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for account_second_factor and account_recovery_code. */
@Repository
public class SecondFactorStore {

    public record Factor(long userId, String secret, long lastUsedStep) {
    }

    public record RecoveryCode(long id, String hash) {
    }

    private final JdbcClient jdbc;

    private final SecondFactorSecrets secrets;

    SecondFactorStore(JdbcClient jdbc, SecondFactorSecrets secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    public Optional<Factor> find(long userId) {
        return jdbc.sql("select user_id, secret, last_used_step from account_second_factor where user_id = :u")
            .param("u", userId)
            .query((rs, n) -> new Factor(rs.getLong(1), secrets.open(rs.getString(2)), rs.getLong(3)))
            .optional();
    }

    public boolean isOn(long userId) {
        return jdbc.sql("select count(*) from account_second_factor where user_id = :u")
            .param("u", userId)
            .query(Long.class)
            .single() > 0;
    }

    /** False when the account has a factor already (two enrolments at once). */
    public boolean insert(long userId, String secret, long lastUsedStep, Instant now) {
        if (isOn(userId)) {
            return false;
        }
        try {
            jdbc.sql("""
                    insert into account_second_factor (user_id, secret, last_used_step, enrolled_at)
                    values (:u, :s, :step, :now)""")
                .param("u", userId)
                .param("s", secrets.seal(secret))
                .param("step", lastUsedStep)
                .param("now", Timestamp.from(now))
                .update();
            return true;
        }
        catch (DuplicateKeyException ex) {
            return false;
        }
    }

    /**
     * Marks a step used; false when it, or a later one, was used already (the same code
     * sent twice at once: one of them wins).
     */
    public boolean useStep(long userId, long step) {
        return jdbc.sql("""
                update account_second_factor set last_used_step = :step
                where user_id = :u and last_used_step < :step""").param("step", step).param("u", userId).update() == 1;
    }

    public void delete(long userId) {
        jdbc.sql("delete from account_recovery_code where user_id = :u").param("u", userId).update();
        jdbc.sql("delete from account_second_factor where user_id = :u").param("u", userId).update();
    }

    public void insertRecoveryCodes(long userId, List<String> hashes) {
        for (String hash : hashes) {
            jdbc.sql("insert into account_recovery_code (user_id, code_hash) values (:u, :h)")
                .param("u", userId)
                .param("h", hash)
                .update();
        }
    }

    public List<RecoveryCode> unusedRecoveryCodes(long userId) {
        return jdbc.sql("select id, code_hash from account_recovery_code where user_id = :u and used_at is null")
            .param("u", userId)
            .query((rs, n) -> new RecoveryCode(rs.getLong(1), rs.getString(2)))
            .list();
    }

    /** False when the code was used meanwhile. */
    public boolean useRecoveryCode(long id, Instant now) {
        return jdbc.sql("update account_recovery_code set used_at = :now where id = :id and used_at is null")
            .param("now", Timestamp.from(now))
            .param("id", id)
            .update() == 1;
    }

}
