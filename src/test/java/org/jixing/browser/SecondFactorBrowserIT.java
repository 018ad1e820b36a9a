package org.jixing.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.util.Locale;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.jixing.account.Accounts;
import org.jixing.account.NewAccount;
import org.jixing.account.internal.Totp;
import org.jixing.shared.scope.Role;
import org.jixing.shared.scope.ScopeKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * Issue 17, item 7, as an administrator would do it: turn the second factor on from the
 * account page by scanning the QR code (here: computing the app's code from the secret
 * the page shows), sign out, and sign in with the password and a code. A province
 * administrator of its own, so the shared demo {@code admin} keeps signing in with the
 * password alone for the other tests.
 */
class SecondFactorBrowserIT extends BrowserTestSupport {

    static final String PASSWORD = "browser-admin-password";

    @Autowired
    Accounts accounts;

    @Autowired
    MessageSource messages;

    String en(String key) {
        return messages.getMessage(key, null, Locale.ENGLISH);
    }

    @Test
    void anAdministratorTurnsTheFactorOnAndSignsInWithPasswordAndCode() {
        String username = "browser-admin-" + System.nanoTime() % 100_000;
        accounts.create(new NewAccount(username, "浏览器测试管理员", PASSWORD, Role.PROVINCE_ADMIN, ScopeKind.PROVINCE,
                "370000", "370000"));
        try (BrowserContext context = newContext()) {
            Page page = Chromium.signIn(context, url(""), username, PASSWORD);
            page.navigate(url("/account?lang=en"));
            page.click("#second-factor-link");
            assertThat(page.locator("h1")).hasText(en("account.secondFactor.title"));
            assertThat(page.locator("#totp-qr")).isVisible();
            screenshot(page, "second-factor-enrol-en");
            String secret = page.locator("#totp-secret").innerText().replace(" ", "");
            page.fill("#code", Totp.code(secret, clock.instant()));
            page.click("#enrol");
            assertThat(page.locator("#notice")).hasText(en("account.secondFactor.enrolled"));
            assertThat(page.locator("#recovery-codes li")).hasCount(10);
            assertThat(page.locator("#second-factor-on")).isVisible();
            screenshot(page, "second-factor-recovery-codes-en");
            page.click("#logout");
            assertThat(page.locator("h1")).hasText(en("login.heading"));

            // The app shows the next code half a minute later.
            clock.advance(Duration.ofSeconds(30));
            page.fill("#username", username);
            page.fill("#password", PASSWORD);
            page.click("#sign-in");
            assertThat(page.locator("h1")).hasText(en("login.totp.title"));
            page.fill("#code", "000000");
            page.click("#verify");
            assertThat(page.locator("#totp-error")).isVisible();
            page.fill("#code", Totp.code(secret, clock.instant()));
            page.click("#verify");
            assertThat(page.locator("h1")).containsText(en("home.provinceAdmin.heading"));
            screenshot(page, "second-factor-signed-in-en");
        }
    }

}
