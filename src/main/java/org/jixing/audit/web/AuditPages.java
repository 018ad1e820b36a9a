package org.jixing.audit.web;

import org.jixing.audit.AuditPermission;
import org.jixing.audit.AuditPermission.Allowed;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.jixing.audit.AuditCheckpoints;
import org.jixing.audit.AuditEntries;
import org.jixing.audit.AuditFilter;
import org.jixing.audit.AuditVerification;
import org.jixing.audit.Checkpoint;
import org.jixing.shared.PageResult;
import org.jixing.shared.scope.Role;
import org.jixing.shared.web.FileDownload;
import org.jixing.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The trail for the province administrator and auditors. Verification changes nothing, so
 * it runs on a GET and auditors may run it.
 */
@Controller
@RequestMapping("/audit")
class AuditPages {

    private final AuditEntries entries;

    private final AuditVerification verification;

    private final AuditCheckpoints checkpoints;

    AuditPages(AuditEntries entries, AuditVerification verification, AuditCheckpoints checkpoints) {
        this.entries = entries;
        this.verification = verification;
        this.checkpoints = checkpoints;
    }

    @Allowed(AuditPermission.AUDIT_READ)
    @GetMapping
    String list(@RequestParam(required = false) String actor, @RequestParam(required = false) String action,
            @RequestParam(required = false) String recordType, @RequestParam(required = false) String recordId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size, Model model) {
        AuditFilter filter = new AuditFilter(actor, action, recordType, recordId, from, to);
        model.addAttribute("result", entries.search(filter, Math.max(0, page), PageResult.size(size)));
        model.addAttribute("f", filter);
        return "audit/list";
    }

    @Allowed(AuditPermission.AUDIT_READ)
    @GetMapping("/{seq:\\d+}")
    String entry(@PathVariable long seq, Model model) {
        model.addAttribute("e", entries.get(seq));
        return "audit/entry";
    }

    @Allowed(AuditPermission.AUDIT_READ)
    @GetMapping("/verification")
    String verification(@RequestParam(defaultValue = "false") boolean run, Model model) {
        model.addAttribute("result", run ? verification.verify() : verification.last());
        return "audit/verification";
    }

    /** The signed checkpoints, newest first, with the key that verifies them. */
    @Allowed(AuditPermission.AUDIT_READ)
    @GetMapping("/checkpoints")
    String checkpoints(Model model) {
        List<Checkpoint> all = new ArrayList<>(checkpoints.all());
        Collections.reverse(all);
        model.addAttribute("checkpoints", all.subList(0, Math.min(all.size(), SHOWN)));
        model.addAttribute("total", all.size());
        model.addAttribute("key", checkpoints.publicKey());
        return "audit/checkpoints";
    }

    /** The checkpoint file with its public key, to keep elsewhere. */
    @Allowed(AuditPermission.AUDIT_READ)
    @GetMapping("/checkpoints.txt")
    ResponseEntity<byte[]> checkpointFile() {
        return FileDownload.of("audit-checkpoints.txt", MediaType.TEXT_PLAIN,
                checkpoints.export().getBytes(StandardCharsets.UTF_8));
    }

    static final int SHOWN = 100;

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavItem auditNav() {
            return new NavItem("nav.audit", "/audit", 870, AuditPermission.AUDIT_READ.roles());
        }

    }

}
