package com.salescadence.web.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver. The driver executable is given to
 * Selenium directly, so Selenium Manager is never asked for (and never downloads) a browser or a driver.
 * When the packages are missing the test fails and says how to install them; CI installs them.
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

    /** A new browser with a fresh profile under target/, in English. */
    public static ChromeDriver start() {
        return start("en-US");
    }

    /** A new browser with a fresh profile under target/ whose language is e.g. "zh-CN" or "en-US". */
    public static ChromeDriver start(String language) {
        requireInstalled();
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
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return driver;
    }
}
