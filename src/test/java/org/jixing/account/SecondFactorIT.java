package org.jixing.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.http.Cookie;

import org.assertj.core.api.Assertions;
import org.hamcrest.Matchers;
import org.jixing.IntegrationTest;
import org.jixing.SignedIn;
import org.jixing.account.internal.Totp;
import org.jixing.shared.InvalidInputException;
import org.jixing.shared.scope.CurrentUser;
import org.jixing.shared.scope.DataScope;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.RunAs;
import org.jixing.shared.scope.ScopeKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/**
 * Issue 17, item 7: TOTP for administrators, recovery codes, reset, and the requirement.
 */
class SecondFactorIT extends IntegrationTest {

    static final AtomicInteger SEQ = new AtomicInteger();

    static final String PASSWORD = "a-long-enough-password";

    @Autowired
    MockMvc mvc;

    @Autowired
    Accounts accounts;

    @Autowired
    OwnAccount ownAccount;

    @Autowired
    SecondFactors factors;

    @Autowired
    JdbcClient jdbc;

    Account newAccount(Role role) {
        boolean province = role == Role.PROVINCE_ADMIN;
        return accounts.create(new NewAccount("tfa" + SEQ.incrementAndGet(), "双因素测试", PASSWORD, role,
                province ? ScopeKind.PROVINCE : ScopeKind.REGION, province ? "370000" : "370300",
                province ? "370000" : "370300"));
    }

    /**
     * What the enrolment page shows: the secret (as the user would type it into an app).
     */
    String secretShown(Cookie session) throws Exception {
        Object secret = mvc.perform(get("/account/second-factor").cookie(session))
            .andExpect(status().isOk())
            .andReturn()
            .getModelAndView()
            .getModel()
            .get("secret");
        return secret.toString().replace(" ", "");
    }

    /**
     * The recovery codes shown, and the session's cookie (a new id once the factor is
     * passed).
     */
    record Enrolled(List<String> recoveryCodes, Cookie session) {
    }

    @SuppressWarnings("unchecked")
    Enrolled enrol(Cookie session, String secret) throws Exception {
        var result = mvc
            .perform(post("/account/second-factor").with(csrf())
                .cookie(session)
                .param("code", Totp.code(secret, clock.instant())))
            .andExpect(flash().attribute("notice", "account.secondFactor.enrolled"))
            .andReturn();
        return new Enrolled((List<String>) result.getFlashMap().get("recoveryCodes"), renewed(result, session));
    }

    /** Passing the factor changes the session id, as signing in does. */
    static Cookie renewed(MvcResult result, Cookie before) {
        Cookie after = result.getResponse().getCookie("SESSION");
        assertThat(after).as("a new session id").isNotNull();
        assertThat(after.getValue()).isNotEqualTo(before.getValue());
        return after;
    }

    long audited(String action, long id) {
        return jdbc.sql("select count(*) from audit_entry where action = :a and record_id = :id")
            .param("a", action)
            .param("id", String.valueOf(id))
            .query(Long.class)
            .single();
    }

    @Test
    void anAdministratorTurnsTheFactorOnAndThenSignsInWithPasswordAndCode() throws Exception {
        Account a = newAccount(Role.PROVINCE_ADMIN);
        Cookie first = SignedIn.as(mvc, a.username(), PASSWORD);
        String secret = secretShown(first);
        // A wrong code turns nothing on.
        mvc.perform(post("/account/second-factor").with(csrf()).cookie(first).param("code", "000000"))
            .andExpect(flash().attributeExists("problems"));
        assertThat(factors.isOn(a.id())).isFalse();
        Enrolled enrolled = enrol(first, secret);
        List<String> recovery = enrolled.recoveryCodes();
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z2-9]{5}-[a-z2-9]{5}"));
        assertThat(factors.isOn(a.id())).isTrue();
        assertThat(audited("account.secondFactor.enrol", a.id())).isEqualTo(1);
        // The secret is not stored as the app received it.
        assertThat(jdbc.sql("select secret from account_second_factor where user_id = :u")
            .param("u", a.id())
            .query(String.class)
            .single()).startsWith("v1:").doesNotContain(secret);
        // The enrolling session passed the factor with its code.
        mvc.perform(get("/").cookie(enrolled.session())).andExpect(status().isOk());

