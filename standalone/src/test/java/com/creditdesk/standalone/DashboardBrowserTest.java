package com.creditdesk.standalone;

import com.creditdesk.standalone.support.Api;
import com.creditdesk.standalone.support.Api.Answer;
import com.creditdesk.standalone.support.RunningCreditDesk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live dashboard in headless Chromium (Debian's {@code chromium} and {@code chromium-driver};
 * {@code .ci/run} installs them when missing): sign in, see finance and a salesperson's worklist,
 * place an order through the API and see the page change without reloading it.
 */
class DashboardBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static CreditDeskStandalone app;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("Chromium and its driver: apt-get install chromium chromium-driver (bash .ci/run does)").isTrue();
        app = RunningCreditDesk.shared();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // headless, and quiet on this closed network: no background connections, a fresh profile
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1366,900",
                "--user-data-dir=" + Files.createTempDirectory("creditdesk-chromium"));
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aBlockedOrderAppearsOnTheOpenDashboard() {
        Api commands = new Api(app.commandPort());
        String c = CreditAccountEndToEndTest.openAccount(commands, "SMB");
        commands.put("credit1", "/api/accounts/" + c + "/credit-limit",
                Map.of("amount", 1000, "source", "ANALYST", "reason", "start"));

        browser.get("http://127.0.0.1:" + app.queryPort() + "/dashboard.html");
        browser.findElement(By.id("username")).sendKeys("analyst1");
        browser.findElement(By.id("password")).sendKeys("analyst1");
        browser.findElement(By.id("manager")).clear();
        browser.findElement(By.id("manager")).sendKeys("sales1");
        browser.findElement(By.id("open")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.until(ExpectedConditions.textToBe(By.id("status"), "Live"));
        wait.until(ExpectedConditions.textToBe(By.id("sales-manager"), "sales1"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("finance-reporting"), "All currencies in EUR"));

        String orderId = "O-" + c + "-web";
        Answer blocked = commands.post("erp", "/api/accounts/" + c + "/orders",
                Map.of("orderId", orderId, "amount", 5000, "currency", "EUR"));
        assertThat(blocked.json().get("status").asText()).isEqualTo("BLOCKED");

        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("sales-blocked"), orderId));
        assertThat(browser.findElement(By.id("sales-blocked")).getText()).as("amounts with their currency").contains("EUR");
        assertThat(browser.findElement(By.id("sales-customers")).getText()).contains("Bakkerij " + c);
    }
}
