package com.salescadence.web.browser;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The browser of a Tasklist test: Debian's Chromium (required, with a clear message when missing), a
 * fresh browser per test on the application's random port, closed after it. A browser test class also
 * carries {@code @CadenceIntegrationTest}: the application it drives is the shared test context.
 */
public abstract class TasklistBrowserTestBase {

    @LocalServerPort
    protected int port;

    private WebDriver browser;
    protected Tasklist tasklist;

    @BeforeAll
    static void chromiumIsInstalled() {
        Chromium.requireInstalled();
    }

    @BeforeEach
    void openBrowser() {
        browser = Chromium.start();
        tasklist = new Tasklist(browser, port);
    }

    /** Starts the browser again with another first language ("zh-CN", "en-US"), for a test that reads the product in it. */
    protected void useBrowserLanguage(String language) {
        browser.quit();
        browser = Chromium.start(language);
        tasklist = new Tasklist(browser, port);
    }

    /** The browser itself, for pages other than the Tasklist (the dashboard). */
    protected WebDriver browser() {
        return browser;
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }
}
