package org.jixing.supervision.rules;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixing.certification.CertificationRiskFacts;
import org.jixing.certification.CertificationRiskFacts.DailyCertificates;
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
 * CERTIFICATE_SURGE: an evaluation body issued, on a day of the window, at least
 * {@code minCertificates} certificates and at least {@code factor} times its usual daily
 * number (its average over the {@code lookbackDays} before that day, at least one).
 */
@Component
public class CertificateSurgeRule implements RiskRule {

    static final String CODE = "CERTIFICATE_SURGE";

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final CertificationRiskFacts facts;

    CertificateSurgeRule(CertificationRiskFacts facts) {
        this.facts = facts;
    }

    @Override
    public RuleDefinition definition() {
        return new RuleDefinition(CODE, List.of(Trigger.CERTIFICATE), List.of(
                RuleParameter.of("lookbackDays", 90, 14, 730, "计算日常发证量的回溯天数",
                        "Days before a day that give the body's usual rate"),
                RuleParameter.of("factor", 5, 1.5, 100, "当日发证量达到日常日均量的倍数", "How many times its usual daily number"),
                RuleParameter.of("minCertificates", 30, 2, 100000, "当日发证量至少达到此数",
                        "The fewest certificates on the day")),
                Severity.MEDIUM, false, "评价机构发证量远超其自身日常水平",
                "An evaluation body's certificates far above its own usual rate");
    }

    @Override
    public List<Hit> evaluate(ScanWindow window, RuleVersion version) {
        if (window.focused() && window.bodyIds().isEmpty()) {
            return List.of();
        }
        int lookback = (int) version.whole("lookbackDays");
        LocalDate first = LocalDate.ofInstant(window.from(), CHINA);
        LocalDate last = LocalDate.ofInstant(window.to().minusMillis(1), CHINA);
        List<DailyCertificates> days = facts.perDay(first.minusDays(lookback), last.plusDays(1), window.bodyIds());
        return hits(days, first, last, lookback, version.number("factor"), (int) version.whole("minCertificates"));
    }

    /**
     * One hit per body: its biggest day from {@code first} to {@code last} that surges.
     */
    static List<Hit> hits(List<DailyCertificates> days, LocalDate first, LocalDate last, int lookback, double factor,
            int minCertificates) {
        Map<Long, List<DailyCertificates>> byBody = new LinkedHashMap<>();
        days.forEach(d -> byBody.computeIfAbsent(d.bodyId(), k -> new ArrayList<>()).add(d));
        List<Hit> out = new ArrayList<>();
        for (List<DailyCertificates> body : byBody.values()) {
            DailyCertificates worst = null;
            double worstUsual = 0;
            for (DailyCertificates d : body) {
                if (d.day().isBefore(first) || d.day().isAfter(last) || d.issued() < minCertificates) {
                    continue;
                }
                long before = body.stream()
                    .filter(o -> o.day().isBefore(d.day()) && !o.day().isBefore(d.day().minusDays(lookback)))
                    .mapToLong(DailyCertificates::issued)
                    .sum();
                double usual = (double) before / lookback;
                if (d.issued() >= factor * Math.max(usual, 1.0) && (worst == null || d.issued() > worst.issued())) {
                    worst = d;
                    worstUsual = usual;
                }
            }
            if (worst != null) {
                out.add(new Hit(SubjectKind.EVALUATION_BODY, worst.bodyId(), worst.bodyName(), worst.regionCode(), null,
                        null, worst.bodyId(), (int) Math.min(100, 50 + worst.issued() / Math.max(worstUsual, 1.0)),
                        Evidence.of("day", worst.day().toString(), "issued", worst.issued(), "usualPerDay",
                                Math.round(worstUsual * 100) / 100.0, "lookbackDays", lookback, "factor", factor),
                        List.of()));
            }
        }
        return out;
    }

}
