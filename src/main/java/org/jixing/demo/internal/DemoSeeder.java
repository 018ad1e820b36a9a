package org.jixing.demo.internal;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

import org.jixing.account.Accounts;
import org.jixing.account.NewAccount;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.RunAs;
import org.jixing.statistics.Progress;
import org.jixing.statistics.Targets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates the demo province once: on the first start on the embedded database
 * ({@code jixing.demo.seed=auto}), or on any database when {@code jixing.demo.seed=true}.
 * Never on PostgreSQL unless asked.
 */
@Component
class DemoSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoSeeder.class);

    static final long SEED = 20250908L;

    private final Accounts accounts;

    private final JdbcClient jdbc;

    private final TransactionTemplate tx;

    private final DataSource dataSource;

    private final Environment env;

    private final Clock clock;

    private final String mode;

    private final String configuredPassword;

    private final DemoProvince province;

    private final int traineesPerClass;

    private final DemoHistory history;

    private final int historyProvidersPerCity;

    private final int historyClasses;

    private final int historyPeople;

    private final boolean historyInBackground;

    private final boolean splitTargets;

    private final Progress progress;

    private final Targets targets;

    private final DemoSubsidies subsidies;

    private final DemoPayments payments;

    private final DemoCertificates certificates;

    private final DemoAssessments assessments;

    private final DemoSupervision supervision;

    private final boolean plantedFraud;

    DemoSeeder(Accounts accounts, JdbcClient jdbc, TransactionTemplate tx, DataSource dataSource, Environment env,
            Clock clock, @Value("${jixing.demo.seed:auto}") String mode,
            @Value("${jixing.demo.password:}") String configuredPassword, DemoProvince province,
            @Value("${jixing.demo.trainees-per-class:20}") int traineesPerClass, DemoHistory history,
            @Value("${jixing.demo.history.providers-per-city:17}") int historyProvidersPerCity,
            @Value("${jixing.demo.history.classes:3000}") int historyClasses,
            @Value("${jixing.demo.history.people:80000}") int historyPeople,
            @Value("${jixing.demo.history.background:true}") boolean historyInBackground,
            @Value("${jixing.demo.history.split-targets:true}") boolean splitTargets, Progress progress,
            Targets targets, DemoSubsidies subsidies, DemoPayments payments, DemoCertificates certificates,
            DemoAssessments assessments, DemoSupervision supervision,
            @Value("${jixing.demo.planted-fraud:true}") boolean plantedFraud) {
        this.supervision = supervision;
        this.plantedFraud = plantedFraud;
        this.certificates = certificates;
        this.assessments = assessments;
        this.subsidies = subsidies;
        this.payments = payments;
        this.progress = progress;
        this.targets = targets;
        this.historyInBackground = historyInBackground;
        this.splitTargets = splitTargets;
        this.history = history;
        this.historyProvidersPerCity = historyProvidersPerCity;
        this.historyClasses = historyClasses;
        this.historyPeople = historyPeople;
        this.province = province;
        this.traineesPerClass = traineesPerClass;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.tx = tx;
        this.dataSource = dataSource;
        this.env = env;
        this.clock = clock;
        this.mode = mode;
        this.configuredPassword = configuredPassword;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void onReady() {
        String generatedPassword = null;
        if (shouldSeed()) {
            String password = configuredPassword.isBlank() ? generatePassword() : configuredPassword;
            tx.executeWithoutResult(s -> seed(password));
            if (configuredPassword.isBlank()) {
                generatedPassword = password;
            }
            banner(generatedPassword);
            if (historyInBackground) {
                Thread worker = new Thread(this::generateHistory, "demo-history");
                worker.setDaemon(true);
                worker.start();
            }
            else {
                generateHistory();
            }
            return;
        }
        if (jdbc.sql("select count(*) from demo_run where history_completed_at is null")
            .query(Long.class)
            .single() > 0) {
            log.warn("The demo province's past was not finished (the application stopped while generating it). "
                    + "Delete ./data and start again for a complete demo.");
        }
        banner(null);
    }

    /**
     * The province's past, after the live part is usable: each past class in its own
     * transaction, so the pages answer meanwhile.
     */
    void generateHistory() {
        try {
            LocalDate today = LocalDate.now(clock.withZone(DemoProvince.CHINA));
            long started = System.nanoTime();
            var admin = province.admin();
            log.info("Generating the demo province's past ({} classes since January 2025) ...", historyClasses);
            DemoHistory.Summary s = history.generate(today, admin, historyProvidersPerCity, historyClasses,
                    historyPeople);
            jdbc.sql("update demo_run set history_completed_at = :at")
                .param("at", Timestamp.from(clock.instant()))
                .update();
            // Recorded history announces no completions: progress counts them from the
            // records.
            progress.reconcile("demo");
            if (splitTargets) {
                splitTargets(today, admin);
            }
            log.info(
                    "Demo history in {} s: {} more providers, {} past classes, {} trainees, {} enrolments "
                            + "({} self-funded, {} refused), {} completed, {} check-ins ({} rejected)",
                    String.format("%.1f", (System.nanoTime() - started) / 1e9), s.providers(), s.classes(), s.people(),
                    s.enrolments(), s.selfFunded(), s.refused(), s.completed(), s.checkIns(), s.rejectedCheckIns());
            // The subsidies of the past classes: rules, budgets, claims and their review,
            // then payment orders for the approved claims and a few recoveries.
            List<Long> approved = subsidies.generate(today, admin, s.made());
            payments.generate(today, admin, approved);
            // Certificates of the previous system for a sample of those who completed.
            certificates.generate(today, admin, s.made());
            // The demo evaluation body's assessment batches, from trainees of past
            // classes.
            assessments.generate(today, admin, s.made());
            // Known fraud patterns among the honest records, a scan, and an open case.
            if (plantedFraud) {
                supervision.generate(today, admin, clock.instant());
            }
        }
        catch (RuntimeException ex) {
            log.error("Generating the demo province's past failed; the live demo works without it", ex);
        }
    }

    /**
     * Splits each sub-target's province figure across the cities for the plan's years so
     * far, in proportion to the cities' share of the demo's completions (as a province
     * office would from last year's figures).
     */
    void splitTargets(LocalDate today, CurrentUser admin) {
        RunAs.user(admin, () -> {
            Map<String, Long> byCity = new TreeMap<>();
            int firstYear = Math.min(2025, today.getYear());
            for (int y = firstYear; y <= today.getYear(); y++) {
                progress.of(y, Progress.Dimension.CITY).forEach(r -> byCity.merge(r.key(), r.subsidised(), Long::sum));
            }
            long total = byCity.values().stream().mapToLong(Long::longValue).sum();
            if (total == 0) {
                return null;
            }
            for (int y = firstYear; y <= today.getYear(); y++) {
                Map<String, Map<String, String>> typed = new LinkedHashMap<>();
                for (var row : targets.split(y).rows()) {
                    long figure = row.subTarget().annualTarget();
                    Map<String, String> shares = new LinkedHashMap<>();
                    long left = figure;
                    List<String> cities = new ArrayList<>(byCity.keySet());
                    for (int i = 0; i < cities.size(); i++) {
                        long share = i == cities.size() - 1 ? left
                                : Math.round((double) figure * byCity.get(cities.get(i)) / total);
                        share = Math.max(0, Math.min(share, left));
                        left -= share;
                        shares.put(cities.get(i), String.valueOf(share));
                    }
                    typed.put(row.subTarget().code(), shares);
                }
                targets.assign(y, typed);
            }
            return null;
        });
    }

    boolean shouldSeed() {
        boolean seeded = jdbc.sql("select count(*) from demo_run").query(Long.class).single() > 0;
        if (seeded) {
            return false;
        }
        return switch (mode) {
            case "true" -> true;
            case "auto" -> isEmbedded() && !accounts.anyExist();
            default -> false;
        };
    }

    private void seed(String password) {
        for (DemoAccounts.DemoAccount a : DemoAccounts.ALL) {
            if (accounts.findByUsername(a.username()).isEmpty()) {
                accounts.create(new NewAccount(a.username(), a.displayName(), password, a.role(), a.scopeKind(),
                        a.scopeRef(), a.regionCode()));
            }
        }
        LocalDate today = LocalDate.now(clock.withZone(DemoProvince.CHINA));
        province.generate(today, traineesPerClass);
        jdbc.sql("insert into demo_run (id, seed, generated_at) values (1, :seed, :at)")
            .param("seed", SEED)
            .param("at", Timestamp.from(clock.instant()))
            .update();
    }

    private boolean isEmbedded() {
        try (var c = dataSource.getConnection()) {
            return c.getMetaData().getURL().startsWith("jdbc:h2:");
        }
        catch (SQLException ex) {
            return false;
        }
    }

    private static String generatePassword() {
        // No look-alike characters, so it can be read off a terminal and typed.
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private void banner(String generatedPassword) {
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        StringBuilder b = new StringBuilder("\n\n  Jixing is running at http://localhost:").append(port).append("/\n");
        boolean any = false;
        for (DemoAccounts.DemoAccount a : DemoAccounts.ALL) {
            if (accounts.findByUsername(a.username()).isPresent()) {
                if (!any) {
                    b.append("  Demo accounts:\n");
                    any = true;
                }
                b.append(String.format("    %-11s %s%n", a.username(), a.role()));
            }
        }
        if (generatedPassword != null) {
            b.append("  Demo password (shown once, set JIXING_DEMO_PASSWORD to choose it): ")
                .append(generatedPassword)
                .append('\n');
        }
        else if (any) {
            b.append("  Demo password: the value of JIXING_DEMO_PASSWORD when the demo was generated.\n");
        }
        log.info(b.toString());
    }

}
