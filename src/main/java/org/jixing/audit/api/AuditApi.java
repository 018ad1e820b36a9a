package org.jixing.audit.api;

import org.jixing.audit.AuditPermission;
import org.jixing.audit.AuditPermission.Allowed;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jixing.audit.AuditCheckpoints;
import org.jixing.audit.AuditEntries;
import org.jixing.audit.AuditEntry;
import org.jixing.audit.AuditFilter;
import org.jixing.audit.AuditVerification;
import org.jixing.audit.Checkpoint;
import org.jixing.audit.VerificationResult;
import org.jixing.shared.PageResult;
import org.jixing.shared.web.FileDownload;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The trail and its verification, for the province administrator and auditors. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit trail", description = "Append-only, hash-chained record of every change")
class AuditApi {

    private final AuditEntries entries;

    private final AuditVerification verification;

    private final AuditCheckpoints checkpoints;

    AuditApi(AuditEntries entries, AuditVerification verification, AuditCheckpoints checkpoints) {
        this.entries = entries;
        this.verification = verification;
        this.checkpoints = checkpoints;
    }

    @Allowed(AuditPermission.AUDIT_READ)
    @GetMapping("/entries")
    @Operation(summary = "Entries, newest first, filtered")
    PageResult<AuditEntry> entries(@RequestParam(required = false) String actor,
            @RequestParam(required = false) String action, @RequestParam(required = false) String recordType,
            @RequestParam(required = false) String recordId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size) {
        return entries.search(new AuditFilter(actor, action, recordType, recordId, from, to), Math.max(0, page),
                PageResult.size(size));
    }

    @Allowed(AuditPermission.AUDIT_READ)
    @GetMapping("/entries/{seq}")
    AuditEntry entry(@PathVariable long seq) {
        return entries.get(seq);
    }

    @Allowed(AuditPermission.AUDIT_READ)
    @GetMapping("/verification")
    @Operation(summary = "Verify the whole chain now")
    VerificationResult verify() {
        return verification.verify();
    }

    /** The checkpoints with the key that verifies them. */
    record Checkpoints(AuditCheckpoints.PublicKey key, List<Checkpoint> checkpoints) {
    }

    @Allowed(AuditPermission.AUDIT_READ)
    @GetMapping("/checkpoints")
    @Operation(summary = "The signed checkpoints of the chain's head, oldest first, with the public key")
    Checkpoints checkpoints() {
        return new Checkpoints(checkpoints.publicKey(), checkpoints.all());
    }

    @Allowed(AuditPermission.AUDIT_READ)
    @GetMapping(value = "/checkpoints.txt", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The checkpoint file, after a line naming the public key, to keep elsewhere")
    ResponseEntity<byte[]> checkpointFile() {
        return FileDownload.of("audit-checkpoints.txt", MediaType.TEXT_PLAIN,
                checkpoints.export().getBytes(StandardCharsets.UTF_8));
    }

}
