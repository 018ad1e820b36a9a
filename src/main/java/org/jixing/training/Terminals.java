package org.jixing.training;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.provider.Filings;
import org.jixing.provider.Registry;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.InvalidInputException.Problem;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeGuard;
import org.jixing.shared.scope.ScopeSql;
import org.jixing.training.internal.TerminalStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A provider's registered check-in terminals. Provider staff register a terminal by the
 * device id it sends, with a name and the venue it stands at, and retire it with a reason
 * (both audited); the terminal's events count only for the provider's sessions at a class
 * venue within the attendance radius of the terminal's. Officers read the terminals of
 * their region's providers.
 */
@Service
public class Terminals {

    /** What terminals send as their id: letters, digits and a few separators. */
    static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private final TerminalStore store;

    private final Filings filings;

    private final ScopeGuard guard;

    private final AuditTrail audit;

    private final Clock clock;

    Terminals(TerminalStore store, Filings filings, ScopeGuard guard, AuditTrail audit, Clock clock) {
        this.store = store;
        this.filings = filings;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Terminals in the caller's scope (provider staff: their own provider's), of one
     * provider if named; retired ones too if asked.
     */
    @Transactional(readOnly = true)
    public List<CheckInTerminal> list(Long providerId, boolean includeRetired) {
        mayRead();
        return store.search(providerId, includeRetired, ScopeSql.forCurrentUser(TerminalStore.SCOPE));
    }

    /** One terminal in the caller's scope, or 404. */
    @Transactional(readOnly = true)
    public CheckInTerminal get(long id) {
        mayRead();
        return guard.require(store.find(id, ScopeSql.forCurrentUser(TerminalStore.SCOPE)), "terminal", id,
                () -> store.exists(id));
    }

    /** Registers a terminal for the signed-in staff member's provider. */
    @Transactional
    public CheckInTerminal register(NewTerminal t) {
        long provider = Teachers.ownProvider();
        CurrentUser me = CurrentUser.require();
        String device = t.deviceId() == null ? "" : t.deviceId().strip();
        String name = t.name() == null ? "" : t.name().strip();
        String address = t.venueAddress() == null ? "" : t.venueAddress().strip();
        List<Problem> problems = new ArrayList<>();
        if (!DEVICE_ID.matcher(device).matches()) {
            problems.add(new Problem("deviceId", "training.error.terminal.deviceId"));
        }
        else if (store.deviceActive(device)) {
            problems.add(new Problem("deviceId", "training.error.terminal.taken"));
        }
        if (name.isEmpty() || name.length() > 60) {
            problems.add(new Problem("name", "training.error.terminal.name"));
        }
        if (address.isEmpty() || address.length() > 200) {
            problems.add(new Problem("venueAddress", "training.error.terminal.address"));
        }
        if (!within(t.venueLat(), 3, 54) || !within(t.venueLng(), 73, 136)) {
            problems.add(new Problem("venueLat", "training.error.venue.coordinates"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String region = filings.find(Registry.PROVIDER, provider)
            .orElseThrow(() -> new AccessDeniedException("the staff member's provider does not exist"))
            .regionCode();
        Instant now = clock.instant();
        NewTerminal clean = new NewTerminal(device, name, address, t.venueLat().setScale(6, RoundingMode.HALF_UP),
                t.venueLng().setScale(6, RoundingMode.HALF_UP));
        long id;
        try {
            id = store.insert(provider, region, clean, me.username(), now);
        }
        catch (DuplicateKeyException raced) {
            throw InvalidInputException.of("deviceId", "training.error.terminal.taken");
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("provider", provider);
        after.put("deviceId", device);
        after.put("name", name);
        after.put("venueAddress", address);
        after.put("venueLat", clean.venueLat().toPlainString());
        after.put("venueLng", clean.venueLng().toPlainString());
        audit.record(AuditEvent.of("terminal.register", "check_in_terminal", id, null, after));
        return store.find(id, ScopeSql.forCurrentUser(TerminalStore.SCOPE)).orElseThrow();
    }

    /**
     * Retires a terminal of the signed-in staff member's provider, with a reason: its
     * later events are refused, its earlier ones stand.
     */
    @Transactional
    public CheckInTerminal retire(long id, String reason) {
        Teachers.ownProvider();
        CheckInTerminal t = guard.require(store.find(id, ScopeSql.forCurrentUser(TerminalStore.SCOPE)), "terminal", id,
                () -> store.exists(id));
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw InvalidInputException.of("reason", "training.error.reason.required");
        }
        if (!t.active() || !store.retire(id, CurrentUser.require().username(), clock.instant(), why)) {
            throw InvalidInputException.of(null, "training.error.terminal.retired");
        }
        Map<String, Object> before = Map.of("deviceId", t.deviceId(), "active", true);
        Map<String, Object> after = Map.of("deviceId", t.deviceId(), "active", false, "reason", why);
        audit.record(AuditEvent.of("terminal.retire", "check_in_terminal", id, before, after));
        return store.find(id, ScopeSql.forCurrentUser(TerminalStore.SCOPE)).orElseThrow();
    }

    private static void mayRead() {
        CurrentUser me = CurrentUser.require();
        if (!TrainingPermission.TERMINAL_READ.allows(me)) {
            throw new AccessDeniedException("terminals are read by providers, officers and auditors");
        }
    }

    private static boolean within(BigDecimal v, double min, double max) {
        return v != null && v.doubleValue() >= min && v.doubleValue() <= max;
    }

}
