package org.jixing.supervision.rules;

import static org.jixing.supervision.rules.RuleSupport.map;
import static org.jixing.supervision.rules.RuleSupport.round;

import java.util.ArrayList;
import java.util.List;

import org.jixing.supervision.Hit;
import org.jixing.supervision.RuleParameter;
import org.jixing.supervision.SubjectKind;
import org.jixing.training.ClassFacts.ProviderCount;

/**
 * A provider's enrolments or completions in a period far above its own usual rate (its
 * history's daily rate, or a floor for a provider with little history), and at least a
 * minimum count.
 */
final class Surges {

    private Surges() {
    }

    static List<RuleParameter> parameters(String zh, String en) {
        return List.of(
                RuleParameter.of("factor", 5, 1.5, 100, "超过本机构日常水平的倍数", "How many times the provider's usual rate"),
                RuleParameter.of("minCount", 50, 5, 100000, "期间内至少多少" + zh + "才判断",
                        "The fewest " + en + " in the period to judge"),
                RuleParameter.of("historyDays", 28, 7, 365, "日常水平按此前多少天计算",
                        "Days of history the usual rate is taken from"),
                RuleParameter.of("floorPerDay", 2, 0, 1000, "日常水平每天至少按多少计", "The least usual rate assumed per day"));
    }

    static List<Hit> find(List<ProviderCount> counts, long days, double factor, long minCount, int historyDays,
            double floorPerDay) {
        List<Hit> hits = new ArrayList<>();
        for (ProviderCount c : counts) {
            double usualPerDay = Math.max((double) c.before() / historyDays, floorPerDay);
            double expected = usualPerDay * days;
            if (c.inPeriod() < minCount || c.inPeriod() < factor * expected) {
                continue;
            }
            double times = expected <= 0 ? c.inPeriod() : c.inPeriod() / expected;
            hits.add(new Hit(SubjectKind.PROVIDER, c.providerId(), c.providerName(), c.regionCode(), null,
                    c.providerId(), null, (int) Math.min(100, 40 + 5 * times),
                    map("inPeriod", c.inPeriod(), "days", days, "historyDays", historyDays, "inHistory", c.before(),
                            "usualPerDay", round(usualPerDay, 2), "times", round(times, 1), "factor", factor,
                            "minCount", minCount),
                    List.of()));
        }
        return hits;
    }

}
