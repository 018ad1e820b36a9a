package org.jixing.account;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.jixing.account.internal.AccountStore;
import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.RegionCode;
import org.jixing.shared.scope.ScopeKind;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The account module's API: opening accounts and looking them up. */
@Service
public class Accounts {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    private final AccountStore store;

    private final PasswordEncoder passwords;

    private final ReferenceCatalogue reference;

    private final AuditTrail audit;

    private final Clock clock;

    Accounts(AccountStore store, PasswordEncoder passwords, ReferenceCatalogue reference, AuditTrail audit,
            Clock clock) {
        this.store = store;
        this.passwords = passwords;
        this.reference = reference;
        this.audit = audit;
        this.clock = clock;
    }

    /** Opens an account after checking every rule; all problems are reported at once. */
    @Transactional
    public Account create(NewAccount cmd) {
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        String username = cmd.username() == null ? "" : cmd.username().trim().toLowerCase(java.util.Locale.ROOT);
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
        problems.addAll(checkRoleAndScope(cmd));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        long id = store.insert(username, cmd.displayName().trim(), passwords.encode(cmd.password()), cmd.role(),
                cmd.scopeKind(), cmd.scopeRef().trim(), cmd.regionCode(), now);
        Account account = store.findById(id).map(r -> r.toAccount()).orElseThrow();
        audit.record(AuditEvent.of("account.create", "account", id, null, describe(account)));
        return account;
    }

    /**
     * Checks that the role allows the scope kind and that the scope's reference exists.
     */
    List<InvalidInputException.Problem> checkRoleAndScope(NewAccount cmd) {
        List<InvalidInputException.Problem> problems = new ArrayList<>();
        if (cmd.role() == null) {
            problems.add(new InvalidInputException.Problem("role", "account.role.required"));
            return problems;
        }
        if (cmd.scopeKind() == null || !cmd.role().allows(cmd.scopeKind())) {
            problems.add(new InvalidInputException.Problem("scopeKind", "account.scope.notAllowedForRole"));
            return problems;
        }
        String ref = cmd.scopeRef() == null ? "" : cmd.scopeRef().trim();
        if (ref.isEmpty()) {
            problems.add(new InvalidInputException.Problem("scopeRef", "account.scope.refRequired"));
        }
        else if (cmd.scopeKind() == ScopeKind.PROVINCE || cmd.scopeKind() == ScopeKind.REGION) {
            var region = reference.region(ref);
            if (region.isEmpty()) {
                problems.add(new InvalidInputException.Problem("scopeRef", "account.scope.unknownRegion", ref));
            }
            else if ((cmd.scopeKind() == ScopeKind.PROVINCE) != (region.get().level() == RegionCode.Level.PROVINCE)) {
                problems.add(new InvalidInputException.Problem("scopeRef", "account.scope.wrongRegionLevel", ref));
            }
        }
        else if (cmd.scopeKind() == ScopeKind.DEPARTMENT
                && reference.departments().stream().noneMatch(d -> d.code().equals(ref))) {
            problems.add(new InvalidInputException.Problem("scopeRef", "account.scope.unknownDepartment", ref));
        }
        if (cmd.regionCode() == null || reference.region(cmd.regionCode()).isEmpty()) {
            problems.add(new InvalidInputException.Problem("regionCode", "account.region.unknown", cmd.regionCode()));
        }
        else if ((cmd.scopeKind() == ScopeKind.REGION || cmd.scopeKind() == ScopeKind.PROVINCE)
                && !ref.equals(cmd.regionCode())) {
            problems.add(new InvalidInputException.Problem("regionCode", "account.region.mustMatchScope"));
        }
        return problems;
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
