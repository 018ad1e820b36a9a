package org.jixing.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jixing.account.internal.AccountRow;
import org.jixing.account.internal.AccountStore;
import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.PageResult;
import org.jixing.shared.UnifiedSocialCreditCode;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeGuard;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.shared.scope.ScopeSql;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administering accounts: opening them, looking them up, changing their role, scope or
 * password, switching them off. What a user does with their own account is
 * {@link OwnAccount}'s.
 */
@Service
public class Accounts {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    private final AccountStore store;

    private final PasswordEncoder passwords;

    private final AuditTrail audit;

    private final Clock clock;

    private final ScopeGuard guard;

    private final ScopeReferences scopeReferences;

    private final ApplicationEventPublisher events;

    Accounts(AccountStore store, PasswordEncoder passwords, AuditTrail audit, Clock clock, ScopeGuard guard,
            ScopeReferences scopeReferences, ApplicationEventPublisher events) {
        this.guard = guard;
        this.scopeReferences = scopeReferences;
        this.events = events;
        this.store = store;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** Opens an account after checking every rule; all problems are reported at once. */
    @Transactional
    public Account create(NewAccount cmd) {
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        String username = cmd.username() == null ? "" : cmd.username().trim().toLowerCase(Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            problems.add(new InvalidInputException.Problem("username", "account.username.invalid"));
        }
        else if (store.findByUsername(username).isPresent()) {
            problems.add(new InvalidInputException.Problem("username", "account.username.taken"));
        }
        if (cmd.displayName() == null || cmd.displayName().isBlank() || cmd.displayName().length() > 100) {
            problems.add(new InvalidInputException.Problem("displayName", "account.displayName.invalid"));
        }
        problems.addAll(PasswordPolicy.check("password", cmd.password(), username));
        problems.addAll(scopeReferences.checkShape(cmd));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        long id = store.insert(username, cmd.displayName().trim(), passwords.encode(cmd.password()), cmd.role(),
                cmd.scopeKind(), storedRef(cmd.scopeKind(), cmd.scopeRef()), cmd.regionCode(), now);
        Account account = store.findById(id).map(r -> r.toAccount()).orElseThrow();
        audit.record(AuditEvent.of("account.create", "account", id, null, describe(account)));
        return account;
    }

    /**
     * Roles a city officer may give: the accounts of the region's providers, firms and
     * people.
     */
    static final Set<Role> CITY_MANAGED = EnumSet.of(Role.PROVIDER_STAFF, Role.ENTERPRISE, Role.TRAINEE);

    /**
     * Province administrators manage every account; city officers the provider,
     * enterprise and trainee accounts of their region. Everybody else manages none.
     */
    private static CurrentUser requireAdministrator() {
        CurrentUser me = CurrentUser.require();
        if (!AccountPermission.ACCOUNT_ADMIN.allows(me)) {
            throw new AccessDeniedException("user administration");
        }
        return me;
    }

    private static void requireManageable(CurrentUser me, Role role, String regionCode) {
        if (me.hasRole(Role.CITY_OFFICER) && (!CITY_MANAGED.contains(role) || !me.scope().coversRegion(regionCode))) {
            throw new InvalidInputException(
                    List.of(new InvalidInputException.Problem("role", "account.role.notManageable")));
        }
    }

    /** Opens an account on behalf of an administrator, within what they may manage. */
    @Transactional
    public Account createAs(NewAccount cmd) {
        CurrentUser me = requireAdministrator();
        if (cmd.role() != null) {
            requireManageable(me, cmd.role(), cmd.regionCode());
        }
        List<InvalidInputException.Problem> shape = scopeReferences.checkShape(cmd);
        if (shape.isEmpty()) {
            List<InvalidInputException.Problem> problems = scopeReferences.check(me, cmd.scopeKind(),
                    cmd.scopeRef().trim(), cmd.regionCode());
            if (!problems.isEmpty()) {
                auditRefusal(me, "account.create.refused", String.valueOf(cmd.username()), cmd.scopeKind(),
                        cmd.scopeRef());
                throw new InvalidInputException(problems);
            }
        }
        return create(cmd);
    }

    /**
     * The reference as scopes compare it: a credit code in capitals, as the registry
     * keeps it.
     */
    private static String storedRef(ScopeKind kind, String ref) {
        return kind == ScopeKind.ENTERPRISE ? UnifiedSocialCreditCode.normalize(ref) : ref.trim();
    }

    /**
     * A refused scope reference is worth a trace: it is how one would probe for another
     * region's providers or people.
     */
    private void auditRefusal(CurrentUser me, String action, String recordId, ScopeKind kind, String ref) {
        audit.recordIndependently(new AuditEvent(action, "account", recordId, null,
                Map.of("scopeKind", kind.name(), "scopeRef", ref.trim()), me.username()));
    }

    @Transactional(readOnly = true)
    public PageResult<Account> search(String text, Role role, int page, int size) {
        requireAdministrator();
        var scope = ScopeSql.forCurrentUser(AccountStore.SCOPE);
        return new PageResult<>(store.search(text, role, scope, PageResult.offset(page, size), size)
            .stream()
            .map(AccountRow::toAccount)
            .toList(), page, size, store.count(text, role, scope));
    }

    /** An account the administrator may see, or 404 (and an audited refusal). */
    @Transactional(readOnly = true)
    public Account get(long id) {
        requireAdministrator();
        return guard
            .require(store.findByIdInScope(id, ScopeSql.forCurrentUser(AccountStore.SCOPE)), "account", id,
                    () -> store.exists(id))
            .toAccount();
    }

    /** Changes name, role and scope; every rule is checked as on creation. */
    @Transactional
    public Account update(long id, int version, String displayName, Role role, ScopeKind scopeKind, String scopeRef,
            String regionCode) {
        CurrentUser me = requireAdministrator();
        Account before = get(id);
        requireManageable(me, before.role(), before.regionCode());
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        if (displayName == null || displayName.isBlank() || displayName.length() > 100) {
            problems.add(new InvalidInputException.Problem("displayName", "account.displayName.invalid"));
        }
        problems.addAll(scopeReferences
            .checkShape(new NewAccount(before.username(), displayName, null, role, scopeKind, scopeRef, regionCode)));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        requireManageable(me, role, regionCode);
        List<InvalidInputException.Problem> refused = scopeReferences.check(me, scopeKind, scopeRef.trim(), regionCode);
        if (!refused.isEmpty()) {
            auditRefusal(me, "account.update.refused", String.valueOf(id), scopeKind, scopeRef);
            throw new InvalidInputException(refused);
        }
        if (!store.update(id, version, displayName.trim(), role, scopeKind, storedRef(scopeKind, scopeRef), regionCode,
                clock.instant())) {
            throw new OptimisticLockingFailureException("account " + id + " changed");
        }
        Account after = store.findById(id).orElseThrow().toAccount();
        audit.record(AuditEvent.of("account.update", "account", id, describe(before), describe(after)));
        if (before.role() != after.role() || before.scopeKind() != after.scopeKind()
                || !before.scopeRef().equals(after.scopeRef()) || !before.regionCode().equals(after.regionCode())) {
            events.publishEvent(
                    new AccountAccessChanged(id, after.username(), AccountAccessChanged.Reason.ROLE_OR_SCOPE_CHANGED));
        }
        return after;
    }

    @Transactional
    public Account setEnabled(long id, int version, boolean enabled) {
        CurrentUser me = requireAdministrator();
        Account before = get(id);
        requireManageable(me, before.role(), before.regionCode());
        if (before.id() == me.id() && !enabled) {
            throw InvalidInputException.of(null, "account.disable.self");
        }
        if (!store.setEnabled(id, version, enabled, clock.instant())) {
            throw new OptimisticLockingFailureException("account " + id + " changed");
        }
        Account after = store.findById(id).orElseThrow().toAccount();
        audit.record(AuditEvent.of(enabled ? "account.enable" : "account.disable", "account", id, describe(before),
                describe(after)));
        if (!enabled) {
            events.publishEvent(new AccountAccessChanged(id, after.username(), AccountAccessChanged.Reason.DISABLED));
        }
        return after;
    }

    /** Sets a new password chosen by the administrator. */
    @Transactional
    public void resetPassword(long id, String newPassword) {
        CurrentUser me = requireAdministrator();
        Account account = get(id);
        requireManageable(me, account.role(), account.regionCode());
        List<InvalidInputException.Problem> problems = PasswordPolicy.check("password", newPassword,
                account.username());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        store.setPassword(id, passwords.encode(newPassword), clock.instant());
        audit.record(AuditEvent.of("account.password.reset", "account", id, null, null));
        events
            .publishEvent(new AccountAccessChanged(id, account.username(), AccountAccessChanged.Reason.PASSWORD_RESET));
    }

    public Optional<Account> findByUsername(String username) {
        return store.findByUsername(username).map(r -> r.toAccount());
    }

    public boolean anyExist() {
        return store.count() > 0;
    }

    static Map<String, Object> describe(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", a.username());
        m.put("displayName", a.displayName());
        m.put("role", a.role().name());
        m.put("scopeKind", a.scopeKind().name());
        m.put("scopeRef", a.scopeRef());
        m.put("regionCode", a.regionCode());
        m.put("enabled", a.enabled());
        return m;
    }

}
