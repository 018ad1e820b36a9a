package org.jixing.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.Cookie;

import org.assertj.core.api.Assertions;
import org.hamcrest.Matchers;
import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.jixing.person.People;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;

/** The edges a new user finds first: huge pages, odd file names, /error, headers, TLS. */
class EdgesIT extends IntegrationTest {

    @Autowired
    People people;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void a_page_number_far_beyond_the_end_is_an_empty_page_not_an_error() throws Exception {
        Cookie admin = SignedIn.as(mvc, "admin");
        mvc.perform(get("/api/v1/classes").param("page", "2147483647").param("size", "2147483647").cookie(admin))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items").isEmpty())
            .andExpect(jsonPath("$.size").value(200));
        mvc.perform(get("/classes").param("page", "2147483647").cookie(admin)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/subsidies/claims").param("page", "-5").cookie(admin)).andExpect(status().isOk());
    }

    @Test
    void a_file_name_with_a_nul_byte_or_a_path_is_refused_with_the_reason() throws Exception {
        Cookie admin = SignedIn.as(mvc, "admin");
        long before = imports();
        MockMultipartFile nul = new MockMultipartFile("file", "people\u0000.csv", "text/csv",
                "身份证号码,姓名\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/people/imports").file(nul).cookie(admin).with(csrf()).param("lang", "en"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.title").value("File name not accepted"))
            .andExpect(jsonPath("$.detail").value(Matchers.containsString("control characters")));
        MockMultipartFile path = new MockMultipartFile("file", "../../etc/people.csv", "text/csv",
                "身份证号码,姓名\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/people/imports").file(path).cookie(admin).with(csrf()))
            .andExpect(status().isBadRequest())
            .andExpect(content().string(Matchers.containsString("路径分隔符")));
        assertThat(imports()).as("nothing was imported").isEqualTo(before);
    }

    @Test
    void an_anonymous_api_request_is_answered_401_without_making_a_session() throws Exception {
        mvc.perform(get("/api/v1/me"))
            .andExpect(status().isUnauthorized())
            .andExpect(result -> Assertions.assertThat(result.getResponse().getCookie("SESSION"))
                .as("a session cookie")
                .isNull());
    }

    @Test
    void error_asked_for_directly_is_a_clean_not_found_problem() throws Exception {
        mvc.perform(get("/error"))
            .andExpect(status().isNotFound())
            .andExpect(header().string("Content-Type", Matchers.startsWith("application/problem+json")))
            .andExpect(jsonPath("$.status").value(404))
            .andExpect(jsonPath("$.title").isNotEmpty());
    }

    @Test
    void every_response_carries_the_permissions_and_referrer_policies() throws Exception {
        Cookie trainee = SignedIn.as(mvc, "trainee");
        for (var request : new RequestBuilder[] { get("/api/v1/me").cookie(trainee),
                get("/api/v1/subsidies/funds/balances").cookie(trainee), get("/login"), get("/").cookie(trainee),
                get("/api/v1/classes") }) {
            var res = mvc.perform(request).andReturn().getResponse();
            assertThat(res.getHeader("Permissions-Policy")).as(res.getStatus() + "").contains("camera=()");
            assertThat(res.getHeader("Referrer-Policy")).isNotBlank();
        }
    }

    @Test
    void behind_a_tls_proxy_the_session_cookie_is_secure() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> proxied = http
            .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
                .header("X-Forwarded-Proto", "https")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(proxied.headers().allValues("Set-Cookie"))
            .anySatisfy(c -> assertThat(c).startsWith("SESSION=").containsIgnoringCase("; Secure"));
        HttpResponse<String> plain = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.headers().allValues("Set-Cookie"))
            .allSatisfy(c -> assertThat(c).doesNotContainIgnoringCase("Secure"));
    }

    private long imports() {
        return jdbc.sql("select count(*) from roster_import").query(Long.class).single();
    }

}
