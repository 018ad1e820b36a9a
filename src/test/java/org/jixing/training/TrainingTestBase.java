package org.jixing.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.Cookie;

import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.jixing.account.Accounts;
import org.jixing.account.NewAccount;
import org.jixing.shared.UnifiedSocialCreditCode;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fixtures for the training tests: programmes, filed providers with staff and teachers,
 * classes.
 */
public abstract class TrainingTestBase extends IntegrationTest {

    protected static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    protected MockMvc mvc;

    @Autowired
    protected Accounts accounts;

    @Autowired
    protected JsonMapper json;

    /** Moves the clock through a class's calendar. */
    @Autowired
    protected ClassWalk walk;

    protected Cookie admin;

    protected Cookie jinan;

    protected final LocalDate start = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(10);

    @BeforeEach
    protected void signIn() throws Exception {
        admin = SignedIn.as(mvc, "admin");
        jinan = SignedIn.as(mvc, "jinan");
    }

    protected JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString());
    }

    protected ResultActions postJson(String path, Cookie as, String content) throws Exception {
        return mvc.perform(post(path).with(csrf()).cookie(as).contentType(MediaType.APPLICATION_JSON).content(content));
    }

    protected long programme(String occupation, String level, int hours, String subTarget) throws Exception {
        String code = "T-" + SEQ.incrementAndGet() + "-" + ThreadLocalRandom.current().nextInt(1_000_000);
        return body(postJson("/api/v1/programmes", admin, """
                {"code":"%s","nameZh":"测试项目","occupationCode":"%s","levelCode":"%s","hours":%d,
                 "deliveryMode":"IN_PERSON","subTargetCode":"%s"}""".formatted(code, occupation, level, hours,
                subTarget))
            .andExpect(status().isCreated())).get("id").asLong();
    }

    public record Provider(long id, Cookie staff, long teacher) {
    }

    /** A filed, active provider of a city with a staff account and one teacher. */
    protected Provider provider(Cookie officer, String region, String occupation, String level) throws Exception {
        return provider(officer, region, occupation, level, 40);
    }

    protected Provider provider(Cookie officer, String region, String occupation, String level, int capacity)
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
        accounts.create(new NewAccount(username, "员工", "staff-password-123", Role.PROVIDER_STAFF, ScopeKind.PROVIDER,
                String.valueOf(id), region));
        Cookie staff = SignedIn.as(mvc, username, "staff-password-123");
        long teacher = body(postJson("/api/v1/teachers", staff, """
                {"name":"王老师","qualificationNo":"Q%d-%d"}""".formatted(id, SEQ.incrementAndGet()))
            .andExpect(status().isOk())).get("id").asLong();
        return new Provider(id, staff, teacher);
    }

    /** Sessions of 3 hours each morning from the start date. */
    protected String sessions(long teacher, int days, int startHour) {
        return sessions(teacher, days, startHour, start);
    }

    protected String application(long programme, String sessions, LocalDate end) {
        return """
                {"programmeId":%d,"classType":"REGULAR","subsidised":true,"venueAddress":"历下区培训楼 3 层",
                 "venueLat":36.651,"venueLng":117.12,"startDate":"%s","endDate":"%s","capacity":30,"sessions":%s}"""
            .formatted(programme, start, end, sessions);
    }

    /** Opens and approves a class of one 3-hour session a day for {@code days} days. */
    protected long approvedClass(long programme, Provider p, int days, int startHour, LocalDate from) throws Exception {
        return approvedClass(programme, p, days, startHour, from, 30);
    }

    protected long approvedClass(long programme, Provider p, int days, int startHour, LocalDate from, int capacity)
            throws Exception {
        String sessions = sessions(p.teacher(), days, startHour, from);
        JsonNode c = body(postJson("/api/v1/classes", p.staff(),
                """
                        {"programmeId":%d,"classType":"REGULAR","subsidised":true,"venueAddress":"历下区培训楼 3 层",
                         "venueLat":36.651,"venueLng":117.12,"startDate":"%s","endDate":"%s","capacity":%d,"sessions":%s}"""
                    .formatted(programme, from, from.plusDays(days), capacity, sessions))
            .andExpect(status().isCreated()));
        long id = c.get("id").asLong();
        postJson("/api/v1/classes/" + id + "/decisions", jinan, """
                {"verb":"approve","version":%d}""".formatted(c.get("version").asInt())).andExpect(status().isOk());
        return id;
    }

    protected String sessions(long teacher, int days, int startHour, LocalDate from) {
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
    protected int version(long classId, Cookie as) throws Exception {
        return body(mvc.perform(get("/api/v1/classes/" + classId).cookie(as))).get("version").asInt();
    }

    /**
     * Starts an approved class when its calendar allows: the clock moves to its first
     * session. Returns the class's new version.
     */
    protected int start(long classId, Cookie staff) throws Exception {
        walk.toFirstSession(classId);
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
    protected JsonNode complete(long classId, Cookie staff, List<Long> failed) throws Exception {
        walk.toCompletion(classId);
        return body(postJson("/api/v1/classes/" + classId + "/completion", staff, """
                {"version":%d,"failedAssessment":%s}""".formatted(version(classId, staff), failed))
            .andExpect(status().isOk()));
    }

    /** Registers a terminal for the staff member's provider at a place; its device id. */
    protected String registerTerminal(Cookie staff, String lat, String lng) throws Exception {
        String device = "T-" + java.util.UUID.randomUUID().toString().substring(0, 12);
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
    protected JsonNode checkInNow(Cookie terminal, String device, long sessionId, String idNumber, String kind)
            throws Exception {
        return body(postJson("/api/v1/attendance/check-ins", terminal, """
                {"clientKey":"%s","sessionId":%d,"idNumber":"%s","kind":"%s","time":"%s","deviceId":"%s",
                 "latitude":36.651,"longitude":117.12,"faceScore":0.93}""".formatted(java.util.UUID.randomUUID(),
                sessionId, idNumber, kind, clock.instant(), device)));
    }

    /**
     * A synthetic, valid ID number of someone born on the given day (order codes 9xx).
     */
    protected static String idNumber(LocalDate birth) {
        String first17 = "370102" + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("9%02d", ThreadLocalRandom.current().nextInt(100));
        return first17 + org.jixing.shared.ResidentIdNumbers.checkCharacter(first17);
    }

    protected static String adultIdNumber() {
        return idNumber(LocalDate.of(1970, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(12_000)));
    }

    /**
     * An adult's number that no test registers: the tests' people are numbered 9xx after
     * the birth date ({@link #idNumber}), the demo's 3799xx; this one is 8xx. For checks
     * that must meet a person the registry does not hold, whatever ran before.
     */
    protected static String unregisteredIdNumber() {
        LocalDate birth = LocalDate.of(1970, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(12_000));
        String first17 = "370102" + birth.format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE)
                + String.format("8%02d", ThreadLocalRandom.current().nextInt(100));
        return first17 + org.jixing.shared.ResidentIdNumbers.checkCharacter(first17);
    }

}
