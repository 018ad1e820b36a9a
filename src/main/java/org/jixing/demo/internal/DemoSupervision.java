package org.jixing.demo.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jixing.demo.Planted;
import org.jixing.demo.PlantedFraud;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.RunAs;
import org.jixing.supervision.Alert;
import org.jixing.supervision.AlertFilter;
import org.jixing.supervision.AlertStatus;
import org.jixing.supervision.Alerts;
import org.jixing.supervision.Cases;
import org.jixing.supervision.NewCase;
import org.jixing.supervision.RiskScans;
import org.jixing.supervision.ScanSummary;
import org.jixing.supervision.SubjectKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The demo's supervision: the planted-fraud generator plants every known pattern among
 * the honest records (in 济南 and 青岛), the province's inspector scans the last two weeks
 * (where the patterns were planted), and opens a case on the provider of the ghost class
 * with its live alerts, so a new user finds alerts with their evidence and an open case
 * on the desk.
 */
@Component
class DemoSupervision {

    private static final Logger log = LoggerFactory.getLogger(DemoSupervision.class);

    private final PlantedFraud planted;

    private final RiskScans scans;

    private final Alerts alerts;

    private final Cases cases;

    DemoSupervision(PlantedFraud planted, RiskScans scans, Alerts alerts, Cases cases) {
        this.planted = planted;
        this.scans = scans;
        this.alerts = alerts;
        this.cases = cases;
    }

    /** The province's inspector of the demo (account {@code inspector}). */
    static CurrentUser inspector(String provinceCode) {
        return new CurrentUser(0, "inspector", "省就业培训监督处", Role.INSPECTOR, DataScope.province(provinceCode));
    }

    void generate(LocalDate today, CurrentUser admin, Instant now) {
        List<Planted> made = new ArrayList<>();
        try {
            made.addAll(planted.plant(today, admin, List.of("370100", "370200"), 1, Set.of(), DemoSeeder.SEED));
        }
        catch (RuntimeException ex) {
            log.warn("Planting the demo's fraud patterns stopped early: {}", ex.getMessage());
        }
        CurrentUser inspector = inspector(admin.scope().ref());
        ScanSummary s = RunAs.user(inspector, () -> scans.scan(now.minus(14, ChronoUnit.DAYS), now.plusSeconds(60)));
        log.info("Demo supervision: {} planted ({}), scan: {} hits, {} new alerts", made.size(),
                made.stream().map(Planted::pattern).distinct().toList(), s.hits(), s.alertsNew());
        made.stream()
            .filter(p -> "GHOST_CLASS".equals(p.pattern()))
            .findFirst()
            .ifPresent(ghost -> RunAs.user(inspector, () -> {
                List<Alert> onClass = alerts
                    .search(new AlertFilter(AlertStatus.OPEN, null, null, null, null, SubjectKind.CLASS, null), 0, 200)
                    .items()
                    .stream()
                    .filter(a -> a.subjectId() == ghost.subjectId())
                    .toList();
                if (!onClass.isEmpty() && onClass.get(0).providerId() != null) {
                    long provider = onClass.get(0).providerId();
                    cases.open(
                            NewCase.fromAlerts(SubjectKind.PROVIDER, provider, onClass.stream().map(Alert::id).toList(),
                                    "演示：幽灵班——全班数秒内签到、人脸分值相同、结业数分钟后即申请补贴。待现场核查。", "inspector"));
                }
                return null;
            }));
    }

}
