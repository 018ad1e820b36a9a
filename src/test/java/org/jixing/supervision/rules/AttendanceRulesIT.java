package org.jixing.supervision.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jixing.IntegrationTest;
import org.jixing.demo.Planted;
import org.jixing.demo.PlantedFraud;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.supervision.RiskScans;
import org.jixing.supervision.RuleDefinition.Trigger;
import org.jixing.supervision.ScanWindow;
import org.jixing.training.AttendanceFixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The attendance rules find the planted patterns (a ghost class, one phone checking in
 * forty people, one person at two venues too far apart, an enrolment surge) on the
 * subjects planted, with the evidence that fired them, and nothing on an honest class; a
 * check-in raises its alert as it arrives.
 */
class AttendanceRulesIT extends IntegrationTest implements AttendanceFixtures {

    private static final CurrentUser ADMIN = new CurrentUser(1, "admin", "admin", Role.PROVINCE_ADMIN,
            DataScope.province("370000"));

    /** What the evidence of each rule must show. */
    private static final Map<String, String> EVIDENCE = Map.of("DEVICE_MANY_TRAINEES", "\"device\"", "TWO_PLACES",
            "\"pairs\"", "ENROLMENT_SURGE", "\"onDay\"", "CLASS_WITHIN_SECONDS", "\"withinSeconds\"",
            "IDENTICAL_FACE_SCORES", "\"sameScore\"", "PERFECT_ATTENDANCE", "\"attendances\"");

    private AttendanceClass honest;

    @BeforeEach
    void honestClass() throws Exception {
        honest = attendanceClass();
    }

    @Override
    public AttendanceClass attendance() {
        return honest;
    }

    @Test
    void theRulesFindEveryPlantedPatternAndNothingOnAnHonestClass() throws Exception {
        // The honest class: both trainees check in at the terminal, minutes apart.
        sendLive(event(key(), honest.session(), honest.alice(), "CHECK_IN", at(8, 50), honest.terminal()), at(8, 50));
        sendLive(event(key(), honest.session(), honest.bob(), "CHECK_IN", at(8, 56), honest.terminal()), at(8, 56));
        Instant honestFrom = at(0, 0);
        clock().reset();

        List<Planted> planted = bean(PlantedFraud.class).plant(today(), ADMIN, List.of("370100"), 1,
                Set.of("GHOST_CLASS", "PHONE_MANY", "TWO_VENUES", "ENROLMENT_SURGE"), System.nanoTime());
        assertThat(planted).extracting(Planted::pattern)
            .contains("GHOST_CLASS", "PHONE_MANY", "TWO_VENUES", "ENROLMENT_SURGE");

        Instant now = clock().instant();
        bean(RiskScans.class).run(null, ScanWindow.between(now.minus(Duration.ofDays(14)), now.plusSeconds(60)));
        bean(RiskScans.class).run(null, ScanWindow.between(honestFrom, honestFrom.plus(Duration.ofDays(1))));

        for (Planted p : planted) {
            List<String> evidence = jdbc().sql("""
                    select evidence from risk_alert
                    where rule_code = :r and subject_kind = :k and subject_id = :s""")
                .param("r", p.ruleCode())
                .param("k", p.subjectKind().name())
                .param("s", p.subjectId())
                .query(String.class)
                .list();
            assertThat(evidence).as(p.toString()).hasSize(1);
            assertThat(evidence.get(0)).as(p.toString()).contains(EVIDENCE.get(p.ruleCode()));
        }
        assertThat(jdbc().sql("""
                select count(*) from risk_alert a
                where (a.subject_kind = 'CLASS' and a.subject_id = :c)
                   or (a.subject_kind = 'PROVIDER' and a.subject_id = :p)
                   or exists (select 1 from risk_alert_target t where t.alert_id = a.id and t.kind = 'CLASS'
                              and t.target_id = :c)""")
            .param("c", honest.classId())
            .param("p", honest.provider().id())
            .query(Long.class)
            .single()).isZero();
    }

