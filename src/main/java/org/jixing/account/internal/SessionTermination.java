package org.jixing.account.internal;

import org.jixing.account.AccountAccessChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends every session of an account whose access changed, on every node at once: the
 * sessions live in the database (Spring Session JDBC), indexed by principal name, so
 * deleting them there signs the account out wherever it is signed in. This node's bearer
 * cache forgets the account's tokens at the same moment; other nodes' caches within their
 * time to live ({@link BearerTokenCache}).
 */
@Component
class SessionTermination {

    private static final Logger log = LoggerFactory.getLogger(SessionTermination.class);

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    private final BearerTokenCache tokens;

    SessionTermination(FindByIndexNameSessionRepository<? extends Session> sessions, BearerTokenCache tokens) {
        this.sessions = sessions;
        this.tokens = tokens;
    }

    /**
     * After the change is committed, so a sign-in that follows sees the new state; when
     * there is no transaction (a test, a script), at once.
     */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(AccountAccessChanged event) {
        tokens.forgetAccount(event.accountId());
        var open = sessions.findByPrincipalName(event.username());
        open.keySet().forEach(sessions::deleteById);
        log.info("Ended {} session(s) of {} ({})", open.size(), event.username(), event.reason());
    }

}
