package org.jixing.supervision.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jixing.reference.ReferenceCatalogue;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.PageResult;
import org.jixing.shared.web.FileDownload;
import org.jixing.shared.web.NavItem;
import org.jixing.supervision.CaseFilter;
import org.jixing.supervision.CaseFinding;
import org.jixing.supervision.CaseFindings;
import org.jixing.supervision.CaseOrigin;
import org.jixing.supervision.CaseOutcome;
import org.jixing.supervision.CaseOutcomes;
import org.jixing.supervision.CaseStatus;
import org.jixing.supervision.CaseTask;
import org.jixing.supervision.Cases;
import org.jixing.supervision.NewCase;
import org.jixing.supervision.NewTask;
import org.jixing.supervision.SubjectKind;
import org.jixing.supervision.SupervisionCase;
import org.jixing.supervision.SupervisionPermission;
import org.jixing.supervision.SupervisionPermission.Allowed;
import org.jixing.shared.scope.CurrentUser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The case list with its filters, and the case page: its alerts, tasks, findings with
 * attachments, and the outcome form with the sanction ladder.
 */
@Controller
@RequestMapping("/supervision/cases")
class CasePages {

    private final Cases cases;

    private final CaseFindings findings;

    private final CaseOutcomes outcomes;

    private final ReferenceCatalogue reference;

    CasePages(Cases cases, CaseFindings findings, CaseOutcomes outcomes, ReferenceCatalogue reference) {
        this.cases = cases;
        this.findings = findings;
        this.outcomes = outcomes;
        this.reference = reference;
    }

    @Allowed(SupervisionPermission.CASE_READ)
    @GetMapping
    String list(@RequestParam(required = false) CaseStatus status, @RequestParam(required = false) String region,
            @RequestParam(required = false) SubjectKind kind, @RequestParam(required = false) String assignee,
            @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size, Model model) {
        String r = blank(region);
        String a = blank(assignee);
        model.addAttribute("result",
                cases.search(new CaseFilter(status, r, kind, a), Math.max(0, page), PageResult.size(size)));
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("kinds", List.of(SubjectKind.PROVIDER, SubjectKind.EVALUATION_BODY, SubjectKind.PERSON));
        model.addAttribute("regions", reference.cities());
        model.addAttribute("status", status);
        model.addAttribute("region", r);
        model.addAttribute("kind", kind);
        model.addAttribute("assignee", a);
        return "supervision/case-list";
    }

    @Allowed(SupervisionPermission.CASE_WORK)
    @PostMapping
    String open(@RequestParam(required = false) SubjectKind subjectKind, @RequestParam(required = false) Long subjectId,
            @RequestParam(required = false) List<Long> alertIds, @RequestParam(required = false) String summary,
            @RequestParam(required = false) String assignee, RedirectAttributes redirect) {
        List<Long> ids = alertIds == null ? List.of() : alertIds;
        try {
            SupervisionCase c = cases.open(new NewCase(subjectKind, subjectId, ids,
                    ids.isEmpty() ? CaseOrigin.VISIT : CaseOrigin.ALERTS, null, summary, assignee));
            redirect.addFlashAttribute("notice", "supervision.case.opened");
            return "redirect:/supervision/cases/" + c.id();
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("problems", ex.problems());
            return ids.isEmpty() ? "redirect:/supervision/cases" : "redirect:/supervision/alerts/" + ids.get(0);
        }
    }

