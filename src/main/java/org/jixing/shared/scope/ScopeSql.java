package org.jixing.shared.scope;

import java.util.Map;

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

    public static Clause clause(DataScope scope, ScopeColumns columns) {
        String column = columns.column(scope.kind());
        if (column == null) {
            return new Clause("1=0", Map.of());
        }
        return switch (scope.kind()) {
            case PROVINCE, REGION -> new Clause(column + " like :scope_region_prefix",
                    Map.of("scope_region_prefix", new org.jixing.shared.RegionCode(scope.ref()).prefix() + "%"));
            case DEPARTMENT -> scope.actionLines().isEmpty() ? new Clause("1=0", Map.of())
                    : new Clause(column + " in (:scope_lines)", Map.of("scope_lines", scope.actionLines()));
            // Providers, evaluation bodies and people are bound by their numeric id;
            // enterprises by their credit code.
            case PROVIDER, EVALUATION_BODY,
                    PERSON ->
                scope.ref().matches("\\d{1,18}")
                        ? new Clause(column + " = :scope_ref", Map.of("scope_ref", Long.parseLong(scope.ref())))
                        : new Clause("1=0", Map.of());
            case ENTERPRISE -> new Clause(column + " = :scope_ref", Map.of("scope_ref", scope.ref()));
        };
    }

    /**
     * The clause for the signed-in user; fails closed ("1=0") when nobody is signed in.
     */
    public static Clause forCurrentUser(ScopeColumns columns) {
        return CurrentUser.current().map(u -> clause(u.scope(), columns)).orElse(new Clause("1=0", Map.of()));
    }

}
