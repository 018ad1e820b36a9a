package org.jixing.shared.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import jakarta.servlet.http.Cookie;

import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Roles with no business on a path get 403, not an empty list, and every refusal leaves
 * an audit entry; a burst of the same refusal leaves one a minute.
 */
class RefusalAuditIT extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_trainee_asking_for_fund_balances_is_refused_and_the_refusal_is_audited_once_a_minute_per_permission()
            throws Exception {
        Cookie trainee = SignedIn.as(mvc, "trainee");
        // Past any earlier test's identical refusal, which would count for this minute.
        clock.advance(Duration.ofMinutes(5));
        long before = entries("trainee", "access.refused", "FUND_READ");
        mvc.perform(get("/api/v1/subsidies/funds/balances").cookie(trainee))
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.status").value(403));
        mvc.perform(get("/api/v1/subsidies/funds/balances").cookie(trainee)).andExpect(status().isForbidden());
        // The page of the same permission: the same refusal, within the minute.
        mvc.perform(get("/subsidies/funds").cookie(trainee)).andExpect(status().isForbidden());
        assertThat(entries("trainee", "access.refused", "FUND_READ")).isEqualTo(before + 1);
        clock.advance(Duration.ofMinutes(2));
        mvc.perform(get("/api/v1/subsidies/funds/balances").cookie(trainee)).andExpect(status().isForbidden());
        assertThat(entries("trainee", "access.refused", "FUND_READ")).isEqualTo(before + 2);
    }

    @Test
    void the_roles_the_issue_found_with_empty_lists_are_refused_on_pages_and_api() throws Exception {
        String[][] refused = { { "trainee", "/api/v1/subsidies/payment-orders" }, { "enterprise", "/subsidies/funds" },
                { "evaluator", "/api/v1/subsidies/claims/queue" }, { "provider", "/api/v1/people/imports" },
                { "provider", "/api/v1/subsidies/funds/balances" }, { "trainee", "/people/imports" } };
        for (String[] r : refused) {
            mvc.perform(get(r[1]).cookie(SignedIn.as(mvc, r[0]))).andExpect(status().isForbidden());
        }
        assertThat(entries("evaluator", "access.refused", "CLAIM_REVIEW")).isPositive();
        assertThat(entries("enterprise", "access.refused", "FUND_READ")).isPositive();
    }

    @Test
    void a_record_outside_the_scope_is_not_found_and_audited() throws Exception {
        long qingdaoClass = jdbc.sql("select min(id) from training_class where region_code like '3702%'")
            .query(Long.class)
            .single();
        clock.advance(Duration.ofMinutes(5));
        long before = entries("jinan", "scope.refused", null);
        mvc.perform(get("/api/v1/classes/" + qingdaoClass).cookie(jinan())).andExpect(status().isNotFound());
        assertThat(entries("jinan", "scope.refused", null)).isEqualTo(before + 1);
    }

    @Test
    void a_session_of_another_class_named_under_ones_own_class_is_not_found_and_audited() throws Exception {
        String provider = jdbc.sql("select scope_ref from app_user where username = 'provider'")
            .query(String.class)
            .single();
        long own = jdbc.sql("select min(id) from training_class where provider_id = ?")
            .param(Long.parseLong(provider))
            .query(Long.class)
            .single();
        long foreignSession = jdbc.sql("select min(s.id) from class_session s where s.class_id <> ?")
            .param(own)
            .query(Long.class)
            .single();
        clock.advance(Duration.ofMinutes(5));
        long before = entries("provider", "parent.refused", "session");
        mvc.perform(get("/api/v1/classes/" + own + "/sessions/" + foreignSession + "/attendance")
            .cookie(SignedIn.as(mvc, "provider"))).andExpect(status().isNotFound());
        assertThat(entries("provider", "parent.refused", "session")).isEqualTo(before + 1);
    }

    private long entries(String actor, String action, String recordType) {
        return jdbc
            .sql("select count(*) from audit_entry where actor = :actor and action = :action"
                    + (recordType == null ? "" : " and record_type = :type"))
            .param("actor", actor)
            .param("action", action)
            .param("type", recordType)
            .query(Long.class)
            .single();
    }

}
