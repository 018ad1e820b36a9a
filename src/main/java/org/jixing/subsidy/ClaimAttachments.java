package org.jixing.subsidy;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.shared.InvalidInputException;
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
        if (content == null || content.length == 0) {
            throw InvalidInputException.of("file", "subsidy.error.attachment.empty");
        }
        if (content.length > MAX_ATTACHMENT_BYTES) {
            throw InvalidInputException.of("file", "subsidy.error.attachment.tooLarge",
                    MAX_ATTACHMENT_BYTES / 1024 / 1024);
        }
        String type = sniff(content);
        if (type == null) {
            throw InvalidInputException.of("file", "subsidy.error.attachment.type");
        }
        String name = fileName == null || fileName.isBlank() ? "attachment" : fileName.strip();
        name = name.replaceAll("[\\\\/\\r\\n\"]", "_");
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        String sha;
        try {
            sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
        long att = store.insertAttachment(id, kind.name(), name, type, content, sha, me.username(), clock.instant());
        audit.record(AuditEvent.of("subsidy.claim.attach", "subsidy_claim", id, null,
                Map.of("attachment", att, "kind", kind.name(), "file", name, "bytes", content.length, "sha256", sha)));
        return store.attachments(id).stream().filter(a -> a.id() == att).findFirst().orElseThrow();
    }

    /** The content type of a PDF, JPEG or PNG by its magic bytes, or null. */
    static String sniff(byte[] b) {
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return "application/pdf";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0D
                && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return "image/png";
        }
        return null;
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