        // A new sign-in with the password alone reaches nothing but the code page.
        Cookie second = SignedIn.as(mvc, a.username(), PASSWORD);
        mvc.perform(get("/").cookie(second)).andExpect(redirectedUrl("/login/totp"));
        mvc.perform(get("/admin/users").cookie(second)).andExpect(redirectedUrl("/login/totp"));
        mvc.perform(get("/api/v1/me").cookie(second)).andExpect(status().isUnauthorized());
        mvc.perform(get("/login/totp").cookie(second)).andExpect(status().isOk());
        // The code used at enrolment does not work a second time.
        mvc.perform(post("/login/totp").with(csrf()).cookie(second).param("code", Totp.code(secret, clock.instant())))
            .andExpect(status().isOk());
        mvc.perform(get("/").cookie(second)).andExpect(redirectedUrl("/login/totp"));
        assertThat(audited("account.secondFactor.failed", a.id())).isGreaterThanOrEqualTo(1);
        // Thirty seconds later the app shows a new code, which does.
        clock.advance(Duration.ofSeconds(30));
        var passed = mvc
            .perform(post("/login/totp").with(csrf()).cookie(second).param("code", Totp.code(secret, clock.instant())))
            .andExpect(redirectedUrl("/"))
            .andReturn();
        Cookie signedIn = renewed(passed, second);
        mvc.perform(get("/").cookie(signedIn)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").cookie(signedIn)).andExpect(status().isOk());
    }

    @Test
    void aRecoveryCodeReplacesACodeOnceAndFiveWrongCodesEndTheSession() throws Exception {
        Account a = newAccount(Role.CITY_OFFICER);
        Cookie first = SignedIn.as(mvc, a.username(), PASSWORD);
        List<String> recovery = enrol(first, secretShown(first)).recoveryCodes();

        Cookie second = SignedIn.as(mvc, a.username(), PASSWORD);
        mvc.perform(post("/login/totp").with(csrf()).cookie(second).param("code", recovery.get(3)))
            .andExpect(redirectedUrl("/"));
        assertThat(audited("account.secondFactor.recoveryCodeUsed", a.id())).isEqualTo(1);

        Cookie third = SignedIn.as(mvc, a.username(), PASSWORD);
        // Used once, the recovery code is spent; four more wrong codes end the session.
        for (int i = 0; i < 4; i++) {
            mvc.perform(post("/login/totp").with(csrf())
                .cookie(third)
                .param("code", i == 0 ? recovery.get(3) : "12345" + i)).andExpect(status().isOk());
        }
        mvc.perform(post("/login/totp").with(csrf()).cookie(third).param("code", recovery.get(3)))
            .andExpect(redirectedUrl("/login?error=second-factor"));
        mvc.perform(get("/").cookie(third)).andExpect(redirectedUrl("/login"));
    }

    @Test
    void signingInAgainDoesNotBuyMoreGuessesTheAccountsCodesAreThrottledAcrossSessions() throws Exception {
        Account a = newAccount(Role.CITY_OFFICER);
        Cookie first = SignedIn.as(mvc, a.username(), PASSWORD);
        String secret = secretShown(first);
        enrol(first, secret);
        // Ten wrong codes over three sessions (each ended after its fourth or fifth) ...
        int tried = 0;
        while (tried < 10) {
            Cookie session = SignedIn.as(mvc, a.username(), PASSWORD);
            for (int i = 0; i < 4 && tried < 10; i++, tried++) {
                mvc.perform(post("/login/totp").with(csrf()).cookie(session).param("code", "00000" + (tried % 10)));
            }
        }
        // ... and the right code is refused too, until the bucket refills.
        clock.advance(Duration.ofSeconds(30));
        Cookie next = SignedIn.as(mvc, a.username(), PASSWORD);
        mvc.perform(post("/login/totp").with(csrf()).cookie(next).param("code", Totp.code(secret, clock.instant())))
            .andExpect(status().isOk());
        mvc.perform(get("/").cookie(next)).andExpect(redirectedUrl("/login/totp"));
        assertThat(audited("account.secondFactor.throttled", a.id())).isEqualTo(1);
        clock.advance(Duration.ofMinutes(1));
        mvc.perform(post("/login/totp").with(csrf()).cookie(next).param("code", Totp.code(secret, clock.instant())))
            .andExpect(redirectedUrl("/"));
    }

    @Test
    void anAuditorWhoChangesNothingElseMayTurnItOnAndSignInWithIt() throws Exception {
        Account a = accounts.create(new NewAccount("tfa" + SEQ.incrementAndGet(), "审计", PASSWORD, Role.AUDITOR,
                ScopeKind.PROVINCE, "370000", "370000"));
        Cookie first = SignedIn.as(mvc, a.username(), PASSWORD);
        String secret = secretShown(first);
        enrol(first, secret);
        clock.advance(Duration.ofSeconds(30));
        Cookie second = SignedIn.as(mvc, a.username(), PASSWORD);
        mvc.perform(post("/login/totp").with(csrf()).cookie(second).param("code", Totp.code(secret, clock.instant())))
            .andExpect(redirectedUrl("/"));
    }

