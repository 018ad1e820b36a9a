package org.jixing.demo.internal;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import jakarta.servlet.http.Cookie;

import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo evaluator finds its body's batches: one planned, one being scored, one in
 * publicity with a challenge.
 */
class DemoAssessmentsIT extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theDemoEvaluatorHasBatchesInEachState() throws Exception {
        Cookie evaluator = SignedIn.as(mvc, "evaluator");
        mvc.perform(get("/api/v1/assessment-batches?status=PLANNED").cookie(evaluator))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.total", greaterThanOrEqualTo(1)))
            .andExpect(jsonPath("$.items[0].bodyName").value(DemoAssessments.BODY_NAME));
        mvc.perform(get("/api/v1/assessment-batches?status=SCORING").cookie(evaluator))
            .andExpect(jsonPath("$.total", greaterThanOrEqualTo(1)));
        mvc.perform(get("/api/v1/assessment-batches?status=PUBLICITY").cookie(evaluator))
            .andExpect(jsonPath("$.total", greaterThanOrEqualTo(1)));
        mvc.perform(get("/api/v1/assessment-batches/publicity").cookie(SignedIn.as(mvc, "trainee")))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$[0].challenges.length()", greaterThanOrEqualTo(1)));
        mvc.perform(get("/certification/batches").cookie(evaluator)).andExpect(status().isOk());
    }

}
