package org.jixing.account;

import java.util.List;
import java.util.Optional;

import org.jixing.enterprise.Enterprises;
import org.jixing.person.People;
import org.jixing.provider.FiledBody;
import org.jixing.provider.Filings;
import org.jixing.provider.Registry;
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

    ScopeReferences(Filings filings, People people, Enterprises enterprises) {
        this.filings = filings;
        this.people = people;
        this.enterprises = enterprises;
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
