package org.jixing.audit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.shared.access.AccessRefused;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every refusal (a role without the permission, a record outside the scope, a
 * child under another parent) in a transaction of its own: the request fails, the trace
 * of the attempt stays. The same user refused the same thing again within a minute is
 * recorded once, so a script that probes a thousand times leaves a readable trail (on
 * each node; the first of each minute is always there). For a role's refusal "the same
 * thing" is the permission, whatever path asked for it: walking a thousand ids of a
 * forbidden path is one entry a minute, naming the first path.
 */
@Component
class ScopeRefusalAudit {

    static final Duration REPEAT_WINDOW = Duration.ofMinutes(1);

    private static final int REMEMBERED = 10_000;

    private final AuditTrail audit;

    private final Clock clock;

    private final Map<AccessRefused, Instant> recent = new LinkedHashMap<>(256, 0.75f, true) {

        @Override
        protected boolean removeEldestEntry(Map.Entry<AccessRefused, Instant> eldest) {
            return size() > REMEMBERED;
        }

    };

    ScopeRefusalAudit(AuditTrail audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    void on(AccessRefused refused) {
        if (!firstInWindow(refused)) {
            return;
        }
        audit.recordIndependently(AuditEvent.byActor(refused.username(), refused.reason().auditAction(),
                refused.recordType(), refused.recordId()));
    }

    private synchronized boolean firstInWindow(AccessRefused refused) {
        Instant now = clock.instant();
        AccessRefused key = refused.reason() == AccessRefused.Reason.ROLE
                ? new AccessRefused(refused.username(), refused.reason(), refused.recordType(), "") : refused;
        Instant last = recent.get(key);
        if (last != null && now.isBefore(last.plus(REPEAT_WINDOW)) && !now.isBefore(last)) {
            return false;
        }
        recent.put(key, now);
        return true;
    }

}
