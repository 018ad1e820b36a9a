package org.jixing.certification;

import static org.jixing.RunningAs.asAdmin;
import static org.jixing.TestIdNumbers.adultIdNumber;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.servlet.http.Cookie;

import org.jixing.SignedIn;
import org.jixing.account.Accounts;
import org.jixing.account.NewAccount;
import org.jixing.person.NewPerson;
import org.jixing.person.People;
import org.jixing.shared.UnifiedSocialCreditCode;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.training.TrainingFixtures;

import tools.jackson.databind.JsonNode;

/**
 * Fixtures for certificates: filed evaluation bodies with an evaluator account signed in,
 * registered people with trainee accounts, certificates issued or recorded from the past.
 */
public interface CertificateFixtures extends TrainingFixtures {

    /** A filed evaluation body with its evaluator account signed in. */
    record Body(long id, String name, Cookie evaluator, String evaluatorName) {
    }

    /**
     * A filed, active evaluation body of a city permitted for an occupation at the given
     * levels, filed by the province.
     */
    default Body evaluationBody(String region, String occupation, String... levels) throws Exception {
        String[] permits = new String[levels.length];
        for (int i = 0; i < levels.length; i++) {
            permits[i] = occupation + "/" + levels[i];
        }
        return evaluationBody(admin(), region, "SOCIAL_EVALUATION_ORGANISATION", "913701", 40, "评价员", permits);
    }

    /**
     * A filed, active evaluation body of a city, of a kind, with permits given as
     * "OCCUPATION/LEVEL", filed by an officer.
     */
    default Body body(Cookie officer, String region, String kind, String... permits) throws Exception {
        return evaluationBody(officer, region, kind, "523701", 100, "考评员", permits);
    }

    private Body evaluationBody(Cookie officer, String region, String kind, String creditPrefix, int capacity,
            String evaluatorName, String... permits) throws Exception {
        String first17 = creditPrefix + String.format("%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
        String code = first17 + UnifiedSocialCreditCode.checkCharacter(first17);
        StringBuilder p = new StringBuilder();
        for (String permit : permits) {
            String[] parts = permit.split("/");
            p.append(p.isEmpty() ? "" : ",")
                .append("{\"occupationCode\":\"%s\",\"levelCode\":\"%s\"}".formatted(parts[0], parts[1]));
        }
        String name = "测试评价中心" + SEQ.incrementAndGet();
        JsonNode b = body(postJson("/api/v1/evaluation-bodies", officer, """
                {"kind":"%s","name":"%s","creditCode":"%s","regionCode":"%s","address":"测试路 2 号",
                 "legalRepresentative":"张三","contactName":"李四","contactPhone":"13800000000","capacity":%d,
                 "permits":[%s]}""".formatted(kind, name, code, region, capacity, p)).andExpect(status().isCreated()));
        long id = b.get("id").asLong();
        postJson("/api/v1/evaluation-bodies/" + id + "/decisions", officer, """
                {"verb":"approve","version":%d,"filingNo":"E-%s","validFrom":"2025-01-01","validUntil":"2030-12-31"}"""
            .formatted(b.get("version").asInt(), code)).andExpect(status().isOk());
        String username = "evaluator-" + id;
        bean(Accounts.class).create(new NewAccount(username, evaluatorName, "evaluator-password-123", Role.EVALUATOR,
                ScopeKind.EVALUATION_BODY, String.valueOf(id), region));
        return new Body(id, name, SignedIn.as(mvc(), username, "evaluator-password-123"), username);
    }

    /** A registered person of 济南; returns the person id. */
    default long person(String name) {
        return asAdmin(() -> bean(People.class).register(new NewPerson(adultIdNumber(), name,
                "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)), JINAN)))
            .id();
    }

    /** A trainee account of the person, signed in. */
    default Cookie traineeCookie(long personId) throws Exception {
        String username = "trainee-" + personId;
        bean(Accounts.class).create(new NewAccount(username, "学员", "trainee-password-123", Role.TRAINEE,
                ScopeKind.PERSON, String.valueOf(personId), JINAN));
        return SignedIn.as(mvc(), username, "trainee-password-123");
    }

    default CertificateRequest request(long person, String occupation, String level, long body,
            CertificateRoute route) {
        return new CertificateRequest(person, occupation, level, body, route, null, null, null);
    }

    default Certificate issue(long person, String occupation, String level, long body, CertificateRoute route) {
        return asAdmin(() -> bean(CertificateIssuing.class).issue(request(person, occupation, level, body, route)));
    }

    default Certificate past(long person, String occupation, String level, long body, LocalDate on) {
        return asAdmin(() -> bean(CertificateIssuing.class).recordPast(
                new CertificateRequest(person, occupation, level, body, CertificateRoute.IMPORTED, null, null, on)));
    }

}
