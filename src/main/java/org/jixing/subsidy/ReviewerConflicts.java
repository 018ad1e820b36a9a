package org.jixing.subsidy;

import java.time.Clock;
import java.util.Map;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.provider.Filings;
import org.jixing.provider.Registry;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.subsidy.internal.ClaimReviewStore;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reviewers' ties to providers (回避): a reviewer with a declared tie may no longer decide
 * on the provider's claims.
 */
@Service
public class ReviewerConflicts {

    private final ClaimReviewStore store;

    private final Filings filings;

    private final AuditTrail audit;

    private final Clock clock;

    ReviewerConflicts(ClaimReviewStore store, Filings filings, AuditTrail audit, Clock clock) {
        this.store = store;
        this.filings = filings;
        this.audit = audit;
        this.clock = clock;
    }

    /** The province administrator records a reviewer's tie to a provider. */
    @Transactional
    public void declareConflict(String username, long providerId, String reason) {
        CurrentUser me = CurrentUser.require();
        if (!SubsidyPermission.REVIEWER_CONFLICT.allows(me)) {
            throw new AccessDeniedException("the province administrator records conflicts");
        }
        if (username == null || username.isBlank() || reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "subsidy.error.required");
        }
        if (filings.find(Registry.PROVIDER, providerId).isEmpty()) {
            throw InvalidInputException.of("providerId", "subsidy.error.provider.unknown");
        }
        try {
            store.declareConflict(username.strip(), providerId, reason.strip(), me.username(), clock.instant());
        }
        catch (DuplicateKeyException already) {
            return;
        }
        audit.record(AuditEvent.of("subsidy.reviewer.conflict", "provider", providerId, null,
                Map.of("reviewer", username.strip(), "reason", reason.strip())));
    }

}
