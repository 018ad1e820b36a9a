package org.jixing.supervision.rules;

import static org.jixing.supervision.rules.RuleSupport.map;
import static org.jixing.supervision.rules.RuleSupport.round;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jixing.supervision.Hit;
import org.jixing.supervision.RuleParameter;
import org.jixing.supervision.SubjectKind;
import org.jixing.training.ClassFacts.ProviderDay;

/**
 * A provider's enrolments or completions on a day far above its own usual rate (its daily
 * average over the {@code historyDays} before that day, or a floor for a provider with
 * little history), and at least a minimum count on that day. Compared day by day, as
 * CLAIM_SURGE does, so that a one-day surge is found whatever the window scanned.
 */
final class Surges {

    private Surges() {
    }

    static List<RuleParameter> parameters(String zh, String en) {
        return List.of(
                RuleParameter.of("factor", 5, 1.5, 100, "当日数量超过本机构日常水平的倍数",
                        "How many times the provider's usual daily rate on the day"),
                RuleParameter.of("minCount", 50, 5, 100000, "当日至少多少" + zh + "才判断",
                        "The fewest " + en + " on the day to judge"),
                RuleParameter.of("historyDays", 28, 7, 365, "日常水平按当日之前多少天计算",
                        "Days before the day the usual rate is taken from"),
                RuleParameter.of("floorPerDay", 2, 0, 1000, "日常水平每天至少按多少计", "The least usual rate assumed per day"));
    }

    /**
     * One hit per provider: its biggest surging day from {@code first} to {@code last}
     * (inclusive); {@code days} must cover the {@code historyDays} before {@code first}
     * too.
     */
    static List<Hit> find(List<ProviderDay> days, LocalDate first, LocalDate last, double factor, long minCount,
            int historyDays, double floorPerDay) {
        Map<Long, TreeMap<LocalDate, ProviderDay>> byProvider = new LinkedHashMap<>();
        days.forEach(d -> byProvider.computeIfAbsent(d.providerId(), k -> new TreeMap<>())
            .merge(d.day(), d, (a, b) -> new ProviderDay(a.providerId(), a.providerName(), a.regionCode(), a.day(),
                    a.count() + b.count())));
        List<Hit> hits = new ArrayList<>();
        for (TreeMap<LocalDate, ProviderDay> provider : byProvider.values()) {
            ProviderDay worst = null;
            long worstBefore = 0;
            double worstUsual = 0;
            for (ProviderDay d : provider.subMap(first, true, last, true).values()) {
                if (d.count() < minCount || (worst != null && d.count() <= worst.count())) {
                    continue;
                }
                long before = provider.subMap(d.day().minusDays(historyDays), true, d.day(), false)
                    .values()
                    .stream()
                    .mapToLong(ProviderDay::count)
                    .sum();
                double usual = Math.max((double) before / historyDays, floorPerDay);
                if (d.count() >= factor * usual) {
                    worst = d;
                    worstBefore = before;
                    worstUsual = usual;
                }
            }
            if (worst != null) {
                double times = worstUsual <= 0 ? worst.count() : worst.count() / worstUsual;
                hits.add(new Hit(SubjectKind.PROVIDER, worst.providerId(), worst.providerName(), worst.regionCode(),
                        null, worst.providerId(), null, (int) Math.min(100, 40 + 5 * times),
                        map("day", worst.day().toString(), "onDay", worst.count(), "historyDays", historyDays,
                                "inHistory", worstBefore, "usualPerDay", round(worstUsual, 2), "times", round(times, 1),
                                "factor", factor, "minCount", minCount),
                        List.of()));
            }
        }
        return hits;
    }

}
