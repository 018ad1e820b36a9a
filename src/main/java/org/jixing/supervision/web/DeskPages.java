package org.jixing.supervision.web;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jixing.reference.ReferenceCatalogue;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.PageResult;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.web.NavItem;
import org.jixing.supervision.Alert;
import org.jixing.supervision.AlertDecision;
import org.jixing.supervision.AlertFilter;
import org.jixing.supervision.AlertStatus;
import org.jixing.supervision.Alerts;
import org.jixing.supervision.DeskCount;
import org.jixing.supervision.Hit;
import org.jixing.supervision.RiskRules;
import org.jixing.supervision.Severity;
import org.jixing.supervision.SubjectKind;
import org.jixing.supervision.SupervisionPermission;
import org.jixing.supervision.SupervisionPermission.Allowed;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The supervision desk for the province and the cities: live alerts counted by severity,
 * rule and city, the alerts with filters, and one alert with its evidence and decisions.
 */
@Controller
@RequestMapping("/supervision")
class DeskPages {

    private final Alerts alerts;

    private final RiskRules rules;

    private final ReferenceCatalogue reference;

    DeskPages(Alerts alerts, RiskRules rules, ReferenceCatalogue reference) {
        this.alerts = alerts;
        this.rules = rules;
        this.reference = reference;
    }

    @Allowed(SupervisionPermission.ALERT_READ)
    @GetMapping
    String desk(@RequestParam(required = false) AlertStatus status, @RequestParam(required = false) Severity severity,
            @RequestParam(required = false) String rule, @RequestParam(required = false) String region,
            @RequestParam(required = false) SubjectKind kind, @RequestParam(required = false) Boolean blocking,
            @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size, Model model) {
        List<DeskCount> counts = alerts.deskCounts();
        Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
        Map<String, Long> byRule = new TreeMap<>();
        Map<String, Long> byCity = new TreeMap<>();
        for (DeskCount c : counts) {
            bySeverity.merge(c.severity(), c.alerts(), Long::sum);
            byRule.merge(c.ruleCode(), c.alerts(), Long::sum);
            byCity.merge(c.regionCode().substring(0, 4) + "00", c.alerts(), Long::sum);
        }
        AlertFilter filter = new AlertFilter(status, severity, blank(rule), blank(region), null, kind, blocking);
        PageResult<Alert> result = alerts.search(filter, page, PageResult.size(size));
        model.addAttribute("bySeverity", bySeverity);
        model.addAttribute("byRule", byRule);
        model.addAttribute("byCity", byCity);
        model.addAttribute("result", result);
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", AlertStatus.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("kinds", SubjectKind.values());
        model.addAttribute("rules", rules.list());
        CurrentUser me = CurrentUser.require();
        model.addAttribute("regions",
                reference.cities().stream().filter(r -> me.scope().coversRegion(r.code())).toList());
        return "supervision/desk";
    }

    @Allowed(SupervisionPermission.ALERT_READ)
    @GetMapping("/alerts/{id}")
    String alert(@PathVariable long id, Model model) {
        Alert a = alerts.get(id);
        model.addAttribute("alert", a);
        model.addAttribute("rule", rules.find(a.ruleCode()).orElse(null));
        model.addAttribute("decisions", alerts.decisions(id));
        model.addAttribute("evidence", EvidenceView.of(a.evidence()));
        boolean mayDecide = SupervisionPermission.ALERT_DECIDE.allows(CurrentUser.require());
        model.addAttribute("choices", mayDecide ? Alerts.decisionsFrom(a.status()) : List.of());
        // A case gathers alerts per provider, evaluation body or person.
        model.addAttribute("mayOpenCase", SupervisionPermission.CASE_WORK.allows(CurrentUser.require()));
        model.addAttribute("caseSubject",
                a.subjectKind() == SubjectKind.PERSON ? new Hit.Target(SubjectKind.PERSON, a.subjectId())
                        : a.subjectKind() == SubjectKind.EVALUATION_BODY || a.bodyId() != null && a.providerId() == null
                                ? new Hit.Target(SubjectKind.EVALUATION_BODY,
                                        a.bodyId() != null ? a.bodyId() : a.subjectId())
                                : a.providerId() != null ? new Hit.Target(SubjectKind.PROVIDER, a.providerId()) : null);
        return "supervision/alert";
    }

    @Allowed(SupervisionPermission.ALERT_DECIDE)
    @PostMapping("/alerts/{id}/decision")
    String decide(@PathVariable long id, @RequestParam(required = false) AlertStatus to,
            @RequestParam(defaultValue = "0") int version, @RequestParam(required = false) String reason, Model model,
            RedirectAttributes redirect) {
        try {
            alerts.decide(id, new AlertDecision(to, version, reason));
            redirect.addFlashAttribute("notice", "supervision.alert.decided");
            return "redirect:/supervision/alerts/" + id;
        }
        catch (InvalidInputException ex) {
            model.addAttribute("problems", ex.problems());
            model.addAttribute("reason", reason);
            return alert(id, model);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Configuration(proxyBeanMethods = false)
    static class Navigation {

        @Bean
        NavItem supervisionDeskNav() {
            return new NavItem("nav.supervision.desk", "/supervision", 600, SupervisionPermission.ALERT_READ.roles())
                .inGroup("nav.group.supervision");
        }

        @Bean
        NavItem supervisionRulesNav() {
            return new NavItem("nav.supervision.rules", "/supervision/rules", 610,
                    SupervisionPermission.RULE_READ.roles())
                .inGroup("nav.group.supervision");
        }

    }

}
