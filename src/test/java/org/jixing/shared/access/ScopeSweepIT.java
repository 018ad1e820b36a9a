package org.jixing.shared.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.jixing.IntegrationTest;
import org.jixing.RunningAs;
import org.jixing.SignedIn;
import org.jixing.account.Accounts;
import org.jixing.certification.CertificateFixtures;
import org.jixing.certification.CertificateRoute;
import org.jixing.employment.JobDemands;
import org.jixing.employment.NewDemand;
import org.jixing.enterprise.Enterprises;
import org.jixing.enterprise.NewEnterprise;
import org.jixing.shared.UnifiedSocialCreditCode;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.RunAs;
import org.jixing.supervision.Alerts;
import org.jixing.supervision.Complaints;
import org.jixing.supervision.Hit;
import org.jixing.supervision.NewComplaint;
import org.jixing.supervision.RuleVersion;
import org.jixing.supervision.Severity;
import org.jixing.supervision.SubjectKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The scope sweep: every route of the application (the page routes and the API, checked
 * against the OpenAPI document) is called as every demo role, with path variables naming
 * records of 青岛 and of a provider, body, person and action line none of the non-province
 * demo accounts may see. It fails on a 5xx, on any answer but 403 where the route's
 * declared permission refuses the role, on a foreign record's number or name in a body a
 * non-province role receives, and on a refused write that changes a table. A new endpoint
 * is covered once it declares its permission; nothing here names a route.
 */
class ScopeSweepIT extends IntegrationTest implements CertificateFixtures {

    @Autowired
    Accounts accounts;

    /** One demo account per role (see the demo module). */
    static final Map<Role, String> ACCOUNTS = Map.of(Role.PROVINCE_ADMIN, "admin", Role.LINE_DEPARTMENT, "agri",
            Role.CITY_OFFICER, "jinan", Role.PROVIDER_STAFF, "provider", Role.EVALUATOR, "evaluator", Role.ENTERPRISE,
            "enterprise", Role.TRAINEE, "trainee", Role.AUDITOR, "auditor", Role.INSPECTOR, "inspector-jinan",
            Role.EMPLOYMENT_OFFICER, "employment-jinan");

    /** Roles whose scope is the whole province: for them no record is foreign. */
    static final Set<Role> PROVINCE_WIDE = Set.of(Role.PROVINCE_ADMIN, Role.AUDITOR);

    /** Roles for which a 青岛 record of another provider, body and person is foreign. */
    static final Set<Role> EVERY_NARROW_SCOPE = EnumSet.of(Role.LINE_DEPARTMENT, Role.CITY_OFFICER, Role.PROVIDER_STAFF,
            Role.EVALUATOR, Role.ENTERPRISE, Role.TRAINEE, Role.INSPECTOR, Role.EMPLOYMENT_OFFICER);

    /**
     * The same without the line department, which sees a provider's records province-wide
     * on the lines it leads.
     */
    static final Set<Role> OUTSIDE_LINES = EnumSet.of(Role.CITY_OFFICER, Role.PROVIDER_STAFF, Role.EVALUATOR,
            Role.ENTERPRISE, Role.TRAINEE);

