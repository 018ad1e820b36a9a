package org.jixing.supervision;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixing.supervision.RuleDefinition.Trigger;
import org.jixing.supervision.internal.ConfirmationStore;
import org.jixing.supervision.internal.ConfirmationStore.Denial;
import org.springframework.stereotype.Component;

/**
 * TRAINEE_DENIED: trainees on a claim said they did not attend the class. Subject the
 * claim, targets the denying trainees' enrolments; blocking, so the claim is held until
 * an inspector decides. Runs when a trainee denies (trigger CONFIRMATION) and in the
 * scans.
 */
@Component
class TraineeDeniedRule implements RiskRule {

    static final String CODE = "TRAINEE_DENIED";

    private final ConfirmationStore store;

    TraineeDeniedRule(ConfirmationStore store) {
        this.store = store;
    }

    @Override
    public RuleDefinition definition() {
        return new RuleDefinition(CODE, List.of(Trigger.CONFIRMATION),
                List.of(RuleParameter.of("min_denials", 1, 1, 50, "申领中否认参训的学员达到该人数即预警",
                        "Denials on one claim that raise the alert")),
                Severity.HIGH, true, "学员否认参加了申领补贴的培训班", "Trainees deny having attended the claimed class");
    }

    @Override
    public List<Hit> evaluate(ScanWindow window, RuleVersion version) {
        return hits(store.denials(window.from(), window.to(), window.claimIds()), version.whole("min_denials"));
    }

    /** One hit per claim with at least {@code minDenials} denials. */
    static List<Hit> hits(List<Denial> denials, long minDenials) {
        Map<Long, List<Denial>> byClaim = new LinkedHashMap<>();
        denials.forEach(d -> byClaim.computeIfAbsent(d.claimId(), k -> new ArrayList<>()).add(d));
        List<Hit> out = new ArrayList<>();
        for (List<Denial> ds : byClaim.values()) {
            if (ds.size() < minDenials) {
                continue;
            }
            Denial first = ds.get(0);
            List<Map<String, Object>> lines = new ArrayList<>();
            List<Hit.Target> targets = new ArrayList<>();
            for (Denial d : ds.subList(0, Math.min(ds.size(), Alerts.EVIDENCE_LIST_LIMIT))) {
                Map<String, Object> l = new LinkedHashMap<>();
                l.put("enrolmentId", d.enrolmentId());
                l.put("answeredAt", d.answeredAt().toString());
                if (d.remark() != null) {
                    l.put("remark", d.remark());
                }
                lines.add(l);
            }
            ds.forEach(d -> targets.add(new Hit.Target(SubjectKind.ENROLMENT, d.enrolmentId())));
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("claim", first.claimNo());
            evidence.put("denials", ds.size());
            evidence.put("lines", lines);
            out.add(new Hit(SubjectKind.CLAIM, first.claimId(), first.claimNo(), first.regionCode(), first.lineCode(),
                    first.providerId(), null, Math.min(100, 60 + 20 * ds.size()), evidence, targets));
        }
        return out;
    }

}
