package org.jixing.shared.access;

/**
 * The one event every refusal publishes: a role without the permission (403), a record
 * outside the user's scope (404), a child id named under another parent (404). The audit
 * module records it in a transaction of its own, so the trace stays although the request
 * fails.
 *
 * @param username who asked ("anonymous" when nobody was signed in)
 * @param reason why it was refused
 * @param recordType the permission's name for {@link Reason#ROLE}, else the record type
 * @param recordId the request path for {@link Reason#ROLE}, else the record id
 */
public record AccessRefused(String username, Reason reason, String recordType, String recordId) {

    public enum Reason {

        /** The role may not take the action (403). */
        ROLE("access.refused"),
        /** The record exists outside the user's scope (404). */
        SCOPE("scope.refused"),
        /** The record exists, but under another parent than the path names (404). */
        PARENT("parent.refused");

        private final String auditAction;

        Reason(String auditAction) {
            this.auditAction = auditAction;
        }

        /** The action name of the audit entry. */
        public String auditAction() {
            return auditAction;
        }

    }

}
