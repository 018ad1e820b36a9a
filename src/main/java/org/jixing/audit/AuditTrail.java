package org.jixing.audit;

/**
 * The one API every module calls to leave an audit entry. Who, when and from where are
 * taken from the current request; the caller says what happened to which record and the
 * values before and after.
 */
public interface AuditTrail {

    /**
     * Records inside the caller's transaction: the entry is written if and only if the
     * change is.
     */
    void record(AuditEvent event);

    /**
     * Records in a transaction of its own, for events that must survive the caller's
     * rollback: failed logins, lockouts, refused out-of-scope requests.
     */
    void recordIndependently(AuditEvent event);

}
