package org.jixing.supervision.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jixing.subsidy.ClaimRiskFacts;
import org.jixing.subsidy.ClaimRiskFacts.DailyClaims;
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
 * CLAIM_SURGE: a provider filed, on a day of the window, at least {@code minClaims}
 * claims and at least {@code factor} times its usual daily number (its average over the
 * {@code lookbackDays} before that day, at least one), having filed on at least
 * {@code minHistoryDays} days before: a surge against its own history needs one (a
 * provider bringing its past classes' claims in on its first day is not surging).
 */
@Component
public class ClaimSurgeRule implements RiskRule {

    static final String CODE = "CLAIM_SURGE";

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final ClaimRiskFacts claims;

    ClaimSurgeRule(ClaimRiskFacts claims) {
        this.claims = claims;
    }

    @Override
    public RuleDefinition definition() {
        return new RuleDefinition(CODE, List.of(Trigger.CLAIM), List.of(
                RuleParameter.of("lookbackDays", 90, 14, 730, "计算日常申请量的回溯天数",
                        "Days before a day that give the provider's usual rate"),
                RuleParameter.of("factor", 5, 1.5, 100, "当日申请量达到日常日均量的倍数", "How many times its usual daily number"),
                RuleParameter.of("minClaims", 5, 2, 10000, "当日申请量至少达到此数", "The fewest claims on the day"),
                RuleParameter.of("minHistoryDays", 3, 1, 365, "此前至少有此数的申请日才视为有历史可比",
                        "The fewest earlier filing days that make a history to compare with")),
                Severity.MEDIUM, false, "培训机构补贴申请量远超其自身日常水平", "A provider's claims far above its own usual rate");
    }

    @Override
    public List<Hit> evaluate(ScanWindow window, RuleVersion version) {
        if (window.focused() && window.providerIds().isEmpty()) {
            return List.of();
        }
        int lookback = (int) version.whole("lookbackDays");
        LocalDate first = LocalDate.ofInstant(window.from(), CHINA);
        LocalDate last = LocalDate.ofInstant(window.to().minusMillis(1), CHINA);
        Instant since = first.minusDays(lookback).atStartOfDay(CHINA).toInstant();
        Instant until = last.plusDays(1).atStartOfDay(CHINA).toInstant();
        return hits(claims.perDay(since, until, window.providerIds()), first, last, lookback, version.number("factor"),
                (int) version.whole("minClaims"), (int) version.whole("minHistoryDays"));
    }

    /**
     * One hit per provider: its biggest surging day from {@code first} to {@code last}.
     */
    static List<Hit> hits(List<DailyClaims> days, LocalDate first, LocalDate last, int lookback, double factor,
            int minClaims, int minHistoryDays) {
        Map<Long, List<DailyClaims>> byProvider = new LinkedHashMap<>();
        days.forEach(d -> byProvider.computeIfAbsent(d.providerId(), k -> new ArrayList<>()).add(d));
        List<Hit> out = new ArrayList<>();
        for (List<DailyClaims> provider : byProvider.values()) {
            DailyClaims worst = null;
            double worstUsual = 0;
            for (DailyClaims d : provider) {
                if (d.day().isBefore(first) || d.day().isAfter(last) || d.claims() < minClaims) {
                    continue;
                }
                List<DailyClaims> before = provider.stream()
                    .filter(o -> o.day().isBefore(d.day()) && !o.day().isBefore(d.day().minusDays(lookback)))
                    .toList();
                if (before.size() < minHistoryDays) {
                    continue;
                }
                double usual = before.stream().mapToInt(DailyClaims::claims).sum() / (double) lookback;
                if (d.claims() >= factor * Math.max(usual, 1.0) && (worst == null || d.claims() > worst.claims())) {
                    worst = d;
                    worstUsual = usual;
                }
            }
            if (worst != null) {
                out.add(new Hit(SubjectKind.PROVIDER, worst.providerId(), worst.providerName(), worst.regionCode(),
                        null, worst.providerId(), null,
                        (int) Math.min(100, 50 + worst.claims() / Math.max(worstUsual, 1.0)),
                        Evidence.of("day", worst.day().toString(), "claims", worst.claims(), "usualPerDay",
                                Math.round(worstUsual * 100) / 100.0, "lookbackDays", lookback, "factor", factor),
                        List.of()));
            }
        }
        return out;
    }

}
