package org.jixing.audit.internal;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.shared.scope.ScopeRefused;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every refused out-of-scope lookup, in a transaction of its own: the request
 * that probed another region's record fails, but the trace of the attempt stays.
 */
@Component
class ScopeRefusalAudit {

    private final AuditTrail audit;

    ScopeRefusalAudit(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void on(ScopeRefused refused) {
        audit.recordIndependently(
                AuditEvent.byActor(refused.username(), "scope.refused", refused.recordType(), refused.recordId()));
    }

}
