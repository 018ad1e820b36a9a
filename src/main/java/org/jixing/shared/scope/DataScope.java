package org.jixing.shared.scope;

import java.io.Serializable;
import java.util.Objects;
import java.util.Set;

import org.jixing.shared.RegionCode;

/**
 * The rows a user may see. {@code ref} names the bound thing: a region code, a department
 * code, a provider id, an evaluation-body id, an enterprise credit code or a person id.
 * For a department the action lines it leads are resolved at sign-in, so queries need no
 * join to reference tables.
 */
public record DataScope(ScopeKind kind, String ref, Set<String> actionLines) implements Serializable {

    public DataScope {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(ref, "ref");
        actionLines = actionLines == null ? Set.of() : Set.copyOf(actionLines);
        if (kind == ScopeKind.REGION || kind == ScopeKind.PROVINCE) {
            new RegionCode(ref); // validates
        }
    }

    public static DataScope province(String provinceCode) {
        return new DataScope(ScopeKind.PROVINCE, provinceCode, Set.of());
    }

    public static DataScope region(String regionCode) {
        return new DataScope(ScopeKind.REGION, regionCode, Set.of());
    }

    public static DataScope of(ScopeKind kind, String ref) {
        return new DataScope(kind, ref, Set.of());
    }

    public boolean isProvinceWide() {
        return kind == ScopeKind.PROVINCE;
    }

    /**
     * True when a record in {@code regionCode} lies in this scope's region (province or
     * region kinds).
     */
    public boolean coversRegion(String regionCode) {
        if (regionCode == null) {
            return false;
        }
        return switch (kind) {
            case PROVINCE, REGION ->
                RegionCode.isWellFormed(regionCode) && new RegionCode(ref).contains(new RegionCode(regionCode));
            default -> false;
        };
    }
}
