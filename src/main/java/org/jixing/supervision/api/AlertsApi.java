package org.jixing.supervision.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jixing.shared.PageResult;
import org.jixing.supervision.Alert;
import org.jixing.supervision.AlertDecision;
import org.jixing.supervision.AlertFilter;
import org.jixing.supervision.AlertStatus;
import org.jixing.supervision.Alerts;
import org.jixing.supervision.DecisionTaken;
import org.jixing.supervision.DeskCount;
import org.jixing.supervision.Severity;
import org.jixing.supervision.SubjectKind;
import org.jixing.supervision.SupervisionPermission;
import org.jixing.supervision.SupervisionPermission.Allowed;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The supervision desk's alerts, within the caller's scope. */
@RestController
@RequestMapping("/api/v1/supervision/alerts")
@Tag(name = "Supervision", description = "Risk alerts with their evidence, decisions, rules and scans")
class AlertsApi {

    private final Alerts alerts;

    AlertsApi(Alerts alerts) {
        this.alerts = alerts;
    }

    @Allowed(SupervisionPermission.ALERT_READ)
    @GetMapping
    @Operation(summary = "Alerts in the caller's scope, by severity, score and time; each filter optional")
    PageResult<Alert> list(@RequestParam(required = false) AlertStatus status,
            @RequestParam(required = false) Severity severity, @RequestParam(required = false) String rule,
            @RequestParam(required = false) String region, @RequestParam(required = false) Long providerId,
            @RequestParam(required = false) SubjectKind kind, @RequestParam(required = false) Boolean blocking,
            @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Integer size) {
        return alerts.search(new AlertFilter(status, severity, rule, region, providerId, kind, blocking), page,
                PageResult.size(size));
    }

    @Allowed(SupervisionPermission.ALERT_READ)
    @GetMapping("/counts")
    @Operation(summary = "Live alerts by rule, severity and city in the caller's scope")
    List<DeskCount> counts() {
        return alerts.deskCounts();
    }

    @Allowed(SupervisionPermission.ALERT_READ)
    @GetMapping("/{id}")
    @Operation(summary = "One alert with its evidence and targets; 404 outside the caller's scope")
    Alert get(@PathVariable long id) {
        return alerts.get(id);
    }

    @Allowed(SupervisionPermission.ALERT_READ)
    @GetMapping("/{id}/decisions")
    @Operation(summary = "The decisions taken on an alert, oldest first")
    List<DecisionTaken> decisions(@PathVariable long id) {
        return alerts.decisions(id);
    }

    @Allowed(SupervisionPermission.ALERT_DECIDE)
    @PostMapping("/{id}/decision")
    @Operation(summary = "Decide an alert: CONFIRMED, DISMISSED (false) or CLEARED (the hold lifted), with a reason; "
            + "version is the alert's as read")
    Alert decide(@PathVariable long id, @RequestBody AlertDecision decision) {
        return alerts.decide(id, decision);
    }

}
