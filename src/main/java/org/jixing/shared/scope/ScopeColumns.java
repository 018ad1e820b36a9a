package org.jixing.shared.scope;

import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which columns of a table (or a query's aliases) carry the things a scope can be bound
 * to. A table that has no column for a scope kind is invisible to users of that kind: the
 * mechanism fails closed.
 */
public final class ScopeColumns {

    private static final Pattern COLUMN = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");

    private final Map<ScopeKind, String> columns = new EnumMap<>(ScopeKind.class);

    private ScopeColumns() {
    }

    public static ScopeColumns create() {
        return new ScopeColumns();
    }

    /** The column holding a GB/T 2260 region code; serves PROVINCE and REGION scopes. */
    public ScopeColumns region(String column) {
        return put(ScopeKind.REGION, column);
    }

    /** The column holding an action-line code; serves DEPARTMENT scopes. */
    public ScopeColumns actionLine(String column) {
        return put(ScopeKind.DEPARTMENT, column);
    }

    public ScopeColumns provider(String column) {
        return put(ScopeKind.PROVIDER, column);
    }

    public ScopeColumns evaluationBody(String column) {
        return put(ScopeKind.EVALUATION_BODY, column);
    }

    public ScopeColumns enterprise(String column) {
        return put(ScopeKind.ENTERPRISE, column);
    }

    public ScopeColumns person(String column) {
        return put(ScopeKind.PERSON, column);
    }

    String column(ScopeKind kind) {
        return columns.get(kind == ScopeKind.PROVINCE ? ScopeKind.REGION : kind);
    }

    private ScopeColumns put(ScopeKind kind, String column) {
        // Column names go into SQL text, so only plain identifiers are accepted, never
        // request input.
        if (!COLUMN.matcher(column).matches()) {
            throw new IllegalArgumentException("not a column name: " + column);
        }
        columns.put(kind, column);
        return this;
    }

}
