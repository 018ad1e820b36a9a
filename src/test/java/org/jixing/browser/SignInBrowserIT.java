package org.jixing.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.Locale;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/** Each demo role signs in and lands on its own home page; the language switch works. */
class SignInBrowserIT extends BrowserTestSupport {

    @Autowired
    MessageSource messages;

    String zh(String key) {
        return messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE);
    }

    String en(String key) {
        return messages.getMessage(key, null, Locale.ENGLISH);
    }

    @ParameterizedTest
    @CsvSource({ "admin,provinceAdmin", "agri,lineDepartment", "jinan,cityOfficer", "qingdao,cityOfficer",
            "provider,providerStaff", "evaluator,evaluator", "enterprise,enterprise", "trainee,trainee",
            "auditor,auditor" })
    void eachRoleSignsInAndSeesItsHomePageInChinese(String username, String role) {
        try (BrowserContext context = newContext()) {
            Page page = signIn(context, username);
            assertThat(page.locator("h1")).containsText(zh("home." + role + ".heading"));
            assertThat(page.locator("html")).hasAttribute("lang", "zh-CN");
            screenshot(page, "home-" + username + "-zh");
            page.click("#lang-en");
            assertThat(page.locator("h1")).containsText(en("home." + role + ".heading"));
            screenshot(page, "home-" + username + "-en");
        }
    }

    @Test
    void theAdministratorSeesTheTenLinesAndThePlansTarget() {
        try (BrowserContext context = newContext()) {
            Page page = signIn(context, "admin");
            assertThat(page.locator("#overall-target")).hasText("1,500,000");
            // One row header per line, numbered 1 to 10.
            assertThat(page.locator("#lines-table tbody th[scope=row]")).hasCount(10);
            assertThat(page.locator("#lines-table tbody th[scope=row]").last()).hasText("10");
            assertThat(page.locator("#lines-table")).containsText("65,000");
        }
    }

    @Test
    void theChosenLanguageStaysAcrossPagesAndAWrongPasswordIsExplained() {
        try (BrowserContext context = newContext()) {
            Page page = context.newPage();
            page.navigate(url("/login"));
            assertThat(page.locator("h1")).hasText(zh("login.heading"));
            page.click("#lang-en");
            assertThat(page.locator("h1")).hasText(en("login.heading"));
            page.fill("#username", "jinan");
            page.fill("#password", "not-the-password");
            page.click("#sign-in");
            assertThat(page.locator("#login-error")).hasText(en("login.error.bad"));
            screenshot(page, "login-error-en");
            page.fill("#username", "jinan");
            page.fill("#password", DEMO_PASSWORD);
            page.click("#sign-in");
            assertThat(page.locator("h1")).containsText(en("home.cityOfficer.heading"));
            page.click("#logout");
            assertThat(page.locator("h1")).hasText(en("login.heading"));
            assertThat(page.locator("[role=status]")).hasText(en("login.loggedOut"));
        }
    }

}
