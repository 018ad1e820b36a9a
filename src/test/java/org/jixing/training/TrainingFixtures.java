package org.jixing.training;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.Cookie;

import org.jixing.Fixture;
import org.jixing.SignedIn;
import org.jixing.account.Accounts;
import org.jixing.account.NewAccount;
import org.jixing.shared.UnifiedSocialCreditCode;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;

import tools.jackson.databind.JsonNode;

/**
 * Fixtures for training: programmes, filed providers with staff and teachers, classes
 * walked through their calendar, terminals and check-ins, all through the API as their
 * users would.
 */
public interface TrainingFixtures extends Fixture {

    AtomicInteger SEQ = new AtomicInteger();

    String JINAN = "370100";

    String QINGDAO = "370200";

    /** The first day of the classes the fixtures open: ten days ahead. */
    default LocalDate start() {
        return today().plusDays(10);
    }

    default long programme(String occupation, String level, int hours, String subTarget) throws Exception {
        String code = "T-" + SEQ.incrementAndGet() + "-" + ThreadLocalRandom.current().nextInt(1_000_000);
        return body(postJson("/api/v1/programmes", admin(), """
                {"code":"%s","nameZh":"测试项目","occupationCode":"%s","levelCode":"%s","hours":%d,
                 "deliveryMode":"IN_PERSON","subTargetCode":"%s"}""".formatted(code, occupation, level, hours,
                subTarget))
            .andExpect(status().isCreated())).get("id").asLong();
    }

    record Provider(long id, Cookie staff, long teacher) {
    }

    /** A filed, active provider of a city with a staff account and one teacher. */
    default Provider provider(Cookie officer, String region, String occupation, String level) throws Exception {
        return provider(officer, region, occupation, level, 40);
    }

    default Provider provider(Cookie officer, String region, String occupation, String level, int capacity)
            throws Exception {
        String first17 = String.format("913701%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
        String code = first17 + UnifiedSocialCreditCode.checkCharacter(first17);
        JsonNode p = body(postJson("/api/v1/providers", officer,
                """
                        {"kind":"PRIVATE_INSTITUTION","name":"测试培训学校%d","creditCode":"%s","regionCode":"%s",
                         "address":"测试路 1 号","legalRepresentative":"张三","contactName":"李四","contactPhone":"13800000000",
                         "capacity":%d,"permits":[{"occupationCode":"%s","levelCode":"%s"}]}"""
                    .formatted(SEQ.incrementAndGet(), code, region, capacity, occupation, level))
            .andExpect(status().isCreated()));
        long id = p.get("id").asLong();
        postJson("/api/v1/providers/" + id + "/decisions", officer, """
                {"verb":"approve","version":%d,"filingNo":"F-%s","validFrom":"2025-01-01","validUntil":"2030-12-31"}"""
            .formatted(p.get("version").asInt(), code)).andExpect(status().isOk());
        String username = "staff-" + id;
        bean(Accounts.class).create(new NewAccount(username, "员工", "staff-password-123", Role.PROVIDER_STAFF,
                ScopeKind.PROVIDER, String.valueOf(id), region));
        Cookie staff = SignedIn.as(mvc(), username, "staff-password-123");
        long teacher = body(postJson("/api/v1/teachers", staff, """
                {"name":"王老师","qualificationNo":"Q%d-%d"}""".formatted(id, SEQ.incrementAndGet()))
            .andExpect(status().isOk())).get("id").asLong();
        return new Provider(id, staff, teacher);
    }

    /** Sessions of 3 hours each morning from the start date. */
    default String sessions(long teacher, int days, int startHour) {
        return sessions(teacher, days, startHour, start());
    }

    default String application(long programme, String sessions, LocalDate end) {
        return """
                {"programmeId":%d,"classType":"REGULAR","subsidised":true,"venueAddress":"历下区培训楼 3 层",
                 "venueLat":36.651,"venueLng":117.12,"startDate":"%s","endDate":"%s","capacity":30,"sessions":%s}"""
            .formatted(programme, start(), end, sessions);
    }

    /** Opens and approves a class of one 3-hour session a day for {@code days} days. */
    default long approvedClass(long programme, Provider p, int days, int startHour, LocalDate from) throws Exception {
        return approvedClass(programme, p, days, startHour, from, 30);
    }

    default long approvedClass(long programme, Provider p, int days, int startHour, LocalDate from, int capacity)
            throws Exception {
        String sessions = sessions(p.teacher(), days, startHour, from);
        JsonNode c = body(postJson("/api/v1/classes", p.staff(),
                """
                        {"programmeId":%d,"classType":"REGULAR","subsidised":true,"venueAddress":"历下区培训楼 3 层",
                         "venueLat":36.651,"venueLng":117.12,"startDate":"%s","endDate":"%s","capacity":%d,"sessions":%s}"""
                    .formatted(programme, from, from.plusDays(days), capacity, sessions))
            .andExpect(status().isCreated()));
        long id = c.get("id").asLong();
        postJson("/api/v1/classes/" + id + "/decisions", jinan(), """
                {"verb":"approve","version":%d}""".formatted(c.get("version").asInt())).andExpect(status().isOk());
        return id;
    }

    default String sessions(long teacher, int days, int startHour, LocalDate from) {
        List<String> s = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            LocalDate day = from.plusDays(d);
            s.add("""
                    {"startsAt":"%sT%02d:00:00","endsAt":"%sT%02d:00:00","teacherId":%d}""".formatted(day, startHour,
                    day, startHour + 3, teacher));
        }
        return "[" + String.join(",", s) + "]";
    }

