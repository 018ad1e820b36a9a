package org.jixing.provider;

import org.jixing.shared.scope.ScopeColumns;

/**
 * The two registries filed with the regions: training providers and evaluation bodies.
 * {@code path} is the URL segment of each ({@code /providers},
 * {@code /evaluation-bodies}).
 */
public enum Registry {

    PROVIDER("providers", ScopeColumns.create().region("b.region_code").provider("b.id")),

    EVALUATION_BODY("evaluation-bodies", ScopeColumns.create().region("b.region_code").evaluationBody("b.id"));

    private final String path;

    private final ScopeColumns scopeColumns;

    Registry(String path, ScopeColumns scopeColumns) {
        this.path = path;
        this.scopeColumns = scopeColumns;
    }

    public String path() {
        return path;
    }

    /**
     * Region officers see the bodies of their region; a provider's staff only their
     * provider, an evaluation body's staff only theirs. Line departments, enterprises and
     * trainees see none here (they will find active providers through the course
     * catalogue).
     */
    public ScopeColumns scopeColumns() {
        return scopeColumns;
    }

    public static Registry fromPath(String path) {
        for (Registry r : values()) {
            if (r.path.equals(path)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown registry " + path);
    }

}
