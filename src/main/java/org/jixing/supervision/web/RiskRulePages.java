package org.jixing.supervision.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jixing.provider.Filings;
import org.jixing.provider.Registry;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.supervision.NewRuleVersion;
import org.jixing.supervision.RiskRules;
import org.jixing.supervision.RiskScans;
import org.jixing.supervision.RuleMeasure;
import org.jixing.supervision.RuleMeasures;
import org.jixing.supervision.ScanSummary;
import org.jixing.supervision.Severity;
import org.jixing.supervision.SubjectKind;
import org.jixing.supervision.SupervisionPermission;
import org.jixing.supervision.SupervisionPermission.Allowed;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rules page: each rule with its version in force and how it does (alerts, decisions,
 * precision, cases, money recovered); one rule's versions and the form for the next; the
 * scans and a scan on demand; a provider's or body's risk profile.
 */
@Controller
@RequestMapping("/supervision")
class RiskRulePages {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final RiskRules rules;

    private final RuleMeasures measures;

    private final RiskScans scans;

    private final Filings filings;

    RiskRulePages(RiskRules rules, RuleMeasures measures, RiskScans scans, Filings filings) {
        this.filings = filings;
        this.rules = rules;
        this.measures = measures;
        this.scans = scans;
    }

    @Allowed(SupervisionPermission.RULE_READ)
    @GetMapping("/rules")
    String list(Model model) {
        Map<String, RuleMeasure> byCode = measures.all()
            .stream()
            .collect(Collectors.toMap(RuleMeasure::ruleCode, Function.identity()));
        model.addAttribute("rules", rules.list());
        model.addAttribute("measures", byCode);
        CurrentUser me = CurrentUser.require();
        model.addAttribute("mayScan", SupervisionPermission.SCAN_RUN.allows(me));
        model.addAttribute("scans", scans.latest());
        return "supervision/rules";
    }

    @Allowed(SupervisionPermission.RULE_READ)
    @GetMapping("/rules/{code}")
    String rule(@PathVariable String code, Model model) {
        model.addAttribute("rule", rules.get(code));
        model.addAttribute("versions", rules.versions(code));
        model.addAttribute("measure",
                measures.all()
                    .stream()
                    .filter(m -> m.ruleCode().equals(code))
                    .findFirst()
                    .orElse(new RuleMeasure(code, 0, 0, 0, 0, 0, 0, 0)));
        model.addAttribute("severities", Severity.values());
        model.addAttribute("mayPublish", SupervisionPermission.RULE_PUBLISH.allows(CurrentUser.require()));
        return "supervision/rule";
    }

    @Allowed(SupervisionPermission.RULE_PUBLISH)
    @PostMapping("/rules/{code}/versions")
    String publish(@PathVariable String code, @RequestParam(required = false) Severity severity,
            @RequestParam(required = false) Boolean blocking, @RequestParam(required = false) Boolean enabled,
            @RequestParam(required = false) String descriptionZh, @RequestParam(required = false) String descriptionEn,
            @RequestParam(required = false) String reason, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        Map<String, String> parameters = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("p.") && v != null && !v.isBlank()) {
                parameters.put(k.substring(2), v);
            }
        });
        try {
            rules.publish(code, new NewRuleVersion(severity, blocking == null ? Boolean.FALSE : blocking,
                    enabled == null ? Boolean.FALSE : enabled, parameters, descriptionZh, descriptionEn, reason));
            redirect.addFlashAttribute("notice", "supervision.rule.published");
            return "redirect:/supervision/rules/" + code;
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
            model.addAttribute("reason", reason);
            return rule(code, model);
        }
    }

    @Allowed(SupervisionPermission.SCAN_RUN)
    @PostMapping("/scans")
    String scan(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            RedirectAttributes redirect, Model model) {
        try {
            Instant start = from == null ? null : from.atStartOfDay(CHINA).toInstant();
            Instant end = to == null ? null : to.plusDays(1).atStartOfDay(CHINA).toInstant();
            ScanSummary s = scans.scan(start, end);
            redirect.addFlashAttribute("notice", "supervision.scan.done");
            redirect.addFlashAttribute("scan", s);
            return "redirect:/supervision/rules";
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
            return list(model);
        }
    }

    @Allowed(SupervisionPermission.ALERT_READ)
    @GetMapping("/profiles/{kind:providers|evaluation-bodies}/{id}")
    String profile(@PathVariable String kind, @PathVariable long id, Model model) {
        boolean provider = "providers".equals(kind);
        // The body itself, in the reader's scope or 404.
        model.addAttribute("body", filings.get(provider ? Registry.PROVIDER : Registry.EVALUATION_BODY, id));
        model.addAttribute("profile",
                measures.profile(provider ? SubjectKind.PROVIDER : SubjectKind.EVALUATION_BODY, id));
        return "supervision/profile";
    }

}
