package org.jixing.supervision.api;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jixing.supervision.NewRuleVersion;
import org.jixing.supervision.RiskProfile;
import org.jixing.supervision.RiskRules;
import org.jixing.supervision.RiskScans;
import org.jixing.supervision.RuleMeasure;
import org.jixing.supervision.RuleMeasures;
import org.jixing.supervision.RuleVersion;
import org.jixing.supervision.ScanRun;
import org.jixing.supervision.ScanSummary;
import org.jixing.supervision.SubjectKind;
import org.jixing.supervision.SupervisionPermission;
import org.jixing.supervision.SupervisionPermission.Allowed;
import org.jixing.provider.Filings;
import org.jixing.provider.Registry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The risk rules as data, their measures, the scans, and risk profiles. */
@RestController
@RequestMapping("/api/v1/supervision")
@Tag(name = "Supervision")
class RiskRulesApi {

    private final RiskRules rules;

    private final RuleMeasures measures;

    private final RiskScans scans;

    private final Filings filings;

    RiskRulesApi(RiskRules rules, RuleMeasures measures, RiskScans scans, Filings filings) {
        this.rules = rules;
        this.measures = measures;
        this.scans = scans;
        this.filings = filings;
    }

    @Allowed(SupervisionPermission.RULE_READ)
    @GetMapping("/rules")
    @Operation(summary = "Every rule: its definition (parameters, triggers) and the version in force")
    List<RiskRules.Rule> rules() {
        return rules.list();
    }

    @Allowed(SupervisionPermission.RULE_READ)
    @GetMapping("/rules/{code}/versions")
    @Operation(summary = "A rule's published versions, newest first")
    List<RuleVersion> versions(@PathVariable String code) {
        return rules.versions(code);
    }

    @Allowed(SupervisionPermission.RULE_PUBLISH)
    @PostMapping("/rules/{code}/versions")
    @Operation(summary = "Publish a rule's next version; fields left out keep the version in force; parameters "
            + "the rule does not declare or values out of range are refused")
    RuleVersion publish(@PathVariable String code, @RequestBody NewRuleVersion version) {
        return rules.publish(code, version);
    }

    @Allowed(SupervisionPermission.RULE_READ)
    @GetMapping("/rule-measures")
    @Operation(summary = "Each rule's alerts, decisions, precision, cases and money recovered")
    List<RuleMeasure> measures() {
        return measures.all();
    }

    @Allowed(SupervisionPermission.ALERT_READ)
    @GetMapping("/scans")
    @Operation(summary = "The latest scans, newest first")
    List<ScanRun> scans() {
        return scans.latest();
    }

    /** A period to scan. */
    record ScanRequest(Instant from, Instant to) {
    }

    @Allowed(SupervisionPermission.SCAN_RUN)
    @PostMapping("/scans")
    @Operation(summary = "Run every enabled rule over a period now (at most 400 days)")
    ScanSummary scan(@RequestBody ScanRequest request) {
        return scans.scan(request.from(), request.to());
    }

    @Allowed(SupervisionPermission.ALERT_READ)
    @GetMapping("/profiles/{kind:providers|evaluation-bodies}/{id}")
    @Operation(summary = "A provider's or evaluation body's alerts by month and rule; 404 outside the caller's scope")
    RiskProfile profile(@PathVariable String kind, @PathVariable long id) {
        boolean provider = "providers".equals(kind);
        filings.get(provider ? Registry.PROVIDER : Registry.EVALUATION_BODY, id);
        return measures.profile(provider ? SubjectKind.PROVIDER : SubjectKind.EVALUATION_BODY, id);
    }

}
