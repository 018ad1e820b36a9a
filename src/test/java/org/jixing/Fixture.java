package org.jixing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDate;

import jakarta.servlet.http.Cookie;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a fixture needs of the test that composes it. Fixtures are interfaces with default
 * methods ({@code TrainingFixtures}, {@code SubsidyFixtures}, {@code PaymentFixtures},
 * {@code AssessmentFixtures}, {@code CertificateFixtures}, {@code AttendanceFixtures}): a
 * test extends {@link IntegrationTest}, which answers these methods, and implements the
 * fixtures it uses, so no test inherits more than one level and none carries fixtures it
 * does not use. Who runs a call is said with {@link RunningAs}; made-up ID numbers come
 * from {@link TestIdNumbers}.
 */
public interface Fixture {

    MockMvc mvc();

    JsonMapper json();

    TestClock clock();

    /**
     * China's date when the test began, fixed for the test: the fixtures' dates count
     * from it, so a test running over midnight keeps its calendar.
     */
    LocalDate today();

    /** A bean of the application, for fixtures that call a module's API directly. */
    <T> T bean(Class<T> type);

    /** The demo province administrator, signed in once per test when first asked. */
    Cookie admin();

    /** The demo 济南 city officer, signed in once per test when first asked. */
    Cookie jinan();

    default JsonNode body(ResultActions result) throws Exception {
        return json().readTree(result.andReturn().getResponse().getContentAsString());
    }

    default ResultActions postJson(String path, Cookie as, String content) throws Exception {
        return mvc()
            .perform(post(path).with(csrf()).cookie(as).contentType(MediaType.APPLICATION_JSON).content(content));
    }

}
