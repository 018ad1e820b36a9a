package org.jixing.shared.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.jixing.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

class ApiDocsIT extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theOpenApiDocumentNamesTheApiAndBothWaysToAuthenticate() throws Exception {
        mvc.perform(get("/v3/api-docs"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.info.title").value("Jixing API"))
            .andExpect(jsonPath("$.components.securitySchemes.apiToken.scheme").value("bearer"))
            .andExpect(jsonPath("$.paths['/api/v1/reference/action-lines']").exists())
            .andExpect(jsonPath("$.paths['/api/v1/classes/{id}/enrolments']").exists())
            .andExpect(jsonPath("$.paths['/api/v1/subsidies/claims']").exists())
            .andExpect(jsonPath("$.paths['/api/v1/subsidies/funds/balances']").exists())
            .andExpect(jsonPath("$.paths['/api/v1/subsidies/payment-orders/{id}/bank-results']").exists())
            .andExpect(jsonPath("$.paths['/api/v1/subsidies/recoveries/{id}/repayments']").exists())
            .andExpect(jsonPath("$.paths['/api/v1/certificates/verify/{number}']").exists())
            .andExpect(jsonPath("$.paths['/api/v1/certificates/keys']").exists());
    }

    @Test
    void pagesForbidInlineStylesAndFramingWhileSwaggerUiMayStyleItself() throws Exception {
        mvc.perform(get("/login"))
            .andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
            .andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
            .andExpect(header().string("X-Frame-Options", "DENY"));
        mvc.perform(get("/swagger-ui/index.html"))
            .andExpect(header().string("Content-Security-Policy", containsString("style-src 'self' 'unsafe-inline'")))
            .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self';")));
    }

}