    @Test
    void tokensAreIssuedOnlyFromASessionThatPassedTheFactor() throws Exception {
        Account a = newAccount(Role.CITY_OFFICER);
        Cookie first = SignedIn.as(mvc, a.username(), PASSWORD);
        Cookie passed = enrol(first, secretShown(first)).session();
        Cookie second = SignedIn.as(mvc, a.username(), PASSWORD);
        mvc.perform(post("/account/tokens").with(csrf()).cookie(second).param("name", "x").param("days", "1"))
            .andExpect(redirectedUrl("/login/totp"));
        mvc.perform(post("/account/tokens").with(csrf()).cookie(passed).param("name", "x").param("days", "1"))
            .andExpect(flash().attributeExists("newToken"));
        // And the service says so too, whoever asks it.
        var problem = Assertions.catchThrowableOfType(InvalidInputException.class,
                () -> RunAs.user(new CurrentUser(a.id(), a.username(), a.displayName(), a.role(),
                        DataScope.of(a.scopeKind(), a.scopeRef())), () -> ownAccount.createToken("y", 1)));
        assertThat(problem.problems()).extracting(p -> p.messageKey())
            .containsExactly("account.token.secondFactorFirst");
    }

    @Test
    void turningTheFactorOffNeedsACurrentCode() throws Exception {
        Account a = newAccount(Role.PROVINCE_ADMIN);
        Cookie session = SignedIn.as(mvc, a.username(), PASSWORD);
        String secret = secretShown(session);
        session = enrol(session, secret).session();
        mvc.perform(post("/account/second-factor/off").with(csrf()).cookie(session).param("code", "999999"))
            .andExpect(flash().attributeExists("problems"));
        assertThat(factors.isOn(a.id())).isTrue();
        clock.advance(Duration.ofSeconds(30));
        mvc.perform(post("/account/second-factor/off").with(csrf())
            .cookie(session)
            .param("code", Totp.code(secret, clock.instant())))
            .andExpect(flash().attribute("notice", "account.secondFactor.turnedOff"));
        assertThat(factors.isOn(a.id())).isFalse();
        assertThat(audited("account.secondFactor.off", a.id())).isEqualTo(1);
        mvc.perform(get("/").cookie(SignedIn.as(mvc, a.username(), PASSWORD))).andExpect(status().isOk());
    }

    @Test
    void aProvinceAdministratorResetsTheFactorOfALostPhoneAndACityOfficerMayNot() throws Exception {
        Account a = newAccount(Role.CITY_OFFICER);
        Cookie session = SignedIn.as(mvc, a.username(), PASSWORD);
        session = enrol(session, secretShown(session)).session();
        mvc.perform(post("/admin/users/" + a.id() + "/second-factor/reset").with(csrf()).cookie(jinan()));
        assertThat(factors.isOn(a.id())).isTrue();
        Cookie admin = SignedIn.as(mvc, "admin");
        mvc.perform(get("/admin/users/" + a.id()).cookie(admin))
            .andExpect(
                    MockMvcResultMatchers.content().string(Matchers.containsString("id=\"second-factor-reset-form\"")));
        mvc.perform(post("/admin/users/" + a.id() + "/second-factor/reset").with(csrf()).cookie(admin))
            .andExpect(redirectedUrl("/admin/users/" + a.id()));
        assertThat(factors.isOn(a.id())).isFalse();
        assertThat(audited("account.secondFactor.reset", a.id())).isEqualTo(1);
        // Its sessions ended; the password alone signs in again.
        mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/").cookie(SignedIn.as(mvc, a.username(), PASSWORD))).andExpect(status().isOk());
    }

    @Test
    void withoutTheDemoTheRequiredRolesMustEnrolBeforeAnythingElse() throws Exception {
        Account officer = newAccount(Role.CITY_OFFICER);
        Account staff = accounts.create(new NewAccount("tfa" + SEQ.incrementAndGet(), "机构", PASSWORD,
                Role.PROVIDER_STAFF, ScopeKind.PROVIDER, "1", "370100"));
        factors.requireAsWithoutDemo(true);
        try {
            Cookie session = SignedIn.as(mvc, officer.username(), PASSWORD);
            mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/account/second-factor"));
            mvc.perform(get("/api/v1/me").cookie(session)).andExpect(status().isForbidden());
            String secret = secretShown(session);
            session = enrol(session, secret).session();
            mvc.perform(get("/").cookie(session)).andExpect(status().isOk());
            // An account without the factor is not held at the code page either.
            mvc.perform(get("/login/totp").cookie(SignedIn.as(mvc, staff.username(), PASSWORD)))
                .andExpect(redirectedUrl("/"));
            // A role outside the setting is not held.
            mvc.perform(get("/").cookie(SignedIn.as(mvc, staff.username(), PASSWORD))).andExpect(status().isOk());
        }
        finally {
            factors.requireAsWithoutDemo(false);
        }
        // With the demo province present, the demo's administrators are not held.
        mvc.perform(get("/").cookie(jinan())).andExpect(status().isOk());
    }

}
