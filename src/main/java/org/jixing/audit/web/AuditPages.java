package org.jixing.audit.web;

import java.time.LocalDate;
import java.util.Set;

import org.jixing.audit.AuditEntries;
import org.jixing.audit.AuditFilter;
import org.jixing.audit.AuditVerification;
import org.jixing.shared.PageResult;
import org.jixing.shared.scope.Role;
import org.jixing.shared.web.NavItem;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
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

    AuditPages(AuditEntries entries, AuditVerification verification) {
        this.entries = entries;
        this.verification = verification;
    }

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

    @GetMapping("/{seq:\\d+}")
    String entry(@PathVariable long seq, Model model) {
        model.addAttribute("e", entries.get(seq));
        return "audit/entry";
    }

    @GetMapping("/verification")
    String verification(@RequestParam(defaultValue = "false") boolean run, Model model) {
        model.addAttribute("result", run ? verification.verify() : verification.last());
        return "audit/verification";
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavItem auditNav() {
            return new NavItem("nav.audit", "/audit", 870, Set.of(Role.PROVINCE_ADMIN, Role.AUDITOR));
        }

    }

}