    /** The class's version as it stands. */
    default int version(long classId, Cookie as) throws Exception {
        return body(mvc().perform(get("/api/v1/classes/" + classId).cookie(as))).get("version").asInt();
    }

    /**
     * Starts an approved class when its calendar allows: the clock moves to its first
     * session. Returns the class's new version.
     */
    default int start(long classId, Cookie staff) throws Exception {
        bean(ClassWalk.class).toFirstSession(classId);
        return body(postJson("/api/v1/classes/" + classId + "/decisions", staff, """
                {"verb":"start","version":%d}""".formatted(version(classId, staff))).andExpect(status().isOk()))
            .get("version")
            .asInt();
    }

    /**
     * Completes a running class when its calendar allows: the clock moves past its last
     * session and the late-upload window. {@code failed}: enrolments that failed the
     * provider's assessment. Returns the roster with each outcome.
     */
    default JsonNode complete(long classId, Cookie staff, List<Long> failed) throws Exception {
        bean(ClassWalk.class).toCompletion(classId);
        return body(postJson("/api/v1/classes/" + classId + "/completion", staff, """
                {"version":%d,"failedAssessment":%s}""".formatted(version(classId, staff), failed))
            .andExpect(status().isOk()));
    }

    /** Registers a terminal for the staff member's provider at a place; its device id. */
    default String registerTerminal(Cookie staff, String lat, String lng) throws Exception {
        String device = "T-" + UUID.randomUUID().toString().substring(0, 12);
        postJson("/api/v1/attendance/terminals", staff, """
                {"deviceId":"%s","name":"一楼大厅","venueAddress":"历下区培训楼 1 层","venueLat":%s,"venueLng":%s}"""
            .formatted(device, lat, lng)).andExpect(status().isCreated());
        return device;
    }

    /**
     * A registered terminal's check-in or check-out at the test classes' venue (36.651,
     * 117.12) with a good face match, made now (by the clock): move the clock into the
     * session's window first.
     */
    default JsonNode checkInNow(Cookie terminal, String device, long sessionId, String idNumber, String kind)
            throws Exception {
        return body(postJson("/api/v1/attendance/check-ins", terminal, """
                {"clientKey":"%s","sessionId":%d,"idNumber":"%s","kind":"%s","time":"%s","deviceId":"%s",
                 "latitude":36.651,"longitude":117.12,"faceScore":0.93}""".formatted(UUID.randomUUID(), sessionId,
                idNumber, kind, clock().instant(), device)));
    }

}
