package com.creditdesk.standalone;

import com.creditdesk.standalone.support.Api;
import com.creditdesk.standalone.support.RunningCreditDesk;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Amounts in different currencies are never added as they are: finance's figures and the KPIs come per
 * currency as invoiced, and over all currencies only converted at the configured rates, which the
 * answer states (standalone: 1 GBP = 1.1650 EUR, rates of 2026-11-30); with a currency that has no
 * rate the converted figures are absent and the answer names it. Runs on an instance of its own, so
 * the finance view holds only what this test records.
 */
class CurrenciesEndToEndTest {
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static CreditDeskStandalone app;
    private static Api commands;
    private static Api queries;

    @BeforeAll
    static void start() {
        app = RunningCreditDesk.start(RunningCreditDesk.tempDir());
        commands = new Api(app.commandPort());
        queries = new Api(app.queryPort());
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static void account(String customerId, String currency) {
        assertThat(commands.post("erp", "/api/accounts", Map.of("customerId", customerId, "name", "Klant " + customerId,
                "segment", "SMB", "currency", currency, "accountManager", "sales1", "language", "nl")).status())
                .isEqualTo(201);
    }

    private static void invoice(String customerId, String invoiceId, String amount, String currency, int daysLate) {
        assertThat(commands.post("erp", "/api/accounts/" + customerId + "/invoices", Map.of("invoiceId", invoiceId,
                "amount", new BigDecimal(amount), "currency", currency,
                "issueDate", TODAY.minusDays(daysLate + 30L).toString(),
                "dueDate", TODAY.minusDays(daysLate).toString())).status()).isEqualTo(201);
    }

    private static JsonNode financeWhen(java.util.function.Predicate<JsonNode> ready) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> queries.get("credit1", "/api/views/finance").json(), ready);
    }

    private static BigDecimal decimal(JsonNode node) {
        return node.decimalValue();
    }

    @Test
    void figuresComePerCurrencyAndOverAllOnlyAtTheStatedRates() {
        account("CUR-EUR", "EUR");
        account("CUR-GBP", "GBP");
        invoice("CUR-EUR", "CUR-I-EUR", "1000.00", "EUR", 10);
        invoice("CUR-GBP", "CUR-I-GBP", "400000.00", "GBP", 40);

        JsonNode finance = financeWhen(view -> view.get("perCurrency").size() == 2);
        JsonNode eur = finance.get("perCurrency").get(0);
        JsonNode gbp = finance.get("perCurrency").get(1);
        assertThat(eur.get("currency").asText()).isEqualTo("EUR");
        assertThat(decimal(eur.get("overdueTotal"))).isEqualByComparingTo("1000.00");
        assertThat(decimal(eur.get("ageing").get("d1to30"))).isEqualByComparingTo("1000.00");
        assertThat(gbp.get("currency").asText()).isEqualTo("GBP");
        assertThat(decimal(gbp.get("overdueTotal"))).isEqualByComparingTo("400000.00");
        assertThat(decimal(gbp.get("ageing").get("d31to60"))).isEqualByComparingTo("400000.00");

        JsonNode reporting = finance.get("reporting");
        assertThat(reporting.get("currency").asText()).isEqualTo("EUR");
        assertThat(decimal(reporting.get("rates").get("GBP"))).isEqualByComparingTo("1.1650");
        assertThat(reporting.get("rates").size()).as("only the rates used").isEqualTo(1);
        assertThat(reporting.get("ratesAsOf").asText()).isEqualTo("2026-11-30");
        assertThat(reporting.get("missingRates")).isEmpty();
        // 1 000.00 EUR + 400 000.00 GBP × 1.1650 = 467 000.00 EUR, never 401 000
        assertThat(decimal(finance.get("overdueTotal"))).isEqualByComparingTo("467000.00");
        assertThat(decimal(finance.get("ageing").get("d1to30"))).isEqualByComparingTo("1000.00");
        assertThat(decimal(finance.get("ageing").get("d31to60"))).isEqualByComparingTo("466000.00");

        JsonNode kpis = queries.get("analyst1", "/api/kpis").json();
        assertThat(kpis.get("perCurrency").findValuesAsText("currency")).containsExactly("EUR", "GBP");
        assertThat(kpis.get("reporting").get("rates").get("GBP").decimalValue()).isEqualByComparingTo("1.1650");
        assertThat(kpis.get("dso").isNumber()).as(kpis.toString()).isTrue();

        // a blocked order keeps its currency on both worklists
        assertThat(commands.post("erp", "/api/accounts/CUR-GBP/orders", Map.of("orderId", "CUR-O-GBP", "amount", 50,
                "currency", "GBP")).json().get("status").asText()).isEqualTo("BLOCKED");
        JsonNode sales = await().atMost(Duration.ofSeconds(30)).until(
                () -> queries.get("sales1", "/api/views/sales?accountManager=sales1").json(),
                view -> view.get("blockedOrders").size() == 1);
        assertThat(sales.get("blockedOrders").get(0).get("currency").asText()).isEqualTo("GBP");

        // a currency without a rate: never added in, and said so
        account("CUR-SEK", "SEK");
        invoice("CUR-SEK", "CUR-I-SEK", "5000.00", "SEK", 5);
        JsonNode withSek = financeWhen(view -> view.get("perCurrency").size() == 3);
        assertThat(withSek.get("reporting").get("missingRates").get(0).asText()).isEqualTo("SEK");
        assertThat(withSek.get("overdueTotal").isNull()).isTrue();
        assertThat(withSek.get("ageing").isNull()).isTrue();
        assertThat(decimal(withSek.get("perCurrency").get(2).get("overdueTotal"))).isEqualByComparingTo("5000.00");
        JsonNode kpisWithSek = queries.get("analyst1", "/api/kpis").json();
        assertThat(kpisWithSek.get("dso").isNull()).isTrue();
        assertThat(kpisWithSek.get("reporting").get("missingRates").get(0).asText()).isEqualTo("SEK");
    }
}
