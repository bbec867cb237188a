package org.gridcase.scenario;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Headless Chromium for the browser tests. Where the system has Chromium ({@code /usr/bin/chromium}, Debian's
 * package, which {@code .ci/run} installs; or the path in GRIDCASE_CHROMIUM) Playwright drives it and downloads
 * nothing, so the tests run without internet access. Elsewhere Playwright fetches its own Chromium. Screenshots go
 * to {@code target/screenshots/<test>/}.
 */
public final class Chromium implements AutoCloseable {

    private static final Path SYSTEM_CHROMIUM = Path.of(System.getenv().getOrDefault("GRIDCASE_CHROMIUM",
            "/usr/bin/chromium"));

    private final Playwright playwright;
    private final Browser browser;
    private final Path screenshots;

    public Chromium(String testName) {
        boolean system = Files.isExecutable(SYSTEM_CHROMIUM);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(system ? Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1") : Map.of()));
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"));
        if (system) {
            options.setExecutablePath(SYSTEM_CHROMIUM);
        }
        browser = playwright.chromium().launch(options);
        screenshots = Path.of("target", "screenshots", testName);
    }

    /** A fresh browser profile (no cookies, no stored language choice), in a Chinese-speaking office. */
    public Page newPage() {
        return newContext(new Browser.NewContextOptions()).newPage();
    }

    /** A fresh profile that answers the Basic login prompt as this user. */
    public Page newPage(String user, String password) {
        return newContext(new Browser.NewContextOptions().setHttpCredentials(user, password)).newPage();
    }

    private BrowserContext newContext(Browser.NewContextOptions options) {
        BrowserContext context = browser.newContext(options.setLocale("zh-CN").setTimezoneId("Asia/Shanghai")
                .setViewportSize(1440, 900));
        context.setDefaultTimeout(15_000);
        return context;
    }

    /** Keeps what the page shows now as {@code target/screenshots/<test>/<name>.png}. */
    public void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(screenshots.resolve(name + ".png")).setFullPage(true));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
