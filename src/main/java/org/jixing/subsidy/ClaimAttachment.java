package org.jixing.subsidy;

import java.time.Instant;

/** A file attached to a claim as evidence, without its content. */
public record ClaimAttachment(long id, String kind, String fileName, String contentType, long sizeBytes, String sha256,
        String uploadedBy, Instant uploadedAt) {
}
