package org.jixing.audit;

import java.util.Map;

/**
 * What happened: an action such as {@code account.create} or
 * {@code reference.actionLine.update}, the record it touched, and its values before and
 * after (null for a creation or a deletion). Values are masked for personal data before
 * they are stored; passwords must never be passed.
 *
 * @param actor the username when it is not the signed-in user (a failed login names the
 * attempted username); null to take it from the security context
 */
public record AuditEvent(String action, String recordType, String recordId, Map<String, ?> before, Map<String, ?> after,
        String actor) {

    public static AuditEvent of(String action, String recordType, Object recordId, Map<String, ?> before,
            Map<String, ?> after) {
        return new AuditEvent(action, recordType, String.valueOf(recordId), before, after, null);
    }

    public static AuditEvent byActor(String actor, String action, String recordType, Object recordId) {
        return new AuditEvent(action, recordType, String.valueOf(recordId), null, null, actor);
    }
}
