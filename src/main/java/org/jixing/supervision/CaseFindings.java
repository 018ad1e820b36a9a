package org.jixing.supervision;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.jixing.audit.AuditEvent;
import org.jixing.audit.AuditTrail;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.UploadedFiles;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.RecordNotFoundException;
import org.jixing.supervision.internal.CaseStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The findings of a case and their attachments (PDF, JPEG or PNG judged by content, size
 * limited; the checks shared with claims' attachments): recorded on an open case by an
 * inspector, read within the case's scope.
 */
@Service
public class CaseFindings {

    /** An attachment to a finding: at most this size, a PDF, JPEG or PNG by content. */
    public static final long MAX_ATTACHMENT_BYTES = 5L * 1024 * 1024;

    private final Cases cases;

    private final CaseStore store;

    private final AuditTrail audit;

    private final Clock clock;

    CaseFindings(Cases cases, CaseStore store, AuditTrail audit, Clock clock) {
        this.cases = cases;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<CaseFinding> findings(long id) {
        cases.get(id);
        return store.findings(id);
    }

    /** Records a finding on an open case. */
    @Transactional
    public CaseFinding addFinding(long id, String details) {
        CurrentUser me = Cases.requireWorker();
        SupervisionCase c = cases.requireOpen(id);
        if (details == null || details.isBlank()) {
            throw InvalidInputException.of("details", "supervision.error.required");
        }
        if (details.strip().length() > 4000) {
            throw InvalidInputException.of("details", "supervision.error.tooLong");
        }
        long findingId = store.insertFinding(id, details.strip(), me.username(), clock.instant());
        store.touch(id);
        audit.record(AuditEvent.of("supervision.case.finding", "supervision_case", c.caseNo(), null,
                Map.of("finding", findingId, "details", details.strip())));
        return store.findings(id).stream().filter(f -> f.id() == findingId).findFirst().orElseThrow();
    }

    /**
     * Attaches a file (PDF, JPEG or PNG, judged by content; size limited) to a finding.
     */
    @Transactional
    public CaseFinding.Attachment attach(long id, long findingId, String fileName, byte[] content) {
        CurrentUser me = Cases.requireWorker();
        SupervisionCase c = cases.requireOpen(id);
        finding(id, findingId);
        UploadedFiles.Checked file = UploadedFiles.check("file", "supervision.error.attachment", fileName, content,
                MAX_ATTACHMENT_BYTES, "attachment");
        long att = store.insertAttachment(findingId, file.name(), file.contentType(), content, file.sha256(),
                me.username(), clock.instant());
        audit.record(AuditEvent.of("supervision.case.attach", "supervision_case", c.caseNo(), null, Map.of("finding",
                findingId, "attachment", att, "file", file.name(), "bytes", content.length, "sha256", file.sha256())));
        return finding(id, findingId).attachments().stream().filter(a -> a.id() == att).findFirst().orElseThrow();
    }

    /** An attachment of a finding of a case in scope, with its content. */
    @Transactional(readOnly = true)
    public CaseFinding.AttachmentFile attachment(long id, long findingId, long attachmentId) {
        cases.get(id);
        CaseFinding.Attachment a = finding(id, findingId).attachments()
            .stream()
            .filter(x -> x.id() == attachmentId)
            .findFirst()
            .orElseThrow(() -> new RecordNotFoundException("supervision_finding_attachment", attachmentId));
        return new CaseFinding.AttachmentFile(a, store.attachmentContent(findingId, attachmentId).orElseThrow());
    }

    private CaseFinding finding(long id, long findingId) {
        return store.findings(id)
            .stream()
            .filter(f -> f.id() == findingId)
            .findFirst()
            .orElseThrow(() -> new RecordNotFoundException("supervision_case_finding", findingId));
    }

}
