package org.jixing.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * The demo provider's staff member opens the check-in terminals from the menu, registers
 * the face terminal of the training hall (a mistyped latitude first, refused with the
 * field named), and later retires it with a reason.
 */
class TerminalsBrowserIT extends BrowserTestSupport {

    @Test
    void aProviderRegistersAndRetiresAFaceTerminal() {
        String device = "FACE-BR-" + System.nanoTime() % 1_000_000;
        try (BrowserContext browser = newContext()) {
            Page p = signIn(browser, "provider");
            p.navigate(url("/?lang=zh-CN"));
            p.click("a[href='/terminals']");
            assertThat(p.locator("h1")).hasText("签到终端");
            p.fill("#deviceId", device);
            p.fill("#name", "一楼大厅人脸考勤机");
            p.fill("#venueAddress", "历下区培训楼 1 层");
            p.fill("#venueLat", "366.51");
            p.fill("#venueLng", "117.12");
            p.click("#register");
            assertThat(p.locator("#problems")).containsText("纬度");
            p.fill("#venueLat", "36.651");
            p.click("#register");
            assertThat(p.locator("#notice")).hasText("终端已登记，并记入审计日志。");
            assertThat(p.locator("#terminals")).containsText(device);
            assertThat(p.locator("#terminals")).containsText("在用");
            screenshot(p, "terminals");

            p.locator("#terminals tr", new Page.LocatorOptions().setHasText(device))
                .locator("input[name=reason]")
                .fill("屏幕损坏，已报废");
            p.locator("#terminals tr", new Page.LocatorOptions().setHasText(device)).locator("button").click();
            assertThat(p.locator("#notice")).hasText("终端已停用，并记入审计日志。");
            assertThat(p.locator("#terminals tr", new Page.LocatorOptions().setHasText(device)))
                .containsText("停用：屏幕损坏，已报废");
            screenshot(p, "terminals-retired");
        }
    }

}
