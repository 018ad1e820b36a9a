package org.jixing.account.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeColumns;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.shared.scope.ScopeSql;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for app_user. Every read a user can trigger goes through the scope clause. */
@Repository
public class AccountStore {

    /** Accounts are scoped by the region they belong to. */
    public static final ScopeColumns SCOPE = ScopeColumns.create().region("region_code");

    private static final String COLUMNS = """
            id, username, display_name, password_hash, role, scope_kind, scope_ref, region_code, enabled,
            failed_attempts, locked_until, created_at, version""";

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AccountRow> findByUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from app_user where username = :u")
            .param("u", username)
            .query(AccountStore::map)
            .optional();
    }

    public Optional<AccountRow> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from app_user where id = :id")
            .param("id", id)
            .query(AccountStore::map)
            .optional();
    }

    public Optional<AccountRow> findByIdInScope(long id, ScopeSql.Clause scope) {
        return jdbc.sql("select " + COLUMNS + " from app_user where id = :id and " + scope.sql())
            .param("id", id)
            .params(scope.params())
            .query(AccountStore::map)
            .optional();
    }

    public List<AccountRow> listInScope(ScopeSql.Clause scope, int offset, int limit) {
        return jdbc
            .sql("select " + COLUMNS + " from app_user where " + scope.sql()
                    + " order by username offset :off rows fetch next :lim rows only")
            .params(scope.params())
            .param("off", offset)
            .param("lim", limit)
            .query(AccountStore::map)
            .list();
    }

    public long countInScope(ScopeSql.Clause scope) {
        return jdbc.sql("select count(*) from app_user where " + scope.sql())
            .params(scope.params())
            .query(Long.class)
            .single();
    }

    public boolean exists(long id) {
        return jdbc.sql("select count(*) from app_user where id = :id").param("id", id).query(Long.class).single() > 0;
    }

    public long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    public long insert(String username, String displayName, String passwordHash, Role role, ScopeKind kind, String ref,
            String regionCode, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into app_user (username, display_name, password_hash, role, scope_kind, scope_ref, region_code,
                  enabled, failed_attempts, password_changed_at, created_at, updated_at, version)
                values (:username, :display, :hash, :role, :kind, :ref, :region, true, 0, :now, :now, :now, 0)
                """)
            .param("username", username)
            .param("display", displayName)
            .param("hash", passwordHash)
            .param("role", role.name())
            .param("kind", kind.name())
            .param("ref", ref)
            .param("region", regionCode)
            .param("now", Timestamp.from(now))
            .update(keys, "id");
        return keys.getKey().longValue();
    }

    /**
     * Counts a failed sign-in; the fifth in a row locks the account until
     * {@code lockUntil} and starts the count again. Returns true when this failure locked
     * the account.
     */
    public boolean recordFailure(String username, int maxAttempts, Instant lockUntil) {
        int updated = jdbc.sql("""
                update app_user
                   set locked_until = case when failed_attempts + 1 >= :max then :until else locked_until end,
                       failed_attempts = case when failed_attempts + 1 >= :max then 0 else failed_attempts + 1 end
                 where username = :u
                """).param("max", maxAttempts).param("until", Timestamp.from(lockUntil)).param("u", username).update();
        if (updated == 0) {
            return false;
        }
        return findByUsername(username).map(r -> r.lockedUntil() != null && r.lockedUntil().equals(lockUntil))
            .orElse(false);
    }

    public void recordSuccess(String username) {
        jdbc.sql(
                "update app_user set failed_attempts = 0, locked_until = null where username = :u and (failed_attempts <> 0 or locked_until is not null)")
            .param("u", username)
            .update();
    }

    private static AccountRow map(ResultSet rs, int n) throws SQLException {
        Timestamp locked = rs.getTimestamp("locked_until");
        return new AccountRow(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
                ScopeKind.valueOf(rs.getString("scope_kind")), rs.getString("scope_ref"), rs.getString("region_code"),
                rs.getBoolean("enabled"), rs.getInt("failed_attempts"), locked == null ? null : locked.toInstant(),
                rs.getTimestamp("created_at").toInstant(), rs.getInt("version"));
    }

}