    @Allowed(SupervisionPermission.CASE_READ)
    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        SupervisionCase c = cases.get(id);
        model.addAttribute("c", c);
        model.addAttribute("alerts", cases.alerts(id));
        model.addAttribute("tasks", cases.tasks(id));
        model.addAttribute("findings", findings.findings(id));
        model.addAttribute("ladder", outcomes.ladder());
        model.addAttribute("sanctions", outcomes.sanctions(id));
        model.addAttribute("recoveries", outcomes.recoveries(id));
        model.addAttribute("taskKinds", CaseTask.Kind.values());
        model.addAttribute("mayWork",
                c.status() == CaseStatus.OPEN && SupervisionPermission.CASE_WORK.allows(CurrentUser.require()));
        return "supervision/case-detail";
    }

    @Allowed(SupervisionPermission.CASE_WORK)
    @PostMapping("/{id}/tasks")
    String addTask(@PathVariable long id, @RequestParam(required = false) CaseTask.Kind kind,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
            RedirectAttributes redirect) {
        return act(id, redirect, "supervision.case.taskAdded",
                () -> cases.addTask(id, new NewTask(kind, assignee, dueOn)));
    }

    @Allowed(SupervisionPermission.CASE_WORK)
    @PostMapping("/{id}/tasks/{taskId}")
    String finishTask(@PathVariable long id, @PathVariable long taskId, @RequestParam int version,
            @RequestParam(required = false) CaseTask.Status status, @RequestParam(required = false) String result,
            RedirectAttributes redirect) {
        return act(id, redirect, "supervision.case.taskFinished",
                () -> cases.finishTask(id, taskId, version, status, result));
    }

    @Allowed(SupervisionPermission.CASE_WORK)
    @PostMapping("/{id}/findings")
    String addFinding(@PathVariable long id, @RequestParam(required = false) String details,
            @RequestParam(value = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
        return act(id, redirect, "supervision.case.findingAdded", () -> {
            CaseFinding f = findings.addFinding(id, details);
            if (file != null && !file.isEmpty()) {
                findings.attach(id, f.id(), file.getOriginalFilename(), bytes(file));
            }
            return f;
        });
    }

    @Allowed(SupervisionPermission.CASE_WORK)
    @PostMapping("/{id}/findings/{findingId}/attachments")
    String attach(@PathVariable long id, @PathVariable long findingId,
            @RequestParam(value = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
        return act(id, redirect, "supervision.case.attached", () -> findings.attach(id, findingId,
                file == null ? null : file.getOriginalFilename(), file == null ? null : bytes(file)));
    }

    @Allowed(SupervisionPermission.CASE_READ)
    @GetMapping("/{id}/findings/{findingId}/attachments/{attachmentId}")
    ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long findingId,
            @PathVariable long attachmentId) {
        CaseFinding.AttachmentFile f = findings.attachment(id, findingId, attachmentId);
        return FileDownload.of(f.attachment().fileName(), MediaType.parseMediaType(f.attachment().contentType()),
                f.content());
    }

    @Allowed(SupervisionPermission.CASE_WORK)
    @PostMapping("/{id}/outcome")
    String close(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) CaseStatus result,
            @RequestParam(required = false) String reason, @RequestParam(required = false) List<String> steps,
            @RequestParam(required = false) String claimIds,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dueOn,
            RedirectAttributes redirect) {
        return act(id, redirect, "supervision.case.closed", () -> outcomes.close(id,
                new CaseOutcome(result, version, reason, steps == null ? List.of() : steps, ids(claimIds), dueOn)));
    }

    private String act(long id, RedirectAttributes redirect, String notice, Action action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        }
        catch (InvalidInputException ex) {
            redirect.addFlashAttribute("problems", ex.problems());
        }
        return "redirect:/supervision/cases/" + id;
    }

    interface Action {

        Object run();

    }

    static Set<Long> ids(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        Set<Long> out = new LinkedHashSet<>();
        for (String s : Arrays.asList(text.split("[,，\\s]+"))) {
            if (s.isBlank()) {
                continue;
            }
            try {
                out.add(Long.parseLong(s.strip()));
            }
            catch (NumberFormatException ex) {
                throw InvalidInputException.of("recoveryClaimIds", "supervision.error.case.claimIds");
            }
        }
        return out;
    }

    static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        }
        catch (IOException ex) {
            throw InvalidInputException.of("file", "supervision.error.attachment.empty");
        }
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavItem supervisionCasesNav() {
            return new NavItem("nav.supervision.cases", "/supervision/cases", 620,
                    SupervisionPermission.CASE_READ.roles())
                .inGroup("nav.group.supervision");
        }

        @Bean
        NavItem supervisionComplaintsNav() {
            return new NavItem("nav.supervision.complaints", "/supervision/complaints", 630,
                    SupervisionPermission.CASE_READ.roles())
                .inGroup("nav.group.supervision");
        }

    }

}