    static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::((?:[^{}]|\\{[^{}]*\\})*))?\\}");

    @Autowired
    JdbcClient jdbc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void every_route_as_every_role_with_foreign_ids_leaks_nothing_and_answers_as_the_policy_says() throws Exception {
        qingdaoFixtures();
        Foreign foreign = foreign();
        Map<Role, Cookie> sessions = new LinkedHashMap<>();
        for (Role role : Role.values()) {
            sessions.put(role, SignedIn.as(mvc, ACCOUNTS.get(role)));
        }
        List<Route> routes = routes(foreign);
        List<String> failures = new ArrayList<>();
        int requests = 0;
        int reads = 0;
        int writes = 0;
        Set<String> readPaths = new TreeSet<>();
        Set<String> writePaths = new TreeSet<>();

        Map<String, Long> slowest = new TreeMap<>();
        long started = System.nanoTime();
        for (Route route : routes.stream().filter(r -> SAFE.contains(r.method())).toList()) {
            long routeStarted = System.nanoTime();
            reads++;
            readPaths.add(route.pattern());
            // Any page and size are clamped: the largest of each is an empty page, not a
            // 500 (once the row offset overflowed).
            MockHttpServletResponse huge = mvc
                .perform(MockMvcRequestBuilders.request(HttpMethod.valueOf(route.method()), route.uri())
                    .param("page", String.valueOf(Integer.MAX_VALUE))
                    .param("size", String.valueOf(Integer.MAX_VALUE))
                    .cookie(sessions.get(Role.PROVINCE_ADMIN)))
                .andReturn()
                .getResponse();
            requests++;
            if (huge.getStatus() >= 500) {
                failures.add("5xx " + huge.getStatus() + " with page and size 2147483647: PROVINCE_ADMIN " + route.uri()
                        + " (" + route.handler() + ")");
            }
            for (Role role : Role.values()) {
                MockHttpServletResponse res = mvc
                    .perform(MockMvcRequestBuilders.request(HttpMethod.valueOf(route.method()), route.uri())
                        .cookie(sessions.get(role)))
                    .andReturn()
                    .getResponse();
                requests++;
                int status = res.getStatus();
                String what = role + " " + route.method() + " " + route.uri() + " (" + route.handler() + ")";
                if (status >= 500) {
                    failures.add("5xx " + status + ": " + what);
                }
                else if (!route.declared().allows(role) && status != 403) {
                    failures.add("expected 403 by the policy, got " + status + ": " + what);
                }
                else if (status == 200 && !route.declared().isPublic() && !PROVINCE_WIDE.contains(role)) {
                    String body = res.getContentAsString(StandardCharsets.UTF_8);
                    for (var token : foreign.tokens().entrySet()) {
                        if (token.getValue().contains(role) && body.contains(token.getKey())) {
                            failures.add("leak of foreign " + token.getKey() + ": " + what);
                        }
                    }
                }
            }
            slowest.put(route.uri(), (System.nanoTime() - routeStarted) / 1_000_000);
        }
        long readMillis = (System.nanoTime() - started) / 1_000_000;
        Map<String, Long> before = tableCounts();
        for (Route route : routes.stream().filter(r -> !SAFE.contains(r.method())).toList()) {
            writes++;
            writePaths.add(route.method() + " " + route.pattern());
            for (Role role : Role.values()) {
                if (route.declared().allows(role)) {
                    continue;
                }
                MockHttpServletResponse res = mvc
                    .perform(MockMvcRequestBuilders.request(HttpMethod.valueOf(route.method()), route.uri())
                        .cookie(sessions.get(role))
                        .contentType(route.consumes())
                        .with(csrf()))
                    .andReturn()
                    .getResponse();
                requests++;
                if (res.getStatus() != 403) {
                    failures.add("write not refused (" + res.getStatus() + "): " + role + " " + route.method() + " "
                            + route.uri() + " (" + route.handler() + ")");
                }
            }
        }
        assertThat(tableCounts()).as("refused writes changed no table").isEqualTo(before);

        System.out.printf(
                "Scope sweep: %d read routes (%d paths) and %d write routes x %d roles; %d requests in %d s "
                        + "(reads %d s); foreign ids %s; slowest reads %s%n",
                reads, readPaths.size(), writes, Role.values().length, requests,
                (System.nanoTime() - started) / 1_000_000_000, readMillis / 1000, foreign.ids().keySet(),
                slowest.entrySet()
                    .stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .limit(5)
                    .map(e -> e.getKey() + "=" + e.getValue() + "ms")
                    .toList());
        assertThat(failures).as("scope sweep").isEmpty();
    }

    @Test
    void the_sweep_covers_every_get_path_of_the_openapi_document() throws Exception {
        Cookie admin = SignedIn.as(mvc, "admin");
        JsonNode doc = json
            .readTree(mvc.perform(MockMvcRequestBuilders.request(HttpMethod.GET, "/v3/api-docs").cookie(admin))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        Set<String> swept = new LinkedHashSet<>();
        for (Route r : routes(foreign())) {
            swept.add(r.method() + " " + normalise(r.pattern()));
        }
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (var path : doc.get("paths").properties()) {
            for (var op : path.getValue().properties()) {
                operations++;
                String key = op.getKey().toUpperCase(Locale.ROOT) + " " + normalise(path.getKey());
                if (!swept.contains(key)
                        && !swept.contains(key.replaceFirst(" /api/v1/(providers|evaluation-bodies)", " /api/v1/{}"))) {
                    missing.add(key);
                }
            }
        }
        assertThat(operations).isGreaterThan(100);
        assertThat(missing).as("OpenAPI operations the sweep does not call").isEmpty();
    }

    /** {@code /a/{id}/b.{format:csv|xlsx}} and {@code /a/{x}/b.{f}} compare equal. */
    static String normalise(String pattern) {
        return VARIABLE.matcher(pattern).replaceAll("{}");
    }

    record Route(String method, String pattern, String uri, DeclaredPermission declared, String handler,
            MediaType consumes) {
    }

    /**
     * Every route of the application's handlers, its variables filled with foreign ids
     * and its alternatives ({@code {registry:providers|evaluation-bodies}}) each
     * expanded.
     */
    List<Route> routes(Foreign foreign) {
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = e.getValue();
            if (!PermissionInterceptor.isOurs(handler)) {
                continue;
            }
            DeclaredPermission declared = DeclaredPermission.of(handler)
                .orElseThrow(() -> new AssertionError("no permission: " + handler));
            Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
            String name = handler.getBeanType().getSimpleName() + "#" + handler.getMethod().getName();
            // What a real client sends, so that the route is chosen and the permission
            // answers, not the content negotiation.
            var consumes = e.getKey().getConsumesCondition().getConsumableMediaTypes();
            MediaType type = consumes.isEmpty() ? MediaType.APPLICATION_JSON : consumes.iterator().next();
            if (type.isCompatibleWith(MediaType.MULTIPART_FORM_DATA)) {
                type = MediaType.parseMediaType("multipart/form-data; boundary=sweep");
            }
            for (String pattern : e.getKey().getPatternValues()) {
                for (String uri : expand(pattern, foreign)) {
                    for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                        routes.add(new Route(m.name(), pattern, uri, declared, name, type));
                    }
                }
            }
        }
        return routes;
    }

    List<String> expand(String pattern, Foreign foreign) {
        Matcher m = VARIABLE.matcher(pattern);
        if (!m.find()) {
            return List.of(pattern);
        }
        String prefix = pattern.substring(0, m.start());
        String rest = pattern.substring(m.end());
        List<String> values = new ArrayList<>();
        String regex = m.group(2);
        if (regex != null && regex.matches("[\\w-]+(\\|[\\w-]+)+")) {
            values.addAll(List.of(regex.split("\\|")));
        }
        else {
            values.add(foreign.valueFor(segmentBefore(prefix), m.group(1)));
        }
        List<String> out = new ArrayList<>();
        for (String v : values) {
            for (String tail : expand(rest, foreign)) {
                out.add(prefix + v + tail);
            }
        }
        return out;
    }

    static String segmentBefore(String prefix) {
        String[] parts = prefix.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (!parts[i].isEmpty() && !parts[i].contains("{") && !parts[i].endsWith(".")) {
                return parts[i];
            }
        }
        return "";
    }

    /**
     * Records none of the non-province demo accounts may see: in 青岛 (not 济南), of a
     * provider and evaluation body other than the demo ones, of an action line the demo
     * line department does not lead. {@code tokens} are their numbers and names, which
     * must appear in no answer to those accounts.
     */
    record Foreign(Map<String, String> ids, Map<String, Set<Role>> tokens) {

        String valueFor(String segment, String variable) {
            return switch (variable) {
                case "seq" -> "1";
                case "number" -> ids.getOrDefault("certificateNo", "QD-NO-SUCH-CERTIFICATE");
                case "kind" -> "occupation";
                case "code" -> ids.getOrDefault(segment, "99");
                case "personId" -> ids.getOrDefault("person", "999999");
                case "sessionId" -> ids.getOrDefault("session", "999999");
                case "enrolmentId" -> ids.getOrDefault("enrolment", "999999");
                case "importId" -> ids.getOrDefault("import", "999999");
                case "attachmentId" -> ids.getOrDefault("attachment", "999999");
                case "claimId" -> ids.getOrDefault("claim", "999999");
                case "resultId" -> ids.getOrDefault("result", "999999");
                case "challengeId" -> ids.getOrDefault("challenge", "999999");
                case "transactionId" -> ids.getOrDefault("transaction", "999999");
                default -> ids.getOrDefault(segment, "999999");
            };
        }

    }

    /**
     * What the demo data lacks in 青岛: an evaluation body with a certificate, and a
     * provider with a check-in terminal.
     */
    void qingdaoFixtures() throws Exception {
        Body body = evaluationBody(QINGDAO, "CLEANER", "JUNIOR");
        issue(person("青岛持证人"), "CLEANER", "JUNIOR", body.id(), CertificateRoute.ASSESSMENT);
        Provider qingdaoProvider = provider(SignedIn.as(mvc, "qingdao"), QINGDAO, "CLEANER", "JUNIOR");
        registerTerminal(qingdaoProvider.staff(), "36.07", "120.38");
        // A supervision alert about a 青岛 class.
        bean(Alerts.class).raise(
                new RuleVersion(0, "SWEEP_TEST", 1, Severity.HIGH, true, true, Map.of(), "扫描测试", "Sweep test", true,
                        "system", Instant.EPOCH, "test"),
                new Hit(SubjectKind.CLASS, 987_654_321L, "青岛扫描测试班", QINGDAO, null, null, null, 50,
                        Map.of("note", "青岛扫描测试证据"), List.of()));

        // A 青岛 complaint and the case opened from it (supervision).
        long complaint = bean(Complaints.class)
            .filePublic(new NewComplaint(qingdaoProvider.id(), null, "青岛投诉", "13900000000"), "scope-sweep")
            .id();
        RunAs.user(new CurrentUser(70, "inspector", "inspector", Role.INSPECTOR, DataScope.province("370000")),
                () -> bean(Complaints.class).openCase(complaint, "青岛案件", null));

        // A 青岛 enterprise's job demand the city has not decided yet (employment):
        // providers see approved demands only.
        String first17 = String.format("91370200%09d", ThreadLocalRandom.current().nextLong(1_000_000_000L));
        String enterprise = first17 + UnifiedSocialCreditCode.checkCharacter(first17);
        RunningAs.asAdmin(() -> bean(Enterprises.class).register(new NewEnterprise(enterprise, "青岛扫描测试企业", QINGDAO)));
        RunningAs.asEmploymentOfficer("370000",
                () -> bean(JobDemands.class).publish(new NewDemand(enterprise, "CLEANER", "JUNIOR", 3, QINGDAO, null,
                        new BigDecimal("4000"), new BigDecimal("5000"), today().plusDays(30), "青岛扫描测试需求")));
    }

    Foreign foreign() {
        Map<String, String> ids = new TreeMap<>();
        // The demo accounts' own provider, body and person, whatever ids they got.
        String provider1 = scopeRef("provider");
        String body1 = scopeRef("evaluator");
        String person1 = scopeRef("trainee");
        Map<String, Set<Role>> tokens = new LinkedHashMap<>();
        // A 青岛 class of a line agri does not lead, of the 青岛 provider it belongs to.
        Optional<Map<String, Object>> cls = row("select c.id, c.class_no, c.provider_id from training_class c "
                + "where c.region_code like '3702%' and c.provider_id <> " + provider1 + " and c.line_code not in "
                + "(select l.line_code from action_line_department l where l.department_code = 'AGRI') order by c.id");
        String provider = cls.map(c -> String.valueOf(c.get("provider_id"))).orElse(null);
        cls.ifPresent(c -> {
            put(ids, "classes", c.get("id"));
            tokens.put(String.valueOf(c.get("class_no")), EVERY_NARROW_SCOPE);
            one("select id from class_session where class_id = ? order by id", c.get("id"))
                .ifPresent(v -> put(ids, "session", v));
            one("select id from enrolment where class_id = ? and person_id <> " + person1 + " order by id", c.get("id"))
                .ifPresent(v -> put(ids, "enrolment", v));
            one("select person_id from enrolment where class_id = ? and person_id <> " + person1 + " order by id",
                    c.get("id"))
                .ifPresent(v -> put(ids, "person", v));
            one("select id from roster_import where class_id = ? order by id", c.get("id"))
                .ifPresent(v -> put(ids, "import", v));
        });
        row("select id, name, credit_code from filed_body where registry = 'PROVIDER' and region_code like '3702%' "
                + "and id <> " + provider1 + " " + (provider == null ? "" : "and id = " + Long.parseLong(provider))
                + " order by id")
            .ifPresent(b -> {
                put(ids, "providers", b.get("id"));
                tokens.put(String.valueOf(b.get("name")), OUTSIDE_LINES);
                tokens.put(String.valueOf(b.get("credit_code")), OUTSIDE_LINES);
            });
        row("select id, name, credit_code from filed_body where registry = 'EVALUATION_BODY' "
                + "and region_code like '3702%' and id <> " + body1 + " order by id")
            .ifPresent(b -> {
                put(ids, "evaluation-bodies", b.get("id"));
                tokens.put(String.valueOf(b.get("name")), OUTSIDE_LINES);
                tokens.put(String.valueOf(b.get("credit_code")), OUTSIDE_LINES);
            });
        row("select id, claim_no from subsidy_claim where region_code like '3702%' and provider_id <> " + provider1
                + " and line_code not in "
                + "(select l.line_code from action_line_department l where l.department_code = 'AGRI') order by id")
            .ifPresent(c -> {
                put(ids, "claims", c.get("id"));
                put(ids, "claim", c.get("id"));
                tokens.put(String.valueOf(c.get("claim_no")), EVERY_NARROW_SCOPE);
                one("select id from subsidy_claim_attachment where claim_id = ?", c.get("id"))
                    .ifPresent(v -> put(ids, "attachment", v));
            });
        row("select id, alert_no from risk_alert where region_code like '3702%' order by id").ifPresent(a -> {
            put(ids, "alerts", a.get("id"));
            tokens.put(String.valueOf(a.get("alert_no")), EVERY_NARROW_SCOPE);
        });
        row("select id, order_no from payment_order where region_code like '3702%' order by id").ifPresent(o -> {
            put(ids, "payment-orders", o.get("id"));
            put(ids, "payments", o.get("id"));
            tokens.put(String.valueOf(o.get("order_no")), OUTSIDE_LINES);
        });
        row("select id, case_no from supervision_case where region_code like '3702%' order by id").ifPresent(c -> {
            put(ids, "cases", c.get("id"));
            tokens.put(String.valueOf(c.get("case_no")), EVERY_NARROW_SCOPE);
        });
        row("select id, complaint_no from supervision_complaint where region_code like '3702%' order by id")
            .ifPresent(c -> {
                put(ids, "complaints", c.get("id"));
                tokens.put(String.valueOf(c.get("complaint_no")), EVERY_NARROW_SCOPE);
            });
        row("select id, demand_no from employment_demand where region_code like '3702%' and status = 'SUBMITTED' "
                + "order by id")
            .ifPresent(d -> {
                put(ids, "demands", d.get("id"));
                tokens.put(String.valueOf(d.get("demand_no")), EVERY_NARROW_SCOPE);
            });
        cls.ifPresent(c -> put(ids, "order-classes", c.get("id")));
        row("select id from employment_referral where region_code like '3702%' order by id")
            .ifPresent(r -> put(ids, "referrals", r.get("id")));
        row("select id, recovery_no from recovery_order where region_code like '3702%' order by id").ifPresent(r -> {
            put(ids, "recoveries", r.get("id"));
            tokens.put(String.valueOf(r.get("recovery_no")), OUTSIDE_LINES);
        });
        row("select t.id from ledger_transaction t join fund_budget b on b.id = t.budget_id "
                + "where b.region_code like '3702%' order by t.id")
            .ifPresent(t -> put(ids, "transaction", t.get("id")));
        row("select id, cert_no, region_code from certificate where person_id <> " + person1
                + " and evaluation_body_id <> " + body1 + " " + QINGDAO_FIRST)
            .ifPresent(c -> {
                put(ids, "certificates", c.get("id"));
                ids.put("certificateNo", String.valueOf(c.get("cert_no")));
                tokens.put(String.valueOf(c.get("cert_no")), foreignTo(c));
            });
        row("select id, batch_no, region_code from assessment_batch where evaluation_body_id <> " + body1 + " "
                + QINGDAO_FIRST)
            .ifPresent(b -> {
                put(ids, "assessment-batches", b.get("id"));
                put(ids, "batches", b.get("id"));
                tokens.put(String.valueOf(b.get("batch_no")), foreignTo(b));
                one("select id from assessment_result where batch_id = ? order by id", b.get("id"))
                    .ifPresent(v -> put(ids, "result", v));
                one("select id from assessment_challenge where batch_id = ? order by id", b.get("id"))
                    .ifPresent(v -> put(ids, "challenge", v));
            });
        row("select id, application_no, region_code from direct_recognition where evaluation_body_id <> " + body1 + " "
                + "and person_id <> " + person1 + " " + QINGDAO_FIRST)
            .ifPresent(d -> {
                put(ids, "direct-recognitions", d.get("id"));
                put(ids, "recognitions", d.get("id"));
                tokens.put(String.valueOf(d.get("application_no")), foreignTo(d));
            });
        // A 青岛 inspection sample and visit, when a test of the run made them.
        row("select id, sample_no from inspection_sample where region_code like '3702%' order by id").ifPresent(x -> {
            put(ids, "samples", x.get("id"));
            tokens.put(String.valueOf(x.get("sample_no")), EVERY_NARROW_SCOPE);
        });
        row("select id, visit_no from inspection_visit where region_code like '3702%' order by id").ifPresent(x -> {
            put(ids, "visits", x.get("id"));
            tokens.put(String.valueOf(x.get("visit_no")), EVERY_NARROW_SCOPE);
        });
        row("select id from check_in_terminal where provider_id <> " + provider1 + " " + QINGDAO_FIRST)
            .ifPresent(t -> put(ids, "terminals", t.get("id")));
        // An enterprise outside 济南 (the demo enterprise account's and city officer's
        // city).
        row("select credit_code, name from enterprise where region_code not like '3701%' order by credit_code")
            .ifPresent(e -> {
                ids.put("enterprises", String.valueOf(e.get("credit_code")));
                tokens.put(String.valueOf(e.get("name")), EVERY_NARROW_SCOPE);
                tokens.put(String.valueOf(e.get("credit_code")), EVERY_NARROW_SCOPE);
            });
        row("select id from app_user where username = 'qingdao'").ifPresent(u -> {
            put(ids, "accounts", u.get("id"));
            put(ids, "users", u.get("id"));
        });
        // A trainee's confirmation request of another person (supervision, issue 18).
        row("select id from attendance_confirmation where person_id <> " + person1 + " " + QINGDAO_FIRST)
            .ifPresent(c -> put(ids, "confirmations", c.get("id")));
        row("select id from person where region_code like '3702%' and id <> " + person1 + " order by id")
            .ifPresent(p -> ids.putIfAbsent("person", String.valueOf(p.get("id"))));
        tokens.keySet().removeIf(t -> t == null || t.equals("null") || t.isBlank());
        return new Foreign(ids, tokens);
    }

    /**
     * 青岛 records first; where the demo data has none, a 济南 record of another body or
     * person, which is foreign to the provider, body and trainee accounts only.
     */
    private static final String QINGDAO_FIRST = "order by case when region_code like '3702%' then 0 else 1 end, id";

    private static Set<Role> foreignTo(Map<String, Object> row) {
        return String.valueOf(row.get("region_code")).startsWith("3701")
                ? EnumSet.of(Role.PROVIDER_STAFF, Role.EVALUATOR, Role.ENTERPRISE, Role.TRAINEE) : OUTSIDE_LINES;
    }

    private String scopeRef(String username) {
        String ref = jdbc.sql("select scope_ref from app_user where username = ?")
            .param(username)
            .query(String.class)
            .single();
        return String.valueOf(Long.parseLong(ref));
    }

    private static void put(Map<String, String> ids, String key, Object value) {
        if (value != null) {
            ids.put(key, String.valueOf(value));
        }
    }

    private Optional<Map<String, Object>> row(String sql) {
        return jdbc.sql(sql).query().listOfRows().stream().findFirst();
    }

    private Optional<Object> one(String sql, Object param) {
        return jdbc.sql(sql).param(param).query().singleColumn().stream().findFirst();
    }

    /** Row counts of the application's tables, but for the trails a refusal leaves. */
    Map<String, Long> tableCounts() {
        List<String> tables = jdbc.sql("""
                select table_name from information_schema.tables
                where table_schema = current_schema() and table_type in ('BASE TABLE', 'TABLE')""")
            .query(String.class)
            .list();
        Map<String, Long> counts = new TreeMap<>();
        for (String t : tables) {
            String name = t.toLowerCase(Locale.ROOT);
            if (name.startsWith("audit") || name.startsWith("spring_session") || name.startsWith("event_publication")
                    || name.startsWith("flyway") || name.startsWith("shedlock") || name.contains("throttl")
                    || name.contains("bucket")) {
                continue;
            }
            counts.put(name, jdbc.sql("select count(*) from " + name).query(Long.class).single());
        }
        return counts;
    }

}
