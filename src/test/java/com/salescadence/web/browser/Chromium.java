package com.salescadence.web.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver. The driver executable is given to
 * Selenium directly, so Selenium Manager is never asked for (and never downloads) a browser or a driver.
 * When the packages are missing the test fails and says how to install them; CI installs them.
 *
 * <p>Starting Chromium and loading the Tasklist into an empty cache cost seconds per test, so a browser a test
 * {@code quit()}s is not ended but reset and kept for the next test of the same language (issue 14 item 2): its
 * cookies, local and session storage, DevTools headers, extra windows and window size are cleared, its HTTP cache
 * stays. A browser that cannot be reset is ended. All are ended when the test JVM exits.
 */
public final class Chromium {

    /** Overridable with -Dcadence.test.chromium=... and -Dcadence.test.chromedriver=... */
    private static final String BROWSER = System.getProperty("cadence.test.chromium", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("cadence.test.chromedriver", "/usr/bin/chromedriver");

    private Chromium() {
    }

    /** Fails (never skips) when Chromium or chromedriver is not installed. */
    public static void requireInstalled() {
        for (String binary : new String[] {BROWSER, DRIVER}) {
            if (!Files.isExecutable(Path.of(binary))) {
                throw new AssertionError("The browser tests need Debian's Chromium and chromedriver, but " + binary
                        + " is missing. Install them with: apt-get update && apt-get install -y chromium chromium-driver");
            }
        }
    }

    private static final Map<String, Deque<Pooled>> IDLE = new HashMap<>();
    private static final List<Pooled> ALL = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (IDLE) {
                ALL.forEach(Chromium::end);
            }
        }, "chromium-pool-shutdown"));
    }

    /** A clean browser in English: no cookies or storage of an earlier test (see the class comment). */
    public static ChromeDriver start() {
        return start("en-US");
    }

    /** A clean browser whose language is e.g. "zh-CN" or "en-US"; {@code quit()} hands it back for the next test. */
    public static ChromeDriver start(String language) {
        requireInstalled();
        synchronized (IDLE) {
            Deque<Pooled> idle = IDLE.get(language);
            if (idle != null && !idle.isEmpty()) {
                return idle.pop();
            }
        }
        Pooled browser = launch(language);
        synchronized (IDLE) {
            ALL.add(browser);
        }
        return browser;
    }

    private static void giveBack(Pooled browser) {
        try {
            reset(browser);
        } catch (RuntimeException e) {
            end(browser);
            synchronized (IDLE) {
                ALL.remove(browser);
            }
            return;
        }
        synchronized (IDLE) {
            IDLE.computeIfAbsent(browser.language, l -> new ArrayDeque<>()).push(browser);
        }
    }

    /** What a test can leave behind, cleared: alerts, extra windows, DevTools headers, cookies, storage, size. */
    private static void reset(Pooled browser) {
        try {
            browser.switchTo().alert().dismiss();
        } catch (NoAlertPresentException none) {
            // nothing open
        }
        List<String> windows = new ArrayList<>(browser.getWindowHandles());
        for (String window : windows.subList(1, windows.size())) {
            browser.switchTo().window(window).close();
        }
        browser.switchTo().window(windows.get(0));
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
        browser.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        String url = browser.getCurrentUrl();
        if (url != null && url.startsWith("http")) {
            ((JavascriptExecutor) browser).executeScript("try { sessionStorage.clear(); localStorage.clear(); } catch (e) {}");
            String origin = java.net.URI.create(url).resolve("/").toString().replaceAll("/$", "");
            browser.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin,
                    "storageTypes", "cookies,local_storage,indexeddb,websql,service_workers,cache_storage"));
        }
        browser.get("about:blank");
        browser.manage().window().setSize(new Dimension(1400, 1400));
    }

    private static void end(Pooled browser) {
        try {
            browser.end();
        } catch (RuntimeException e) {
            // already gone
        }
    }

    /** A browser whose {@code quit()} returns it to the pool; {@link #end()} ends it. */
    private static final class Pooled extends ChromeDriver {
        private final String language;

        Pooled(ChromeDriverService service, ChromeOptions options, String language) {
            super(service, options);
            this.language = language;
        }

        @Override
        public void quit() {
            giveBack(this);
        }

        void end() {
            super.quit();
        }
    }

    private static Pooled launch(String language) {
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, DRIVER);
        Path profile;
        try {
            profile = Files.createTempDirectory(Files.createDirectories(Path.of("target", "chromium-profiles")), "profile-");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create a Chromium profile under target/", e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1400", "--lang=" + language, "--user-data-dir=" + profile.toAbsolutePath());
        // the product speaks English and Chinese: the browser's first language decides before sign-in
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language + "," + language.substring(0, 2)));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        Pooled driver = new Pooled(service, options, language);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