    @Test
    void checkInsFromOnePhoneRaiseTheAlertAsTheyArrive() throws Exception {
        List<Planted> planted = bean(PlantedFraud.class).plant(today(), ADMIN, List.of("370100"), 1,
                Set.of("PHONE_MANY"), System.nanoTime());
        Planted phone = planted.get(0);
        // No scan: the check-ins' event runs the rules on the supervision thread.
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        long found = 0;
        while (found == 0 && System.nanoTime() < deadline) {
            found = alerts("DEVICE_MANY_TRAINEES", phone.subjectId());
            if (found == 0) {
                Thread.sleep(50);
            }
        }
        assertThat(found).isEqualTo(1);
        // A run on the check-in trigger over the class finds the same alert again, not a
        // second one.
        Instant now = clock().instant();
        bean(RiskScans.class).run(Trigger.CHECK_IN, new ScanWindow(now.minus(Duration.ofHours(1)), now, Set.of(),
                Set.of(phone.subjectId()), Set.of(), Set.of(), Set.of()));
        assertThat(alerts("DEVICE_MANY_TRAINEES", phone.subjectId())).isEqualTo(1);
    }

    @Test
    void oneTeacherRegisteredByTwoProvidersIsFoundTeachingAtTwoPlacesAtOnce() throws Exception {
        String idNumber = org.jixing.TestIdNumbers.adultIdNumber();
        long programme = programme("ELDERLY_CARE_WORKER", "JUNIOR", 3, "L04-1");
        Provider first = provider(jinan(), "370100", "ELDERLY_CARE_WORKER", "JUNIOR");
        Provider second = provider(jinan(), "370100", "ELDERLY_CARE_WORKER", "JUNIOR");
        long[] teachers = new long[2];
        long[] classes = new long[2];
        Provider[] both = { first, second };
        for (int i = 0; i < 2; i++) {
            teachers[i] = body(postJson("/api/v1/teachers", both[i].staff(), """
                    {"name":"赵老师","qualificationNo":"QX%d-%d","idNumber":"%s"}""".formatted(both[i].id(), i, idNumber))
                .andExpect(status().isOk())).get("id").asLong();
            // The same morning, 20 km apart.
            classes[i] = body(postJson("/api/v1/classes", both[i].staff(),
                    """
                            {"programmeId":%d,"classType":"REGULAR","subsidised":true,"venueAddress":"培训楼",
                             "venueLat":36.651,"venueLng":%s,"startDate":"%s","endDate":"%s","capacity":30,"sessions":%s}"""
                        .formatted(programme, i == 0 ? "117.12" : "117.345", start(), start(),
                                sessions(teachers[i], 1, 9, start())))
                .andExpect(status().isCreated())).get("id").asLong();
        }
        String stored = jdbc().sql("select id_number_cipher from teacher where id = :id")
            .param("id", teachers[0])
            .query(String.class)
            .single();
        assertThat(stored).isNotBlank().doesNotContain(idNumber.substring(6, 14));

        Instant from = at(start(), 0, 0);
        bean(RiskScans.class).run(null, ScanWindow.between(from, from.plus(Duration.ofDays(1))));
        List<String> evidence = jdbc().sql("""
                select evidence from risk_alert
                where rule_code = 'TEACHER_TWO_PLACES' and subject_kind = 'TEACHER' and subject_id = :t""")
            .param("t", Math.min(teachers[0], teachers[1]))
            .query(String.class)
            .list();
        assertThat(evidence).singleElement().asString().contains("\"km\"");
        assertThat(jdbc()
            .sql("select count(*) from risk_alert_target t join risk_alert a on a.id = t.alert_id"
                    + " where a.rule_code = 'TEACHER_TWO_PLACES' and t.kind = 'CLASS' and t.target_id in (:c)")
            .param("c", List.of(classes[0], classes[1]))
            .query(Long.class)
            .single()).isEqualTo(2);
    }

    private long alerts(String rule, long classId) {
        return jdbc()
            .sql("select count(*) from risk_alert where rule_code = :r and subject_kind = 'CLASS'"
                    + " and subject_id = :s")
            .param("r", rule)
            .param("s", classId)
            .query(Long.class)
            .single();
    }

    private JdbcClient jdbc() {
        return bean(JdbcClient.class);
    }

}
