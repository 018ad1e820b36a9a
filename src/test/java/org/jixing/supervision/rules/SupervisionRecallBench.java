package org.jixing.supervision.rules;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jixing.IntegrationTest;
import org.jixing.demo.Planted;
import org.jixing.demo.PlantedFraud;
import org.jixing.reference.ReferenceCatalogue;
import org.jixing.reference.Region;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.subsidy.SubsidyFixtures;
import org.jixing.supervision.RiskScans;
import org.jixing.supervision.ScanSummary;
import org.jixing.supervision.ScanWindow;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Recall and precision of the supervision rules on the planted-fraud generator: the test
 * context seeds the demo province (its size set by {@code jixing.demo.history.*}), then
 * {@code jixing.bench.copies} instances of every pattern the generator knows are planted
 * among those honest records (spread over the cities, seed {@code jixing.bench.seed}),
 * and one scan runs every rule over the last two weeks (the ghost class ran last week).
 * Per pattern: how many planted subjects have a live alert of the rule expected (recall),
 * and of the live alerts of the pattern's rules how many are about a subject planted by
 * any pattern (precision: the classes of PHONE_MANY really are fake, so GHOST_CLASS's
 * rules firing on them are right), with how many of those fell on other patterns'
 * subjects. Figures in {@code target/bench/supervision-recall.txt}. Run by
 * {@code bench/supervision-recall.sh}.
 */
class SupervisionRecallBench extends IntegrationTest implements SubsidyFixtures {

    @Test
    void recallAndPrecision() throws Exception {
        int copies = Integer.getInteger("jixing.bench.copies", 10);
        long seed = Long.getLong("jixing.bench.seed", 18L);
        rulesInForce();
        JdbcClient jdbc = bean(JdbcClient.class);
        long honestClaims = jdbc.sql("select count(*) from subsidy_claim").query(Long.class).single();
        long honestEnrolments = jdbc.sql("select count(*) from enrolment").query(Long.class).single();
        long honestPeople = jdbc.sql("select count(*) from person").query(Long.class).single();
        long honestBodies = jdbc.sql("select count(*) from filed_body").query(Long.class).single();

        List<String> cities = bean(ReferenceCatalogue.class).cities().stream().map(Region::code).toList();
        CurrentUser admin = new CurrentUser(1, "admin", "admin", Role.PROVINCE_ADMIN, DataScope.province("370000"));
        PlantedFraud fraud = bean(PlantedFraud.class);
        long plantStarted = System.nanoTime();
        List<Planted> planted = fraud.plant(today(), admin, cities, copies, Set.of(), seed);
        double plantSeconds = (System.nanoTime() - plantStarted) / 1e9;

        Instant now = clock.instant();
        long scanStarted = System.nanoTime();
        // A claim's own run raising the same alert at that moment merges into it.
        ScanSummary summary = bean(RiskScans.class).run(null,
                ScanWindow.between(now.minus(Duration.ofDays(14)), now.plusSeconds(60)));
        double scanSeconds = (System.nanoTime() - scanStarted) / 1e9;

        // The live alerts per rule, as rule -> subjects "KIND:id".
        Map<String, Set<String>> live = new HashMap<>();
        jdbc.sql("select rule_code, subject_kind, subject_id from risk_alert where status = 'OPEN'")
            .query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) + ":" + rs.getLong(3) })
            .list()
            .forEach(r -> live.computeIfAbsent(r[0], k -> new HashSet<>()).add(r[1]));
        Set<String> anyPlanted = new HashSet<>();
        planted.forEach(p -> anyPlanted.add(p.subjectKind() + ":" + p.subjectId()));

        Map<String, List<Planted>> byPattern = new LinkedHashMap<>();
        fraud.codes().forEach(c -> byPattern.put(c, new ArrayList<>()));
        planted.forEach(p -> byPattern.get(p.pattern()).add(p));
        List<String> report = new ArrayList<>();
        report.add(String.format("Planted %d instances of %d patterns (%d copies each, seed %d, cities %d) in %.1f s",
                planted.size(), byPattern.size(), copies, seed, cities.size(), plantSeconds));
        report.add(String.format(
                "Honest records before planting: %d claims, %d enrolments, %d people, %d filed bodies (demo history: %s classes, %s people)",
                honestClaims, honestEnrolments, honestPeople, honestBodies,
                System.getProperty("jixing.demo.history.classes", "test profile"),
                System.getProperty("jixing.demo.history.people", "test profile")));
        report.add(String.format("Scan of the last two weeks: %d rules, %d hits, %d new alerts, %d merged, in %.1f s",
                summary.rulesRun(), summary.hits(), summary.alertsNew(), summary.alertsMerged(), scanSeconds));
        report.add(String.format("%-22s %-38s %8s %8s %8s %8s %9s %9s", "pattern", "rules", "planted", "found",
                "alerts", "others'", "recall", "precision"));
        for (var e : byPattern.entrySet()) {
            List<Planted> ps = e.getValue();
            Set<String> rules = new TreeSet<>();
            ps.forEach(p -> rules.add(p.ruleCode()));
            long found = ps.stream()
                .filter(p -> live.getOrDefault(p.ruleCode(), Set.of()).contains(p.subjectKind() + ":" + p.subjectId()))
                .count();
            Set<String> own = new HashSet<>();
            ps.forEach(p -> own.add(p.subjectKind() + ":" + p.subjectId()));
            long alerts = 0;
            long right = 0;
            long onOthers = 0;
            for (String r : rules) {
                Set<String> raised = live.getOrDefault(r, Set.of());
                alerts += raised.size();
                right += raised.stream().filter(anyPlanted::contains).count();
                onOthers += raised.stream().filter(x -> anyPlanted.contains(x) && !own.contains(x)).count();
            }
            report.add(String.format("%-22s %-38s %8d %8d %8d %8d %9s %9s", e.getKey(), String.join(",", rules),
                    ps.size(), found, alerts, onOthers,
                    ps.isEmpty() ? "-" : String.format("%.3f", (double) found / ps.size()),
                    alerts == 0 ? "-" : String.format("%.3f", (double) right / alerts)));
        }
        // Each live alert of a planting pattern's rules that no pattern planted, to see
        // why.
        Set<String> patternRules = new TreeSet<>();
        planted.forEach(p -> patternRules.add(p.ruleCode()));
        jdbc.sql("select rule_code, subject_kind, subject_id, subject_label from risk_alert where status = 'OPEN' "
                + "order by rule_code, subject_kind, subject_id")
            .query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) + ":" + rs.getLong(3), rs.getString(4) })
            .list()
            .stream()
            .filter(r -> patternRules.contains(r[0]) && !anyPlanted.contains(r[1]))
            .forEach(r -> report.add("Not planted: " + r[0] + " " + r[1] + " " + r[2]));
        report.add("Live alerts per rule: " + new java.util.TreeMap<>(live.entrySet()
            .stream()
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, x -> x.getValue().size()))));
        report.forEach(System.out::println);
        Path out = Path.of("target/bench/supervision-recall.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report);
    }

}
