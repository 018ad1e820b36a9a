package org.jixing.account.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.jixing.account.ApiToken;
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
            created_at, version""";

    private static final String USER_COLUMNS = Arrays.stream(COLUMNS.split(","))
        .map(c -> "u." + c.strip())
        .collect(Collectors.joining(", "));

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
                  enabled, password_changed_at, created_at, updated_at, version)
                values (:username, :display, :hash, :role, :kind, :ref, :region, true, :now, :now, :now, 0)
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

    public List<AccountRow> search(String text, Role role, ScopeSql.Clause scope, int offset, int limit) {
        var where = where(text, role, scope);
        return jdbc
            .sql("select " + COLUMNS + " from app_user where " + where.sql()
                    + " order by username offset :off rows fetch next :lim rows only")
            .params(where.params())
            .param("off", offset)
            .param("lim", limit)
            .query(AccountStore::map)
            .list();
    }

    public long count(String text, Role role, ScopeSql.Clause scope) {
        var where = where(text, role, scope);
        return jdbc.sql("select count(*) from app_user where " + where.sql())
            .params(where.params())
            .query(Long.class)
            .single();
    }

    private static ScopeSql.Clause where(String text, Role role, ScopeSql.Clause scope) {
        ScopeSql.Conditions where = ScopeSql.conditions(scope);
        if (text != null && !text.isBlank()) {
            where.and("(username like :text or lower(display_name) like :text)");
            where.param("text", "%" + text.strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%");
        }
        if (role != null) {
            where.and("role = :role", "role", role.name());
        }
        return where.clause();
    }

    public boolean update(long id, int version, String displayName, Role role, ScopeKind kind, String ref,
            String regionCode, Instant now) {
        return jdbc.sql("""
                update app_user set display_name = :d, role = :role, scope_kind = :kind, scope_ref = :ref,
                  region_code = :region, updated_at = :now, version = version + 1
                where id = :id and version = :v""")
            .param("d", displayName)
            .param("role", role.name())
            .param("kind", kind.name())
            .param("ref", ref)
            .param("region", regionCode)
            .param("now", Timestamp.from(now))
            .param("id", id)
            .param("v", version)
            .update() == 1;
    }

    public boolean setEnabled(long id, int version, boolean enabled, Instant now) {
        return jdbc.sql("""
                update app_user set enabled = :e, updated_at = :now, version = version + 1
                where id = :id and version = :v""")
            .param("e", enabled)
            .param("now", Timestamp.from(now))
            .param("id", id)
            .param("v", version)
            .update() == 1;
    }

    public void setPassword(long id, String hash, Instant now) {
        jdbc.sql("""
                update app_user set password_hash = :h, password_changed_at = :now, updated_at = :now,
                  version = version + 1 where id = :id""")
            .param("h", hash)
            .param("now", Timestamp.from(now))
            .param("id", id)
            .update();
    }

    public long insertToken(long userId, String name, String hash, Instant now, Instant expires) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into api_token (user_id, name, token_hash, created_at, expires_at)
                values (:u, :n, :h, :now, :exp)""")
            .param("u", userId)
            .param("n", name)
            .param("h", hash)
            .param("now", Timestamp.from(now))
            .param("exp", Timestamp.from(expires))
            .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** A live token: its account and when the token expires. */
    public record LiveToken(AccountRow account, Instant expiresAt) {
    }

    /**
     * The account of a live token (not revoked, not expired). When the token was last
     * used is kept to the minute: a terminal sending thousands of requests a second does
     * not write on each of them (nor queue them all behind one row lock).
     */
    public Optional<LiveToken> findByToken(String hash, Instant now) {
        record Live(AccountRow account, Timestamp lastUsed, Timestamp expires) {
        }
        Optional<Live> live = jdbc.sql("select " + USER_COLUMNS + """
                , t.last_used_at as token_last_used, t.expires_at as token_expires
                from api_token t join app_user u on u.id = t.user_id
                where t.token_hash = :h and t.revoked_at is null and t.expires_at > :now""")
            .param("h", hash)
            .param("now", Timestamp.from(now))
            .query((rs, n) -> new Live(map(rs, n), rs.getTimestamp("token_last_used"),
                    rs.getTimestamp("token_expires")))
            .optional();
        Instant stale = now.minusSeconds(60);
        live.filter(l -> l.lastUsed() == null || l.lastUsed().toInstant().isBefore(stale))
            .ifPresent(l -> jdbc.sql("""
                    update api_token set last_used_at = :now
                    where token_hash = :h and (last_used_at is null or last_used_at < :stale)""")
                .param("now", Timestamp.from(now))
                .param("h", hash)
                .param("stale", Timestamp.from(stale))
                .update());
        return live.map(l -> new LiveToken(l.account(), l.expires().toInstant()));
    }

    public List<ApiToken> tokens(long userId) {
        return jdbc.sql("""
                select id, name, created_at, expires_at, last_used_at, revoked_at from api_token
                where user_id = :u order by created_at desc""")
            .param("u", userId)
            .query((rs, n) -> new ApiToken(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
                    rs.getTimestamp(4).toInstant(), rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant(),
                    rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
            .list();
    }

    public boolean revokeToken(long userId, long tokenId, Instant now) {
        return jdbc.sql("update api_token set revoked_at = :now where id = :id and user_id = :u and revoked_at is null")
            .param("now", Timestamp.from(now))
            .param("id", tokenId)
            .param("u", userId)
            .update() == 1;
    }

    private static AccountRow map(ResultSet rs, int n) throws SQLException {
        return new AccountRow(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
                ScopeKind.valueOf(rs.getString("scope_kind")), rs.getString("scope_ref"), rs.getString("region_code"),
                rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant(), rs.getInt("version"));
    }

}
