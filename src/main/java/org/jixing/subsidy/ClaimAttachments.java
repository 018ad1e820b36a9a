package org.jixing.subsidy;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.UploadedFiles;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.RecordNotFoundException;
import org.jixing.subsidy.internal.ClaimAttachmentStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evidence a claim's reviewer reads: sign-in sheets, invoices and other files the
 * provider attaches, of a type judged by content.
 */
@Service
public class ClaimAttachments {

    /** Attachments: at most this size, and one of these types, judged by content. */
    static final long MAX_ATTACHMENT_BYTES = 10L * 1024 * 1024;

    private final ClaimAttachmentStore store;

    private final Claims claims;

    private final AuditTrail audit;

    private final Clock clock;

    ClaimAttachments(ClaimAttachmentStore store, Claims claims, AuditTrail audit, Clock clock) {
        this.store = store;
        this.claims = claims;
        this.audit = audit;
        this.clock = clock;
    }

    /** Evidence a claim's reviewer reads. */
    public enum AttachmentKind {

        SIGN_IN_SHEET, INVOICE, OTHER

    }

    /** An attachment's particulars and content, in scope. */
    public record AttachmentFile(ClaimAttachment attachment, byte[] content) {
    }

    /**
     * The provider attaches a PDF, JPEG or PNG (judged by its first bytes, not its name)
     * of at most 10 MB to a claim that is not yet decided.
     */
    @Transactional
    public ClaimAttachment attach(long id, AttachmentKind kind, String fileName, byte[] content) {
        CurrentUser me = SubsidyPermission.requireProviderStaff();
        Claim claim = claims.get(id);
        claim.step(ClaimAction.ATTACH, me, false).orThrow();
        if (kind == null) {
            throw InvalidInputException.of("kind", "subsidy.error.required");
        }
        UploadedFiles.Checked file = UploadedFiles.check("file", "subsidy.error.attachment", fileName, content,
                MAX_ATTACHMENT_BYTES, "attachment");
        long att = store.insertAttachment(id, kind.name(), file.name(), file.contentType(), content, file.sha256(),
                me.username(), clock.instant());
        audit.record(AuditEvent.of("subsidy.claim.attach", "subsidy_claim", id, null, Map.of("attachment", att, "kind",
                kind.name(), "file", file.name(), "bytes", content.length, "sha256", file.sha256())));
        return store.attachments(id).stream().filter(a -> a.id() == att).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<ClaimAttachment> attachments(long id) {
        claims.get(id);
        return store.attachments(id);
    }

    @Transactional(readOnly = true)
    public AttachmentFile attachment(long id, long attachmentId) {
        claims.get(id);
        ClaimAttachment a = store.attachments(id)
            .stream()
            .filter(x -> x.id() == attachmentId)
            .findFirst()
            .orElseThrow(() -> new RecordNotFoundException("attachment", attachmentId));
        return new AttachmentFile(a, store.attachmentContent(id, attachmentId).orElseThrow());
    }

}
