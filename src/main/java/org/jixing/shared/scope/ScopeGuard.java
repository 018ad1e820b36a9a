package org.jixing.shared.scope;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

import org.jixing.shared.access.AccessRefused;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Turns the result of a scoped lookup into the record or a 404, and reports a refusal
 * when the record exists outside the user's scope, so that probing other regions' ids
 * leaves a trace.
 */
@Component
public class ScopeGuard {

    private final ApplicationEventPublisher events;

    public ScopeGuard(ApplicationEventPublisher events) {
        this.events = events;
    }

    /**
     * @param scoped the result of the lookup with the scope clause applied
     * @param existsAnywhere an unscoped existence check, run only when the scoped lookup
     * found nothing
     */
    /**
     * The child record when it exists under the parent the path names; 404 otherwise, and
     * when it exists under another parent the refusal is audited (a probe with a foreign
     * child id under one's own parent).
     */
    public static <T> T under(Optional<T> child, Predicate<T> underParent, String recordType, Object recordId) {
        T found = child.orElseThrow(() -> new RecordNotFoundException(recordType, recordId));
        if (!underParent.test(found)) {
            throw new UnderAnotherParent(recordType, recordId);
        }
        return found;
    }

    /** 404 for a child id named under another parent than its own; audited. */
    public static class UnderAnotherParent extends RecordNotFoundException {

        public UnderAnotherParent(String recordType, Object recordId) {
            super(recordType, recordId);
        }

    }

    public <T> T require(Optional<T> scoped, String recordType, Object recordId, BooleanSupplier existsAnywhere) {
        if (scoped.isPresent()) {
            return scoped.get();
        }
        if (existsAnywhere.getAsBoolean()) {
            String who = CurrentUser.current().map(CurrentUser::username).orElse("anonymous");
            events
                .publishEvent(new AccessRefused(who, AccessRefused.Reason.SCOPE, recordType, String.valueOf(recordId)));
        }
        throw new RecordNotFoundException(recordType, recordId);
    }

}
