package org.jixing.supervision.rules;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jixing.certification.CertificationRiskFacts;
import org.jixing.certification.CertificationRiskFacts.DailyCertificates;
import org.jixing.provider.FiledBody;
import org.jixing.provider.Filings;
import org.jixing.provider.Registry;
import org.jixing.supervision.Hit;
import org.jixing.supervision.RiskRule;
import org.jixing.supervision.RuleDefinition;
import org.jixing.supervision.RuleDefinition.Trigger;
import org.jixing.supervision.RuleParameter;
import org.jixing.supervision.RuleVersion;
import org.jixing.supervision.ScanWindow;
import org.jixing.supervision.Severity;
import org.jixing.supervision.SubjectKind;
import org.springframework.stereotype.Component;

/**
 * CERTIFICATES_SOON_AFTER_ACCREDITATION: an evaluation body issued at least
 * {@code minCertificates} certificates within {@code days} days of its filing's approval
 * (the first day its filing is valid). Judged for the bodies that issued certificates in
 * the window.
 */
@Component
public class CertificatesSoonAfterAccreditationRule implements RiskRule {

    static final String CODE = "CERTIFICATES_SOON_AFTER_ACCREDITATION";

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final CertificationRiskFacts facts;

    private final Filings filings;

    CertificatesSoonAfterAccreditationRule(CertificationRiskFacts facts, Filings filings) {
        this.facts = facts;
        this.filings = filings;
    }

    @Override
    public RuleDefinition definition() {
        return new RuleDefinition(CODE, List.of(Trigger.CERTIFICATE),
                List.of(RuleParameter.of("days", 60, 1, 365, "备案批准后的天数", "Days after the body's filing was approved"),
                        RuleParameter.of("minCertificates", 200, 10, 100000, "此期间发证量至少达到此数",
                                "The fewest certificates in those days")),
                Severity.HIGH, false, "评价机构备案后短期内大量发证",
                "Many certificates soon after the evaluation body's filing was approved");
    }

    @Override
    public List<Hit> evaluate(ScanWindow window, RuleVersion version) {
        if (window.focused() && window.bodyIds().isEmpty()) {
            return List.of();
        }
        Set<Long> bodies = window.bodyIds();
        if (bodies.isEmpty()) {
            LocalDate first = LocalDate.ofInstant(window.from(), CHINA);
            LocalDate last = LocalDate.ofInstant(window.to().minusMillis(1), CHINA);
            bodies = facts.perDay(first, last.plusDays(1), Set.of())
                .stream()
                .map(DailyCertificates::bodyId)
                .collect(Collectors.toSet());
        }
        int days = (int) version.whole("days");
        Map<Long, LocalDate> approved = new LinkedHashMap<>();
        Map<Long, List<DailyCertificates>> issued = new LinkedHashMap<>();
        for (long id : bodies) {
            LocalDate from = filings.find(Registry.EVALUATION_BODY, id).map(FiledBody::filingValidFrom).orElse(null);
            if (from == null) {
                continue;
            }
            approved.put(id, from);
            issued.put(id, facts.perDay(from, from.plusDays(days + 1L), Set.of(id)));
        }
        return hits(approved, issued, days, (int) version.whole("minCertificates"));
    }

    static List<Hit> hits(Map<Long, LocalDate> approved, Map<Long, List<DailyCertificates>> issued, int days,
            int minCertificates) {
        List<Hit> out = new ArrayList<>();
        for (var e : approved.entrySet()) {
            LocalDate from = e.getValue();
            List<DailyCertificates> within = issued.getOrDefault(e.getKey(), List.of())
                .stream()
                .filter(d -> !d.day().isBefore(from) && !d.day().isAfter(from.plusDays(days)))
                .toList();
            int total = within.stream().mapToInt(DailyCertificates::issued).sum();
            if (total < minCertificates || within.isEmpty()) {
                continue;
            }
            DailyCertificates any = within.get(0);
            out.add(new Hit(SubjectKind.EVALUATION_BODY, e.getKey(), any.bodyName(), any.regionCode(), null, null,
                    e.getKey(), Math.min(100, 50 + 50 * total / (minCertificates * 4)),
                    Evidence.of("filingApprovedOn", from.toString(), "days", days, "certificates", total,
                            "minCertificates", minCertificates, "byDay",
                            Evidence.capped(within.stream()
                                .map(d -> Evidence.of("day", d.day().toString(), "issued", d.issued()))
                                .toList())),
                    List.of()));
        }
        return out;
    }

}
