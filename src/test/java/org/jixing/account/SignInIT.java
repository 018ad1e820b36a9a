package org.jixing.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import org.jixing.IntegrationTest;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

class SignInIT extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Test
    void aDemoAccountSignsInWithItsPassword() throws Exception {
        mvc.perform(formLogin().user("admin").password(DEMO_PASSWORD)).andExpect(authenticated().withUsername("admin"));
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessage() throws Exception {
        mvc.perform(formLogin().user("jinan").password("not-the-password"))
            .andExpect(unauthenticated())
            .andExpect(redirectedUrl("/login?error=bad"));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightPassword() throws Exception {
        accounts.create(new NewAccount("lockme", "Lock Me", "a-long-enough-password", Role.CITY_OFFICER,
                ScopeKind.REGION, "370300", "370300"));
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user("lockme").password("wrong-password-" + i)).andExpect(unauthenticated());
        }
        mvc.perform(formLogin().user("lockme").password("a-long-enough-password"))
            .andExpect(unauthenticated())
            .andExpect(redirectedUrl("/login?error=locked"));
        assertThat(accounts.findByUsername("lockme").orElseThrow().lockedUntil()).isNotNull();
    }

}
