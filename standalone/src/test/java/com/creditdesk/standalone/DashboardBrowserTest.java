package com.creditdesk.standalone;

import com.creditdesk.standalone.support.Api;
import com.creditdesk.standalone.support.Api.Answer;
import com.creditdesk.standalone.support.RunningCreditDesk;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

    private WebDriverWait signIn(String user, String password, String manager) {
        browser.get("http://127.0.0.1:" + app.queryPort() + "/dashboard.html");
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("manager")).clear();
        browser.findElement(By.id("manager")).sendKeys(manager);
        browser.findElement(By.id("open")).click();
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @Test
    void aWrongPasswordIsSaidSo() {
        signIn("analyst1", "not-the-password", "sales1")
                .until(ExpectedConditions.textToBe(By.id("status"), "Sign-in failed: wrong user name or password."));
    }

    @Test
    void aSalespersonIsToldTheFinanceViewIsNotForTheirRole() {
        WebDriverWait wait = signIn("sales1", "sales1", "sales1");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("finance-message"),
                "This user may not see the finance view"));
        wait.until(ExpectedConditions.textToBe(By.id("sales-manager"), "sales1"));
        assertThat(browser.findElement(By.id("sales-message")).getText()).isEmpty();
    }

    @Test
    void theCustomerListIsSortedFilteredAndPaged() {
        Api commands = new Api(app.commandPort());
        String manager = "am-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        for (int i = 29; i >= 0; i--) { // opened in reverse order of their names
            assertThat(commands.post("erp", "/api/accounts", Map.of("customerId", manager + "-" + i,
                    "name", String.format("Klant %02d %s", i, manager), "segment", "SMB", "currency", "EUR",
                    "accountManager", manager, "language", "nl")).status()).isEqualTo(201);
        }
        WebDriverWait wait = signIn("analyst1", "analyst1", manager);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("customers-page"), "of 2 (30 customers)"));
        List<String> names = browser.findElements(By.cssSelector("#sales-customers tr td:first-child")).stream()
                .map(WebElement::getText).toList();
        assertThat(names).hasSize(25).isSorted().first().asString().startsWith("Klant 00");
        browser.findElement(By.id("customers-next")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("customers-page"), "page 2 of 2"));
        assertThat(browser.findElements(By.cssSelector("#sales-customers tr td:first-child"))).hasSize(5);
        browser.findElement(By.id("customer-filter")).sendKeys("Klant 17");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("customers-page"), "(1 customers)"));
        assertThat(browser.findElement(By.id("sales-customers")).getText()).contains("Klant 17").doesNotContain("Klant 16");
    }

    /** The charts are Chart.js instances on their canvases (the library served from its WebJar), filled from the API. */
    @Test
    void theCollectionChartsShowCureRatesPerStepAndSegmentAndBookedAgainstCollectedPerMonth() {
        Api commands = new Api(app.commandPort());
        String c = CreditAccountEndToEndTest.openAccount(commands, "SMB");
        commands.put("credit1", "/api/accounts/" + c + "/credit-limit",
                Map.of("amount", 100000, "source", "ANALYST", "reason", "start"));
        Answer accepted = commands.post("erp", "/api/accounts/" + c + "/orders",
                Map.of("orderId", "O-" + c + "-chart", "amount", 7000, "currency", "EUR"));
        assertThat(accepted.json().get("status").asText()).isEqualTo("ACCEPTED");
        Api queries = new Api(app.queryPort());
        String month = queries.awaitView("analyst1", "/api/kpis/collections",
                numbers -> numbers.get("monthly").get(11).get("booked").decimalValue().intValue() >= 7000)
                .get("months").get(11).asText();

        WebDriverWait wait = signIn("analyst1", "analyst1", "sales1");
        wait.until(driver -> script("return Chart.getChart('booked-chart') != null && Chart.getChart('cure-chart') != null"));
        assertThat(script("return Chart.getChart('cure-chart').data.labels")).isEqualTo(List.of("REMINDER_1",
                "REMINDER_2", "CALL", "FORMAL_NOTICE", "COLLECTION_PROPOSAL"));
        assertThat(script("return Chart.getChart('cure-chart').data.datasets.map(d => d.label)"))
                .isEqualTo(List.of("SMB", "ENTERPRISE", "PUBLIC"));
        assertThat(script("return Chart.getChart('cure-chart').config.type")).isEqualTo("bar");
        assertThat((List<?>) script("return Chart.getChart('booked-chart').data.labels")).hasSize(12).last()
                .isEqualTo(month);
        assertThat(script("return Chart.getChart('booked-chart').data.datasets.map(d => d.label)"))
                .isEqualTo(List.of("booked", "collected"));
        assertThat(((Number) script("return Chart.getChart('booked-chart').data.datasets[0].data[11]")).doubleValue())
                .isGreaterThanOrEqualTo(7000);
        assertThat(browser.findElement(By.id("collections-managers")).getText()).contains("sales1");
        assertThat(browser.findElement(By.id("collections-message")).getText()).isEmpty();
    }

    @Test
    void aSalespersonIsToldTheCollectionNumbersAreNotForTheirRole() {
        signIn("sales1", "sales1", "sales1").until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("collections-message"), "This user may not see the collection numbers"));
    }

    private static Object script(String script) {
        return ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(script);
    }

    @Test
    void aBlockedOrderAppearsOnTheOpenDashboard() {
        Api commands = new Api(app.commandPort());
        String c = CreditAccountEndToEndTest.openAccount(commands, "SMB");
        commands.put("credit1", "/api/accounts/" + c + "/credit-limit",
                Map.of("amount", 1000, "source", "ANALYST", "reason", "start"));

        WebDriverWait wait = signIn("analyst1", "analyst1", "sales1");
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
