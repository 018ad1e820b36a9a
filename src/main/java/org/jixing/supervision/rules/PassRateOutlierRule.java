package org.jixing.supervision.rules;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jixing.certification.CertificationRiskFacts;
import org.jixing.certification.CertificationRiskFacts.BatchResults;
import org.jixing.certification.CertificationRiskFacts.PassRate;
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
 * PASS_RATE_OUTLIER: an evaluation body's pass rate for an occupation and level, over the
 * last {@code lookbackDays} of batches, is at least {@code marginPoints} percentage
 * points above its peers' (the other bodies' results pooled, when they have at least
 * {@code minPeerCandidates}), with at least {@code minCandidates} of its own; or it
 * passed every one of at least {@code allPassCandidates} candidates, whatever its peers
 * did (with few or no peers there is nothing to compare; and a real exam of that size is
 * never passed by all). Judged for the bodies with results entered in the window (or
 * named by an event).
 */
@Component
public class PassRateOutlierRule implements RiskRule {

    static final String CODE = "PASS_RATE_OUTLIER";

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final CertificationRiskFacts facts;

    PassRateOutlierRule(CertificationRiskFacts facts) {
        this.facts = facts;
    }

    @Override
    public RuleDefinition definition() {
        return new RuleDefinition(CODE, List.of(Trigger.CERTIFICATE),
                List.of(RuleParameter.of("lookbackDays", 365, 30, 1095, "统计通过率的回溯天数（按考核日期）",
                        "Days of batches (by assessment day) the pass rates cover"),
                        RuleParameter.of("minCandidates", 20, 5, 10000, "机构在该职业等级的考生至少达到此人数才与同行比较",
                                "The fewest candidates of the body for an occupation and level to compare it"),
                        RuleParameter.of("minPeerCandidates", 20, 5, 100000, "同行考生合计至少达到此人数才视为有可比同行",
                                "The fewest candidates of the peers together for a comparison"),
                        RuleParameter.of("marginPoints", 25, 5, 100, "通过率高出同行的百分点",
                                "Percentage points above the peers' pass rate"),
                        RuleParameter.of("allPassCandidates", 30, 5, 10000, "全部通过且考生达到此人数即视为异常",
                                "Everyone passing at least this many candidates is flagged")),
                Severity.HIGH, false, "评价机构某职业等级的通过率远高于同行，或考生全部通过",
                "An evaluation body's pass rate for an occupation and level is far above its peers', or everyone passed");
    }

    @Override
    public List<Hit> evaluate(ScanWindow window, RuleVersion version) {
        if (window.focused() && window.bodyIds().isEmpty()) {
            return List.of();
        }
        LocalDate since = LocalDate.ofInstant(window.to(), CHINA).minusDays(version.whole("lookbackDays"));
        List<PassRate> rates = facts.passRates(since, window.to(), window.bodyIds());
        List<PassRate> judged = rates.stream()
            .filter(r -> window.bodyIds().isEmpty() ? !r.lastEnteredAt().isBefore(window.from())
                    : window.bodyIds().contains(r.bodyId()))
            .toList();
        return hits(rates, judged,
                new Params((int) version.whole("minCandidates"), (int) version.whole("minPeerCandidates"),
                        version.number("marginPoints"), (int) version.whole("allPassCandidates")),
                r -> facts.batches(r.bodyId(), r.occupationCode(), r.levelCode(), since));
    }

    record Params(int minCandidates, int minPeerCandidates, double marginPoints, int allPassCandidates) {
    }

    /** The judged rates that stand out among all. */
    static List<Hit> hits(List<PassRate> all, List<PassRate> judged, Params p,
            Function<PassRate, List<BatchResults>> batches) {
        List<Hit> out = new ArrayList<>();
        for (PassRate r : judged) {
            int peerCandidates = 0;
            int peerPassed = 0;
            int peers = 0;
            for (PassRate o : all) {
                if (o.bodyId() != r.bodyId() && o.occupationCode().equals(r.occupationCode())
                        && o.levelCode().equals(r.levelCode())) {
                    peers++;
                    peerCandidates += o.candidates();
                    peerPassed += o.passed();
                }
            }
            boolean comparable = peerCandidates >= p.minPeerCandidates();
            double rate = r.rate() * 100;
            double peerRate = peerCandidates == 0 ? 0 : peerPassed * 100.0 / peerCandidates;
            boolean above = comparable && r.candidates() >= p.minCandidates() && rate - peerRate >= p.marginPoints();
            boolean allPass = r.passed() == r.candidates() && r.candidates() >= p.allPassCandidates();
            if (!above && !allPass) {
                continue;
            }
            List<Map<String, Object>> listed = batches.apply(r)
                .stream()
                .map(b -> Evidence.of("batchNo", b.batchNo(), "assessedOn", b.assessedOn().toString(), "candidates",
                        b.candidates(), "passed", b.passed()))
                .toList();
            out.add(new Hit(SubjectKind.EVALUATION_BODY, r.bodyId(), r.bodyName(), r.regionCode(), null, null,
                    r.bodyId(), (int) Math.min(100, 50 + (rate - (comparable ? peerRate : 50))),
                    Evidence.of("occupationCode", r.occupationCode(), "levelCode", r.levelCode(), "candidates",
                            r.candidates(), "passed", r.passed(), "passRatePercent", Math.round(rate * 10) / 10.0,
                            "peers", peers, "peerCandidates", peerCandidates, "peerPassRatePercent",
                            comparable ? Math.round(peerRate * 10) / 10.0 : null, "batches", Evidence.capped(listed)),
                    List.of()));
        }
        return out;
    }

}
