package org.jixing.training;

import static org.jixing.TestIdNumbers.adultIdNumber;
import static org.jixing.TestIdNumbers.idNumber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.hamcrest.Matchers;
import org.jixing.IntegrationTest;
import org.jixing.person.NewPerson;
import org.jixing.person.People;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.RunAs;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.training.TrainingHistory.PastCheckIn;
import org.jixing.training.TrainingHistory.PastClass;
import org.jixing.training.TrainingHistory.PastTrainee;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import tools.jackson.databind.JsonNode;

/**
 * Past classes (a migration from an earlier system, the demo's past) go through the live
 * rules: eligibility, attendance judging and the completion rule, written in bulk.
 */
class TrainingHistoryIT extends IntegrationTest implements TrainingFixtures {

    @Autowired
    TrainingHistory history;

    @Autowired
    People people;

    final LocalDate pastStart = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(60);

    static <T> T as(Role role, DataScope scope, Supplier<T> work) {
        return as(new CurrentUser(1, "admin", "admin", role, scope), work);
    }

    static <T> T as(CurrentUser user, Supplier<T> work) {
        return RunAs.user(user, work);
    }

    static <T> T asAdmin(Supplier<T> work) {
        return as(Role.PROVINCE_ADMIN, DataScope.province("370000"), work);
    }

    /** Three full days, 08:30 to 16:30: 24 hours. */
    List<PlannedSession> days(long teacher, LocalDate from) {
        List<PlannedSession> s = new ArrayList<>();
        for (int d = 0; d < 3; d++) {
            s.add(new PlannedSession(from.plusDays(d).atTime(8, 30), from.plusDays(d).atTime(16, 30), teacher, null));
        }
        return s;
    }

    ClassApplication past(long programme, long teacher, LocalDate from) {
        return new ClassApplication(null, programme, ClassType.REGULAR, null, null, true, "历下区培训楼 3 层",
                new BigDecimal("36.651"), new BigDecimal("117.12"), from, from.plusDays(2), 30, days(teacher, from));
    }

    static PastCheckIn in(int session, LocalDate from, String lat) {
        LocalDateTime at = from.plusDays(session - 1).atTime(8, 20);
        return new PastCheckIn(session, AttendanceKind.CHECK_IN, at, new BigDecimal(lat), new BigDecimal("117.12"),
                new BigDecimal("0.95"), "T-1");
    }

    static PastCheckIn out(int session, LocalDate from) {
        return new PastCheckIn(session, AttendanceKind.CHECK_OUT, from.plusDays(session - 1).atTime(16, 40),
                new BigDecimal("36.651"), new BigDecimal("117.12"), new BigDecimal("0.95"), "T-1");
    }

    static List<PastCheckIn> attended(LocalDate from, int... sessions) {
        List<PastCheckIn> events = new ArrayList<>();
        for (int s : sessions) {
            events.add(in(s, from, "36.651"));
            events.add(out(s, from));
        }
        return events;
    }

