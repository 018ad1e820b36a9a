package org.jixing.supervision;

import org.jixing.subsidy.ClaimFiled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Asks the trainees of a filed claim to confirm, in the filing's transaction (so a claim
 * is never filed without its requests). The codes go nowhere yet: the portal will send
 * them by SMS; meanwhile the trainee's own page lists the requests.
 */
@Component
class ConfirmationRequests {

    private final Confirmations confirmations;

    ConfirmationRequests(Confirmations confirmations) {
        this.confirmations = confirmations;
    }

    @EventListener
    void on(ClaimFiled filed) {
        confirmations.request(filed);
    }

}
