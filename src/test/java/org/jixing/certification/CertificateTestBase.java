package org.jixing.certification;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import jakarta.servlet.http.Cookie;

import org.jixing.SignedIn;
import org.jixing.account.NewAccount;
import org.jixing.person.NewPerson;
import org.jixing.person.People;
import org.jixing.shared.UnifiedSocialCreditCode;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.RunAs;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.training.TrainingTestBase;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Fixtures for certificate tests: filed evaluation bodies with an evaluator account,
 * registered people, and running as each role.
 */
public abstract class CertificateTestBase extends TrainingTestBase {

    protected static final String JINAN = "370100";

    protected static final String QINGDAO = "370200";

    @Autowired
    protected Certificates certificates;

    @Autowired
    protected CertificateIssuing issuing;

    @Autowired
    protected CertificateRevocation revocation;

    @Autowired
    protected CertificateSignatures signatures;

    @Autowired
    protected People people;

    public record Body(long id, String name, Cookie evaluator, String evaluatorName) {
    }

    protected static <T> T asAdmin(Supplier<T> work) {
        return RunAs.user(new CurrentUser(1, "admin", "admin", Role.PROVINCE_ADMIN, DataScope.province("370000")),
                work);
    }

    protected static <T> T asCity(String city, Supplier<T> work) {
        return RunAs.user(new CurrentUser(2, "city-" + city, "city", Role.CITY_OFFICER, DataScope.region(city)), work);
    }

    protected static <T> T asEvaluator(long bodyId, Supplier<T> work) {
        return RunAs.user(new CurrentUser(4, "eval-" + bodyId, "evaluator", Role.EVALUATOR,
                DataScope.of(ScopeKind.EVALUATION_BODY, String.valueOf(bodyId))), work);
    }

    protected static <T> T asTrainee(long personId, Supplier<T> work) {
        return RunAs.user(new CurrentUser(5, "trainee-" + personId, "trainee", Role.TRAINEE,
                DataScope.of(ScopeKind.PERSON, String.valueOf(personId))), work);
    }

    /**
     * A filed, active 济南 evaluation body permitted for an occupation at the given levels.
     */
    protected Body evaluationBody(String region, String occupation, String... levels) throws Exception {
        String first17 = String.format("913701%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
        String code = first17 + UnifiedSocialCreditCode.checkCharacter(first17);
        StringBuilder permits = new StringBuilder();
        for (String l : levels) {
            permits.append(permits.isEmpty() ? "" : ",")
                .append("{\"occupationCode\":\"%s\",\"levelCode\":\"%s\"}".formatted(occupation, l));
        }
        String name = "测试评价中心" + SEQ.incrementAndGet();
        JsonNode p = body(postJson("/api/v1/evaluation-bodies", admin, """
                {"kind":"SOCIAL_EVALUATION_ORGANISATION","name":"%s","creditCode":"%s","regionCode":"%s",
                 "address":"测试路 2 号","legalRepresentative":"张三","contactName":"李四","contactPhone":"13800000000",
                 "capacity":40,"permits":[%s]}""".formatted(name, code, region, permits))
            .andExpect(status().isCreated()));
        long id = p.get("id").asLong();
        postJson("/api/v1/evaluation-bodies/" + id + "/decisions", admin, """
                {"verb":"approve","version":%d,"filingNo":"E-%s","validFrom":"2025-01-01","validUntil":"2030-12-31"}"""
            .formatted(p.get("version").asInt(), code)).andExpect(status().isOk());
        String username = "evaluator-" + id;
        accounts.create(new NewAccount(username, "评价员", "evaluator-password-123", Role.EVALUATOR,
                ScopeKind.EVALUATION_BODY, String.valueOf(id), region));
        return new Body(id, name, SignedIn.as(mvc, username, "evaluator-password-123"), username);
    }

    /** A registered person of 济南 with a trainee account; returns the person id. */
    protected long person(String name) {
        return asAdmin(() -> people.register(new NewPerson(adultIdNumber(), name,
                "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)), JINAN)))
            .id();
    }

    protected Cookie traineeCookie(long personId) throws Exception {
        String username = "trainee-" + personId;
        accounts.create(new NewAccount(username, "学员", "trainee-password-123", Role.TRAINEE, ScopeKind.PERSON,
                String.valueOf(personId), JINAN));
        return SignedIn.as(mvc, username, "trainee-password-123");
    }

    protected CertificateRequest request(long person, String occupation, String level, long body,
            CertificateRoute route) {
        return new CertificateRequest(person, occupation, level, body, route, null, null, null);
    }

    protected Certificate issue(long person, String occupation, String level, long body, CertificateRoute route) {
        return asAdmin(() -> issuing.issue(request(person, occupation, level, body, route)));
    }

    protected Certificate past(long person, String occupation, String level, long body, LocalDate on) {
        return asAdmin(() -> issuing.recordPast(
                new CertificateRequest(person, occupation, level, body, CertificateRoute.IMPORTED, null, null, on)));
    }

}