    @Test
    void aPastClassIsJudgedByTheLiveRulesAndCountsForLaterEnrolments() throws Exception {
        long programme = programme("CLEANER", "JUNIOR", 24, "L06-1");
        Provider p = provider(jinan(), "370100", "CLEANER", "JUNIOR");
        String withGroup = adultIdNumber();
        String withoutGroup = adultIdNumber();
        String child = idNumber(pastStart.minusYears(15));
        String oftenAway = adultIdNumber();
        People.BulkRegistration registered = asAdmin(
                () -> people.registerAll(List.of(new NewPerson(withGroup, "甲", "13900000001", "370100"),
                        new NewPerson(withoutGroup, "乙", "13900000002", "370100"),
                        new NewPerson(child, "丙", "13900000003", "370100"),
                        new NewPerson(oftenAway, "丁", "13900000004", "370100"),
                        new NewPerson("37010219800101001X", "坏号码", "13900000005", "370100"))));
        assertThat(registered.registered()).isEqualTo(4);
        assertThat(registered.problems()).containsOnlyKeys(4);
        Map<String, Long> ids = registered.ids();
        asAdmin(() -> people.addGroups(List.of(
                new People.NewMembership(ids.get(withGroup), "REGISTERED_UNEMPLOYED", "失业登记证", pastStart.minusYears(1),
                        null),
                new People.NewMembership(ids.get(oftenAway), "VETERAN", "退役证", pastStart.minusYears(1), null))));

        // The first check-in of session 1 comes from 2 km away, then again from the
        // venue.
        List<PastCheckIn> first = new ArrayList<>();
        first.add(in(1, pastStart, "36.671"));
        first.addAll(attended(pastStart, 1, 2, 3));
        TrainingHistory.Recorded r = asAdmin(
                () -> history.record(new PastClass(p.id(), past(programme, p.teacher(), pastStart),
                        List.of(new PastTrainee(ids.get(withGroup), first, true),
                                new PastTrainee(ids.get(withoutGroup), attended(pastStart, 1, 2, 3), true),
                                new PastTrainee(ids.get(child), attended(pastStart, 1, 2, 3), true),
                                new PastTrainee(ids.get(oftenAway), attended(pastStart, 2), true)))));

        assertThat(r.enrolled()).isEqualTo(3);
        assertThat(r.refused()).isEqualTo(1);
        assertThat(r.refusals()).singleElement()
            .satisfies(refusal -> assertThat(refusal.personId()).isEqualTo(ids.get(child)))
            .satisfies(refusal -> assertThat(refusal.reasons()).extracting(InvalidInputException.Problem::messageKey)
                .containsExactly("training.error.enrol.age"));
        assertThat(r.selfFunded()).isEqualTo(1);
        assertThat(r.completed()).isEqualTo(2);
        assertThat(r.rejectedCheckIns()).isEqualTo(1);

        mvc.perform(get("/api/v1/classes/" + r.classId()).cookie(jinan()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("COMPLETED"));
        JsonNode roster = body(mvc.perform(get("/api/v1/classes/" + r.classId() + "/enrolments").cookie(jinan())))
            .get("items");
        assertThat(roster).hasSize(3);
        for (JsonNode e : roster) {
            switch (e.get("name").asString()) {
                case "甲" -> assertThat(e.get("status").asString()).isEqualTo("COMPLETED");
                case "乙" -> {
                    assertThat(e.get("subsidised").asBoolean()).isFalse();
                    assertThat(e.get("ineligibleReasons").asString()).contains("重点群体");
                    assertThat(e.get("status").asString()).isEqualTo("COMPLETED");
                }
                case "丁" -> {
                    assertThat(e.get("status").asString()).isEqualTo("NOT_COMPLETED");
                    assertThat(e.get("completionReason").asString()).contains("33%");
                }
                default -> throw new AssertionError("unexpected trainee " + e);
            }
        }
        long firstSession = body(mvc.perform(get("/api/v1/classes/" + r.classId() + "/sessions").cookie(jinan())))
            .get(0)
            .get("id")
            .asLong();
        JsonNode events = body(
                mvc.perform(get("/api/v1/classes/" + r.classId() + "/sessions/" + firstSession + "/attendance-events")
                    .cookie(jinan())));
        assertThat(events.findValuesAsString("reason")).contains("OUTSIDE_RADIUS");

        // The subsidy recorded in the past counts: the same qualification is not
        // subsidised again.
        long live = approvedClass(programme("CLEANER", "JUNIOR", 3, "L06-1"), p, 1, 9, start());
        postJson("/api/v1/classes/" + live + "/eligibility-checks", p.staff(),
                "{\"idNumber\":\"" + withGroup + "\",\"name\":\"甲\"}")
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.eligibleForSubsidy").value(false))
            .andExpect(jsonPath("$.subsidy[0].rule").value("training.error.enrol.sameQualification"));
    }

    @Test
    void onlyTheProvinceRecordsHistoryAndOnlyOfClassesThatHaveEnded() throws Exception {
        long programme = programme("CLEANER", "JUNIOR", 24, "L06-1");
        Provider p = provider(jinan(), "370100", "CLEANER", "JUNIOR");
        LocalDate recent = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1);
        assertThatThrownBy(() -> asAdmin(
                () -> history.record(new PastClass(p.id(), past(programme, p.teacher(), recent), List.of()))))
            .isInstanceOfSatisfying(InvalidInputException.class,
                    ex -> assertThat(ex.problems()).anyMatch(problem -> "endDate".equals(problem.field())
                            && problem.messageKey().equals("training.error.dates.notPast")));
        assertThatThrownBy(() -> as(Role.PROVIDER_STAFF, DataScope.of(ScopeKind.PROVIDER, String.valueOf(p.id())),
                () -> history.record(new PastClass(p.id(), past(programme, p.teacher(), pastStart), List.of()))))
            .isInstanceOf(AccessDeniedException.class);
        mvc.perform(get("/api/v1/classes?providerId=" + p.id()).cookie(jinan()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.total").value(0));
    }

    /** Registers people in 济南 and returns their ids by ID number. */
    Map<String, Long> register(String... names) {
        List<NewPerson> rows = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            rows.add(new NewPerson(adultIdNumber(), names[i], "1390000" + String.format("%04d", i), "370100"));
        }
        People.BulkRegistration registered = asAdmin(() -> people.registerAll(rows));
        assertThat(registered.problems()).isEmpty();
        Map<String, Long> ids = new LinkedHashMap<>();
        rows.forEach(r -> ids.put(r.name(), registered.ids().get(r.idNumber())));
        return ids;
    }

    TrainingHistory.Recorded record(Provider p, long programme, LocalDate from, Long... persons) {
        List<PastTrainee> trainees = new ArrayList<>();
        for (Long person : persons) {
            trainees.add(new PastTrainee(person, attended(from, 1, 2, 3), true));
        }
        return asAdmin(() -> history.record(new PastClass(p.id(), past(programme, p.teacher(), from), trainees)));
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void aTrainingThatOverlapsACompletedOneIsRefusedAndReportedNotWritten() throws Exception {
        long programme = programme("ELDERLY_CARE_WORKER", "JUNIOR", 24, "L04-1");
        Provider first = provider(jinan(), "370100", "ELDERLY_CARE_WORKER", "JUNIOR");
        Provider second = provider(jinan(), "370100", "ELDERLY_CARE_WORKER", "JUNIOR");
        Map<String, Long> ids = register("甲", "乙");
        long both = ids.get("甲");
        TrainingHistory.Recorded completed = record(first, programme, pastStart, both);
        assertThat(completed.enrolled()).isEqualTo(1);
        assertThat(completed.refusals()).isEmpty();

        // Another provider's class a day later: its days overlap the completed one's.
        TrainingHistory.Recorded overlapping = record(second, programme, pastStart.plusDays(1), both, ids.get("乙"));
        assertThat(overlapping.enrolled()).isEqualTo(1);
        assertThat(overlapping.refused()).isEqualTo(1);
        assertThat(overlapping.refusals()).singleElement().satisfies(r -> {
            assertThat(r.personId()).isEqualTo(both);
            assertThat(r.idNumberMasked()).contains("*");
            assertThat(r.reasons()).singleElement().satisfies(problem -> {
                assertThat(problem.messageKey()).isEqualTo("training.error.enrol.overlap");
                assertThat(problem.args()).containsExactly(completed.classNo());
            });
        });
        // Not written: the roster holds the other trainee only, and no check-in of the
        // refused one was kept.
        JsonNode roster = body(
                mvc.perform(get("/api/v1/classes/" + overlapping.classId() + "/enrolments").cookie(jinan())))
            .get("items");
        assertThat(roster.findValuesAsString("name")).containsExactly("乙");
        assertThat(overlapping.checkIns()).isEqualTo(6);
        // Reported in the audit entry with the reason, the ID number masked.
        String entry = jdbc.sql("""
                select after_json from audit_entry where action = 'class.history.record' and record_id = :id""")
            .param("id", String.valueOf(overlapping.classId()))
            .query(String.class)
            .single();
        assertThat(entry).contains("training.error.enrol.overlap")
            .contains(completed.classNo())
            .contains(overlapping.refusals().get(0).idNumberMasked());

        // The week after, the same person may train again.
        assertThat(record(second, programme, pastStart.plusDays(7), both).enrolled()).isEqualTo(1);
    }

    @Test
    void everyEarlierRecordCountsForTheSubsidyRulesOfHistoryCompletedClassesIncluded() throws Exception {
        // Four occupations of lines without group rules, each with its provider, in 2025.
        String[][] kinds = { { "ELDERLY_CARE_WORKER", "L04-1" }, { "HOUSEKEEPING_WORKER", "L04-3" },
                { "WELDER", "L07-1" }, { "CHINESE_COOK", "L03-3" } };
        List<Provider> providers = new ArrayList<>();
        List<Long> programmes = new ArrayList<>();
        for (String[] k : kinds) {
            programmes.add(programme(k[0], "JUNIOR", 24, k[1]));
            providers.add(provider(jinan(), "370100", k[0], "JUNIOR"));
        }
        Map<String, Long> ids = register("甲", "乙");
        long busy = ids.get("甲");
        LocalDate monday = LocalDate.of(2025, 3, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(record(providers.get(i), programmes.get(i), monday.plusWeeks(i), busy).selfFunded()).isZero();
        }
        // A fourth subsidised training of the year: recorded, self-funded, with the
        // reason.
        TrainingHistory.Recorded fourth = record(providers.get(3), programmes.get(3), monday.plusWeeks(3), busy);
        assertThat(fourth.enrolled()).isEqualTo(1);
        assertThat(fourth.selfFunded()).isEqualTo(1);
        // The same occupation and level again, months later: self-funded too.
        long again = ids.get("乙");
        record(providers.get(0), programmes.get(0), monday.plusWeeks(10), again);
        TrainingHistory.Recorded same = record(providers.get(0), programmes.get(0), monday.plusWeeks(20), again);
        assertThat(same.selfFunded()).isEqualTo(1);
        JsonNode fourthRoster = body(
                mvc.perform(get("/api/v1/classes/" + fourth.classId() + "/enrolments").cookie(jinan())))
            .get("items");
        assertThat(fourthRoster.get(0).get("ineligibleReasons").asString()).contains("2025");
        JsonNode sameRoster = body(
                mvc.perform(get("/api/v1/classes/" + same.classId() + "/enrolments").cookie(jinan())))
            .get("items");
        assertThat(sameRoster.get(0).get("ineligibleReasons").asString()).contains("同一职业");
    }

    @Test
    void aClassIsHistoryOnlyOnceTheLateUploadWindowOfItsLastSessionHasClosed() throws Exception {
        long programme = programme("CLEANER", "JUNIOR", 24, "L06-1");
        Provider p = provider(jinan(), "370100", "CLEANER", "JUNIOR");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate from = today.minusDays(3);
        // The last session ended yesterday at 16:30; check-outs count until 17:00 and may
        // be uploaded for 48 hours after that.
        assertThatThrownBy(() -> asAdmin(
                () -> history.record(new PastClass(p.id(), past(programme, p.teacher(), from), List.of()))))
            .isInstanceOfSatisfying(InvalidInputException.class,
                    ex -> assertThat(ex.problems()).singleElement().satisfies(problem -> {
                        assertThat(problem.messageKey()).isEqualTo("training.error.history.notOver");
                        assertThat(problem.args()[0]).isInstanceOfSatisfying(MessageSourceResolvable.class,
                                t -> assertThat(t.getDefaultMessage()).isEqualTo(today.plusDays(1) + " 17:00"));
                    }));
        Instant over = today.plusDays(1).atTime(17, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
        clock.moveTo(over);
        TrainingHistory.Recorded r = asAdmin(
                () -> history.record(new PastClass(p.id(), past(programme, p.teacher(), from),
                        List.of(new PastTrainee(register("甲").get("甲"), attended(from, 1, 2, 3), true)))));
        // It started when its first session's window opened and completed when the
        // calendar allowed.
        JsonNode steps = body(mvc.perform(get("/api/v1/classes/" + r.classId() + "/history").cookie(jinan())));
        assertThat(steps.get(2).get("status").asString()).isEqualTo("RUNNING");
        assertThat(Instant.parse(steps.get(2).get("decidedAt").asString()))
            .isEqualTo(from.atTime(8, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
        assertThat(steps.get(3).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(Instant.parse(steps.get(3).get("decidedAt").asString())).isEqualTo(over);
        assertThat(enrolmentsCompletedOn(r.classId())).containsExactly(today.plusDays(1));
    }

    List<LocalDate> enrolmentsCompletedOn(long classId) {
        return jdbc.sql("select completed_on from enrolment where class_id = :c")
            .param("c", classId)
            .query(LocalDate.class)
            .list();
    }

    @Test
    void theDemoProvinceHasAPastOfCompletedClassesInEveryCity() throws Exception {
        JsonNode completed = body(mvc.perform(get("/api/v1/classes?status=COMPLETED&size=100").cookie(admin()))
            .andExpect(status().isOk()));
        assertThat(completed.get("total").asLong()).isGreaterThanOrEqualTo(20);
        assertThat(completed.get("items").findValuesAsString("regionCode").stream().distinct().count())
            .isGreaterThanOrEqualTo(10);
        // Dates filter: what starts from today is not the demo's past (classes that
        // tests walked through their calendar may have completed, in moved time).
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        JsonNode later = body(
                mvc.perform(get("/api/v1/classes?status=COMPLETED&size=100&startsFrom=" + today).cookie(admin())));
        later.get("items")
            .forEach(c -> assertThat(LocalDate.parse(c.get("startDate").asString())).isAfterOrEqualTo(today));
        assertThat(jdbc.sql("""
                select count(*) from training_class c join filed_body f on f.id = c.provider_id
                where f.credit_code like '52%' and c.status = 'COMPLETED' and c.start_date >= :today""")
            .param("today", Date.valueOf(today))
            .query(Long.class)
            .single()).as("demo classes of the past starting from today").isZero();
        mvc.perform(
                get("/api/v1/classes?status=COMPLETED&startsFrom=2025-01-01&startsUntil=2025-12-31").cookie(admin()))
            .andExpect(jsonPath("$.items[0].startDate").value(Matchers.startsWith("2025-")));
    }

}
