package dev.peakline.app.server;

import dev.peakline.app.server.setup.Startup;
import java.io.File;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser (Debian's headless Chromium, through chromedriver) against the shared test server: signing in as a
 * demo user, waiting for what a page shows, and where downloads land. Browser test classes extend it.
 */
abstract class BrowserTest extends ServerTest {
    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File DRIVER = new File("/usr/bin/chromedriver");
    static WebDriver browser;
    static WebDriverWait wait;
    /** Where the browser saves what the user downloads. */
    static java.nio.file.Path downloads;

    @BeforeAll
    static void open() {
        // .ci/run installs chromium and chromium-driver; a developer machine without them skips this class
        requireTool(CHROMIUM.canExecute() && DRIVER.canExecute(), "Debian's chromium and chromium-driver");
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM);
        try {
            downloads = java.nio.file.Files.createTempDirectory("peakline-downloads");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        o.setExperimentalOption(
                "prefs",
                java.util.Map.of(
                        "download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        o.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-extensions",
                "--no-first-run",
                "--window-size=1400,1000");
        browser = new ChromeDriver(
                new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build(), o);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        // pages that refresh themselves (monitoring, every 10 s) replace their rows under a waiting condition
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.quit();
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    void login(String user) {
        login(user, Startup.DEMO_PASSWORD);
    }

    void login(String user, String password) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login.html"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("signin")));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("signin")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("who")));
    }

    WebElement visible(By by) {
        try {
            return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
        } catch (org.openqa.selenium.TimeoutException e) {
            // say what the page showed instead
            throw new AssertionError(
                    "no " + by + " on " + browser.getCurrentUrl() + ":\n"
                            + browser.findElement(By.tagName("body")).getText(),
                    e);
        }
    }
}
