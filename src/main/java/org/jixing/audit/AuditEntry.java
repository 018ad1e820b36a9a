package org.jixing.audit;

import java.time.Instant;

/** One entry of the trail as pages and the API show it. */
public record AuditEntry(long seq, Instant occurredAt, String actor, String actorRole, String remoteAddr, String action,
        String recordType, String recordId, String beforeJson, String afterJson, String entryHash) {
}
