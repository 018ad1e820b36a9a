package org.jixing.certification;

import org.jixing.IntegrationTest;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import jakarta.servlet.http.Cookie;

import org.jixing.SignedIn;
import org.jixing.training.CompletedTraining;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;

/**
 * The assessment API: batches, candidates, scores, refusals in the caller's language,
 * scopes.
 */
class AssessmentApiIT extends IntegrationTest implements AssessmentFixtures {

    @Test
    void anEvaluatorRunsABatchThroughTheApi() throws Exception {
        Body body = body(jinan(), JINAN, "TECHNICAL_COLLEGE", "CLEANER/JUNIOR");
        mvc.perform(post("/api/v1/assessment-batches").with(csrf())
            .cookie(body.evaluator())
            .header("Accept-Language", "en")
            .contentType(MediaType.APPLICATION_JSON)
            .content("""
                    {"kind":"BODY","occupationCode":"CLEANER","levelCode":"SENIOR","assessedOn":"2026-12-20",
                     "venue":"考点","evaluators":["王考评"]}"""))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].field").value("occupationCode"))
            .andExpect(
                    jsonPath("$.errors[0].message").value("This evaluation body is not filed to assess 保洁员 at 高级工."));
        JsonNode created = body(postJson("/api/v1/assessment-batches", body.evaluator(), """
                {"kind":"BODY","occupationCode":"CLEANER","levelCode":"JUNIOR","assessedOn":"2026-12-20",
                 "venue":"历下区考点","evaluators":["王考评","李考评"]}""").andExpect(status().isCreated()));
        long id = created.get("batch").get("id").asLong();
        PastFixture f = completedClass("CLEANER", "JUNIOR", "L06-1",
                List.of(new Trainee(null, true), new Trainee(null, true)));
        List<CompletedTraining> done = completions(f.classId());
        JsonNode withCandidates = body(
                postJson("/api/v1/assessment-batches/" + id + "/candidates", body.evaluator(),
                        """
                                {"candidates":[{"enrolmentId":%d},{"enrolmentId":%d}]}"""
                            .formatted(done.get(0).enrolmentId(), done.get(1).enrolmentId()))
                    .andExpect(status().isOk()));
        long first = withCandidates.get("candidates").get(0).get("id").asLong();
        long second = withCandidates.get("candidates").get(1).get("id").asLong();
        mvc.perform(post("/api/v1/assessment-batches/" + id + "/scores").with(csrf())
            .cookie(body.evaluator())
            .header("Accept-Language", "en")
            .contentType(MediaType.APPLICATION_JSON)
            .content("""
                    {"rows":[{"candidateId":%d,"theory":70,"practical":80},
                             {"candidateId":%d,"theory":-1,"practical":80}]}""".formatted(first, second)))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.errors[0].field").value("rows[1].theory"))
            .andExpect(jsonPath("$.errors[0].message")
                .value("Row 2: the theory score must be a whole number from 0 to 100."));
        postJson("/api/v1/assessment-batches/" + id + "/scores", body.evaluator(), """
                {"rows":[{"candidateId":%d,"theory":70,"practical":80},
                         {"candidateId":%d,"theory":50,"practical":80}]}""".formatted(first, second))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.batch.status").value("SCORING"))
            .andExpect(jsonPath("$.candidates[0].passed").value(true))
            .andExpect(jsonPath("$.candidates[1].passed").value(false));

        // Another body's evaluator and another city's officer find nothing.
        Body other = body(jinan(), JINAN, "TECHNICAL_COLLEGE", "CLEANER/JUNIOR");
        mvc.perform(get("/api/v1/assessment-batches/" + id).cookie(other.evaluator())).andExpect(status().isNotFound());
        Cookie qingdao = SignedIn.as(mvc, "qingdao");
        mvc.perform(get("/api/v1/assessment-batches/" + id).cookie(qingdao)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/assessment-batches/" + id).cookie(jinan())).andExpect(status().isOk());
        mvc.perform(get("/api/v1/assessment-batches").cookie(body.evaluator()))
            .andExpect(jsonPath("$.total").value(1))
            .andExpect(jsonPath("$.items[0].id").value(id));
    }

    @Test
    void theApiIsDocumented() throws Exception {
        mvc.perform(get("/v3/api-docs").cookie(admin()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.paths['/api/v1/assessment-batches']").exists())
            .andExpect(jsonPath("$.paths['/api/v1/assessment-batches/{id}/scores']").exists())
            .andExpect(jsonPath("$.paths['/api/v1/assessment-results/{resultId}/challenges']").exists())
            .andExpect(jsonPath("$.paths['/api/v1/direct-recognitions/{id}/decision']").exists());
    }

}
