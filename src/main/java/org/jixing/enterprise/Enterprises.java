package org.jixing.enterprise;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.enterprise.internal.EnterpriseStore;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.PageResult;
import org.jixing.shared.RegionCode;
import org.jixing.shared.UnifiedSocialCreditCode;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeGuard;
import org.jixing.shared.scope.ScopeSql;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enterprise registry. Province administrators register anywhere, city officers in
 * their region; officers read their region's enterprises, an enterprise account its own
 * record.
 */
@Service
public class Enterprises {

    private final EnterpriseStore store;

    private final ReferenceCatalogue reference;

    private final ScopeGuard guard;

    private final AuditTrail audit;

    private final Clock clock;

    Enterprises(EnterpriseStore store, ReferenceCatalogue reference, ScopeGuard guard, AuditTrail audit, Clock clock) {
        this.store = store;
        this.reference = reference;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    /** Who may register enterprises: the province and city officers. */
    public static boolean mayRegister(CurrentUser user) {
        return EnterprisePermission.ENTERPRISE_REGISTER.allows(user);
    }

    /**
     * Who may read the registry: officers and auditors (their region's enterprises) and
     * an enterprise (itself). Others have no business here and are refused, not shown an
     * empty list.
     */
    public static boolean mayRead(CurrentUser user) {
        return EnterprisePermission.ENTERPRISE_READ.allows(user);
    }

    private static void requireReader() {
        if (!mayRead(CurrentUser.require())) {
            throw new AccessDeniedException("enterprise registry");
        }
    }

    /** An enterprise the caller may see, or 404 (and an audited refusal). */
    @Transactional(readOnly = true)
    public Enterprise get(String creditCode) {
        requireReader();
        String code = UnifiedSocialCreditCode.normalize(creditCode);
        return guard.require(store.find(code, ScopeSql.forCurrentUser(EnterpriseStore.SCOPE)), "enterprise", code,
                () -> store.exists(code));
    }

    /**
     * Unscoped, for other modules' rules (is this enterprise registered, and where?).
     */
    @Transactional(readOnly = true)
    public Optional<Enterprise> find(String creditCode) {
        String code = UnifiedSocialCreditCode.normalize(creditCode);
        return code == null ? Optional.empty() : store.find(code, ScopeSql.UNSCOPED);
    }

    @Transactional(readOnly = true)
    public PageResult<Enterprise> search(String text, String regionCode, int page, int size) {
        requireReader();
        String region = regionCode != null && RegionCode.isWellFormed(regionCode) ? regionCode : null;
        var scope = ScopeSql.forCurrentUser(EnterpriseStore.SCOPE);
        return new PageResult<>(store.search(text, region, scope, PageResult.offset(page, size), size), page, size,
                store.count(text, region, scope));
    }

    /** Registers an enterprise; every broken rule is reported at once. */
    @Transactional
    public Enterprise register(NewEnterprise e) {
        CurrentUser me = CurrentUser.require();
        if (!mayRegister(me)) {
            throw new AccessDeniedException("enterprise registration");
        }
        List<Problem> problems = new ArrayList<>();
        String code = UnifiedSocialCreditCode.normalize(e.creditCode());
        if (!UnifiedSocialCreditCode.isValid(code)) {
            problems.add(new Problem("creditCode", "enterprise.error.creditCode.invalid"));
        }
        String name = e.name() == null ? "" : e.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            problems.add(new Problem("name", "enterprise.error.name"));
        }
        if (e.regionCode() == null || reference.region(e.regionCode()).isEmpty()) {
            problems.add(new Problem("regionCode", "enterprise.error.region.unknown"));
        }
        else if (!me.scope().coversRegion(e.regionCode())) {
            problems.add(new Problem("regionCode", "enterprise.error.region.outOfScope"));
        }
        if (problems.isEmpty() && store.exists(code)) {
            problems.add(new Problem("creditCode", "enterprise.error.creditCode.taken"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        try {
            store.insert(code, name, e.regionCode(), now);
        }
        catch (DuplicateKeyException ex) {
            throw InvalidInputException.of("creditCode", "enterprise.error.creditCode.taken");
        }
        Enterprise saved = store.find(code, ScopeSql.UNSCOPED).orElseThrow();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("creditCode", code);
        after.put("name", name);
        after.put("regionCode", e.regionCode());
        audit.record(AuditEvent.of("enterprise.register", "enterprise", code, null, after));
        return saved;
    }

}
