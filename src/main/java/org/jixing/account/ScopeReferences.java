package org.jixing.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jixing.enterprise.Enterprises;
import org.jixing.person.People;
import org.jixing.provider.FiledBody;
import org.jixing.provider.Filings;
import org.jixing.provider.Registry;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.RegionCode;
import org.jixing.shared.UnifiedSocialCreditCode;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.ScopeKind;
import org.springframework.stereotype.Component;

/**
 * Where the thing an account's scope names lies, asked of the module that owns it (a
 * provider or evaluation body of the filing registry, a person of the trainee registry,
 * an enterprise of the enterprise registry). An administrator may bind an account only to
 * a thing inside their own region, and the account's region must contain it: otherwise
 * the administrator could mint an account that reads another city's records.
 * <p>
 * A reference that does not exist and one that lies in another region get the same
 * answer, naming the reference, so the check does not tell a city officer what exists
 * elsewhere.
 */
@Component
class ScopeReferences {

    private final Filings filings;

    private final People people;

    private final Enterprises enterprises;

    private final ReferenceCatalogue reference;

    ScopeReferences(Filings filings, People people, Enterprises enterprises, ReferenceCatalogue reference) {
        this.reference = reference;
        this.filings = filings;
        this.people = people;
        this.enterprises = enterprises;
    }

    /**
     * Checks that the role allows the scope kind, that a region, province or department
     * scope names one that exists, and that the account's region fits it.
     */
    List<Problem> checkShape(NewAccount cmd) {
        List<Problem> problems = new ArrayList<>();
        if (cmd.role() == null) {
            problems.add(new Problem("role", "account.role.required"));
            return problems;
        }
        if (cmd.scopeKind() == null || !cmd.role().allows(cmd.scopeKind())) {
            problems.add(new Problem("scopeKind", "account.scope.notAllowedForRole"));
            return problems;
        }
        String ref = cmd.scopeRef() == null ? "" : cmd.scopeRef().trim();
        if (ref.isEmpty()) {
            problems.add(new Problem("scopeRef", "account.scope.refRequired"));
        }
        else if (cmd.scopeKind() == ScopeKind.PROVINCE || cmd.scopeKind() == ScopeKind.REGION) {
            var region = reference.region(ref);
            if (region.isEmpty()) {
                problems.add(new Problem("scopeRef", "account.scope.unknownRegion", ref));
            }
            else if ((cmd.scopeKind() == ScopeKind.PROVINCE) != (region.get().level() == RegionCode.Level.PROVINCE)) {
                problems.add(new Problem("scopeRef", "account.scope.wrongRegionLevel", ref));
            }
        }
        else if (cmd.scopeKind() == ScopeKind.DEPARTMENT
                && reference.departments().stream().noneMatch(d -> d.code().equals(ref))) {
            problems.add(new Problem("scopeRef", "account.scope.unknownDepartment", ref));
        }
        if (cmd.regionCode() == null || reference.region(cmd.regionCode()).isEmpty()) {
            problems.add(new Problem("regionCode", "account.region.unknown", cmd.regionCode()));
        }
        else if ((cmd.scopeKind() == ScopeKind.REGION || cmd.scopeKind() == ScopeKind.PROVINCE)
                && !ref.equals(cmd.regionCode())) {
            problems.add(new Problem("regionCode", "account.region.mustMatchScope"));
        }
        return problems;
    }

    /**
     * The problems with binding an account in {@code accountRegion} to {@code kind:ref},
     * as {@code admin}; region, province and department scopes are checked elsewhere
     * (their reference is the region or a reference-data code).
     */
    List<Problem> check(CurrentUser admin, ScopeKind kind, String ref, String accountRegion) {
        Optional<String> region = switch (kind) {
            case PROVIDER -> body(Registry.PROVIDER, ref);
            case EVALUATION_BODY -> body(Registry.EVALUATION_BODY, ref);
            case PERSON -> id(ref).flatMap(people::find).map(p -> p.regionCode());
            case ENTERPRISE -> UnifiedSocialCreditCode.isValid(UnifiedSocialCreditCode.normalize(ref))
                    ? enterprises.find(ref).map(e -> e.regionCode()) : Optional.empty();
            case PROVINCE, REGION, DEPARTMENT -> Optional.of("");
        };
        if (kind == ScopeKind.PROVINCE || kind == ScopeKind.REGION || kind == ScopeKind.DEPARTMENT) {
            return List.of();
        }
        String key = "account.scope.notInRegion." + kind.name();
        if (region.isEmpty() || !admin.scope().coversRegion(region.get())) {
            return List.of(new Problem("scopeRef", key, ref));
        }
        if (accountRegion == null || !RegionCode.isWellFormed(accountRegion)
                || !new RegionCode(accountRegion).contains(new RegionCode(region.get()))) {
            return List.of(new Problem("regionCode", "account.scope.regionMismatch", ref, region.get()));
        }
        return List.of();
    }

    private Optional<String> body(Registry registry, String ref) {
        return id(ref).flatMap(id -> filings.find(registry, id)).map(FiledBody::regionCode);
    }

    private static Optional<Long> id(String ref) {
        return ref != null && ref.matches("\\d{1,18}") ? Optional.of(Long.parseLong(ref)) : Optional.empty();
    }

}
