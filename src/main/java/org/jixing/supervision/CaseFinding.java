package org.jixing.supervision;

import java.time.Instant;
import java.util.List;

/** What an inspector found on a case, with the files attached to it. */
public record CaseFinding(long id, long caseId, String details, String recordedBy, Instant recordedAt,
        List<Attachment> attachments) {

    /** A file attached to a finding (its content is read apart). */
    public record Attachment(long id, long findingId, String fileName, String contentType, long sizeBytes,
            String sha256, String uploadedBy, Instant uploadedAt) {
    }

    /** An attachment with its content. */
    public record AttachmentFile(Attachment attachment, byte[] content) {
    }

}
