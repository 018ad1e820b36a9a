package org.jixing.shared.access;

import jakarta.servlet.http.HttpServletRequest;

import org.jixing.shared.scope.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Turns a 403 into the {@link AccessRefused} event, whoever refused: the permission
 * interceptor, a service's own check or the security filter chain.
 */
@Component
public class Refusals {

    private final ApplicationEventPublisher events;

    public Refusals(ApplicationEventPublisher events) {
        this.events = events;
    }

    public void forbidden(AccessDeniedException ex, HttpServletRequest request) {
        String what = ex instanceof PermissionRefusedException p ? p.permission().name() : "request";
        String path = request == null ? "" : request.getMethod() + " " + request.getRequestURI();
        // The audit entry keeps 100 characters of the record id.
        events.publishEvent(new AccessRefused(username(), AccessRefused.Reason.ROLE, what,
                path.length() > 100 ? path.substring(0, 100) : path));
    }

    /** A record exists, but under another parent than the one the path names. */
    public void wrongParent(String recordType, Object recordId) {
        events.publishEvent(
                new AccessRefused(username(), AccessRefused.Reason.PARENT, recordType, String.valueOf(recordId)));
    }

    static String username() {
        return CurrentUser.current().map(CurrentUser::username).orElse("anonymous");
    }

}
