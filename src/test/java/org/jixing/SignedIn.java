package org.jixing;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.MockMvc;

/**
 * Signs a user in through the login form and returns the session cookie, so that a test's
 * requests run as that user with the real principal and scope.
 */
public final class SignedIn {

    private SignedIn() {
    }

    public static Cookie as(MockMvc mvc, String username) throws Exception {
        return as(mvc, username, IntegrationTest.DEMO_PASSWORD);
    }

    public static Cookie as(MockMvc mvc, String username, String password) throws Exception {
        Cookie session = mvc.perform(formLogin().user(username).password(password))
            .andReturn()
            .getResponse()
            .getCookie("SESSION");
        if (session == null) {
            throw new IllegalStateException(username + " could not sign in");
        }
        return session;
    }

}
