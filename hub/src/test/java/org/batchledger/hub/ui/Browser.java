package org.batchledger.hub.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, both by explicit path: Selenium Manager never runs
 * and nothing is downloaded. A fresh profile per browser, downloads into a directory of the test's choosing.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("ui.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("ui.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target/ui-screenshots");

    final ChromeDriver driver;
    final Path downloads;
    private final Path profile;
    private final String base;

    Browser(String base) {
        this.base = base;
        try {
            profile = Files.createTempDirectory("ui-chromium-profile-");
            downloads = Files.createDirectories(Path.of("target/ui-downloads")).resolve(profile.getFileName());
            Files.createDirectories(downloads);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                "--window-size=1280,800", "--user-data-dir=" + profile.toAbsolutePath());
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    void open(String path) {
        driver.get(base + path);
    }

    /** Generous: a cold hub's first release queue on two cores shared with other builds took more than 60 s. */
    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(120));
    }

    WebElement await(By by) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void awaitText(By by, String text) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    WebElement button(String text) {
        return await(By.xpath("//button[normalize-space(.)='" + text + "']"));
    }

    /** From the UI's login panel through the real Keycloak page and back. */
    void logIn(String user) {
        button("Log in with Keycloak").click();
        await(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys("demo");
        driver.findElement(By.id("kc-login")).click();
        waiting().until(d -> !d.findElements(By.cssSelector("[data-testid=user]")).isEmpty());
    }

    /** A PNG of the page under target/ui-screenshots, and under docs/screenshots when -Dui.screenshots.docs=true. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            driver.executeScript("window.scrollTo(0, 0)");
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            if (Boolean.getBoolean("ui.screenshots.docs")) {
                Path docs = Files.createDirectories(Path.of("../docs/screenshots"));
                Files.copy(file, docs.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
