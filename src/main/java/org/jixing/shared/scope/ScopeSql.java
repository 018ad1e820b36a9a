package org.jixing.shared.scope;

import java.util.HashMap;
import java.util.Map;

import org.jixing.shared.RegionCode;

/**
 * The one mechanism that confines queries to a user's scope. Every scoped query appends
 * {@code AND <clause.sql()>} and binds {@code clause.params()}: a list never includes a
 * row outside the scope, and a lookup by id outside it finds nothing (so the page or API
 * answers 404).
 *
 * <pre>
 * var clause = ScopeSql.clause(user.scope(), COLUMNS);
 * jdbc.sql("select ... from app_user u where u.id = :id and " + clause.sql())
 *     .param("id", id).params(clause.params()) ...
 * </pre>
 */
public final class ScopeSql {

    private ScopeSql() {
    }

    public record Clause(String sql, Map<String, Object> params) {
    }

    /**
     * No condition at all. Only for a module's own reads that no user's request names: a
     * rule another module checks (may this provider open a class?), re-reading a row just
     * written, or a scheduled process. A lookup for a request always takes
     * {@link #forCurrentUser} instead, so that it fails closed.
     */
    public static final Clause UNSCOPED = new Clause("1=1", Map.of());

    /** Nothing is in scope (the fail-closed answer). */
    private static final Clause NOTHING = new Clause("1=0", Map.of());

    /**
     * A scope clause with a query's own conditions added, each joined by {@code and}:
     *
     * <pre>
     * var where = ScopeSql.conditions(scope);
     * if (status != null) {
     *     where.and("c.status = :status", "status", status.name());
     * }
     * return where.clause();
     * </pre>
     */
    public static Conditions conditions(Clause scope) {
        return new Conditions(scope.sql(), scope.params());
    }

    /** Conditions added to a clause; see {@link #conditions}. */
    public static final class Conditions {

        private final StringBuilder sql;

        private final Map<String, Object> params;

        private Conditions(String sql, Map<String, Object> params) {
            this.sql = new StringBuilder(sql);
            this.params = new HashMap<>(params);
        }

        /** Adds {@code and <condition>}, a condition without parameters. */
        public Conditions and(String condition) {
            sql.append(" and ").append(condition);
            return this;
        }

        /** Adds {@code and <condition>} and binds the one parameter it names. */
        public Conditions and(String condition, String name, Object value) {
            and(condition);
            params.put(name, value);
            return this;
        }

        /**
         * Adds {@code and <clause>} with the clause's parameters (a subquery's
         * conditions, say).
         */
        public Conditions and(Clause clause) {
            and(clause.sql());
            params.putAll(clause.params());
            return this;
        }

        /** Binds a parameter of a condition added with {@link #and(String)}. */
        public Conditions param(String name, Object value) {
            params.put(name, value);
            return this;
        }

        public Clause clause() {
            return new Clause(sql.toString(), params);
        }

    }

    public static Clause clause(DataScope scope, ScopeColumns columns) {
        String column = columns.column(scope.kind());
        if (column == null) {
            return NOTHING;
        }
        return switch (scope.kind()) {
            case PROVINCE, REGION -> new Clause(column + " like :scope_region_prefix",
                    Map.of("scope_region_prefix", new RegionCode(scope.ref()).prefix() + "%"));
            case DEPARTMENT -> scope.actionLines().isEmpty() ? NOTHING
                    : new Clause(column + " in (:scope_lines)", Map.of("scope_lines", scope.actionLines()));
            // Providers, evaluation bodies and people are bound by their numeric id;
            // enterprises by their credit code.
            case PROVIDER, EVALUATION_BODY, PERSON -> scope.ref().matches("\\d{1,18}")
                    ? new Clause(column + " = :scope_ref", Map.of("scope_ref", Long.parseLong(scope.ref()))) : NOTHING;
            case ENTERPRISE -> new Clause(column + " = :scope_ref", Map.of("scope_ref", scope.ref()));
        };
    }

    /**
     * The clause for the signed-in user; fails closed ("1=0") when nobody is signed in.
     */
    public static Clause forCurrentUser(ScopeColumns columns) {
        return CurrentUser.current().map(u -> clause(u.scope(), columns)).orElse(NOTHING);
    }

}
