package org.jixing.certification;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import jakarta.servlet.http.Cookie;

import org.jixing.SignedIn;
import org.jixing.account.NewAccount;
import org.jixing.shared.UnifiedSocialCreditCode;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.RunAs;
import org.jixing.shared.scope.ScopeKind;
import org.jixing.subsidy.SubsidyTestBase;
import org.jixing.training.CompletedTraining;
import org.jixing.training.Enrolments;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Fixtures for assessment tests: filed evaluation bodies with their permits and evaluator
 * accounts, completed past classes (from the subsidy fixtures), running as each role.
 */
public abstract class AssessmentTestBase extends SubsidyTestBase {

    @Autowired
    protected Assessments assessments;

    @Autowired
    protected AssessmentBatches batches;

    @Autowired
    protected AssessmentCandidates candidacy;

    @Autowired
    protected AssessmentScores scoring;

    @Autowired
    protected AssessmentChallenges challenging;

    @Autowired
    protected AssessmentFinalising finalising;

    @Autowired
    protected DirectRecognitions recognitions;

    @Autowired
    protected Enrolments enrolments;

    /** A filed evaluation body with an evaluator account signed in. */
    public record Body(long id, String name, Cookie evaluator) {
    }

    /**
     * A filed, active evaluation body of a city, of a kind, with permits given as
     * "OCCUPATION/LEVEL".
     */
    protected Body body(Cookie officer, String region, String kind, String... permits) throws Exception {
        String first17 = String.format("523701%011d", ThreadLocalRandom.current().nextLong(100_000_000_000L));
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
                 "legalRepresentative":"张三","contactName":"李四","contactPhone":"13800000000","capacity":100,
                 "permits":[%s]}""".formatted(kind, name, code, region, p)).andExpect(status().isCreated()));
        long id = b.get("id").asLong();
        postJson("/api/v1/evaluation-bodies/" + id + "/decisions", officer, """
                {"verb":"approve","version":%d,"filingNo":"E-%s","validFrom":"2025-01-01","validUntil":"2030-12-31"}"""
            .formatted(b.get("version").asInt(), code)).andExpect(status().isOk());
        String username = "evaluator-" + id;
        accounts.create(new NewAccount(username, "考评员", "evaluator-password-123", Role.EVALUATOR,
                ScopeKind.EVALUATION_BODY, String.valueOf(id), region));
        return new Body(id, name, SignedIn.as(mvc, username, "evaluator-password-123"));
    }

    protected static <T> T asEvaluator(long bodyId, String username, Supplier<T> work) {
        return RunAs.user(new CurrentUser(4, username, username, Role.EVALUATOR,
                DataScope.of(ScopeKind.EVALUATION_BODY, String.valueOf(bodyId))), work);
    }

    protected static <T> T asEvaluator(long bodyId, Supplier<T> work) {
        return asEvaluator(bodyId, "evaluator-" + bodyId, work);
    }

    protected static <T> T asTrainee(long personId, Supplier<T> work) {
        return RunAs.user(new CurrentUser(5, "trainee-" + personId, "trainee", Role.TRAINEE,
                DataScope.of(ScopeKind.PERSON, String.valueOf(personId))), work);
    }

    /** The completed enrolments of a class. */
    protected List<CompletedTraining> completions(long classId) {
        return enrolments.completedTrainingsOfClass(classId);
    }

    protected AssessmentBatch batch(long bodyId, AssessmentBatch.Kind kind, String occupation, String level) {
        return asEvaluator(bodyId, () -> batches.schedule(new AssessmentBatches.NewBatch(kind, occupation, level,
                LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), "历下区考点 2 楼", List.of("王考评", "李考评"))));
    }

}
