package com.creditdesk.standalone;

import com.creditdesk.standalone.CreditDeskStandalone.Settings;
import com.creditdesk.standalone.demo.DemoPortfolio;
import com.creditdesk.standalone.demo.DemoPortfolio.Summary;
import com.creditdesk.standalone.support.Api;
import com.creditdesk.standalone.support.RunningCreditDesk;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo portfolio, smaller than the one {@code --demo} generates: a year of history on a fresh store fills
 * every dashboard, the clock ends at the present, and a second start on the same data generates nothing.
 */
class DemoPortfolioEndToEndTest {
    private static final int CUSTOMERS = 30;

    @Test
    void aYearOfHistoryFillsTheDashboardsAndASecondStartAddsNothing() {
        Path dataDir = RunningCreditDesk.tempDir();
        DemoPortfolio portfolio = new DemoPortfolio(CUSTOMERS);
        long events;
        try (CreditDeskStandalone app = CreditDeskStandalone.start(settings(dataDir), portfolio.historyStart())) {
            Summary summary = portfolio.generateIfEmpty(app);
            System.out.printf("demo portfolio of %d customers: %d commands, %d events in %d s (%s)%n",
                    summary.customers(), summary.commands(), summary.events(), summary.took().toSeconds(),
                    summary.details());
            assertThat(summary.customers()).isEqualTo(CUSTOMERS);
            assertThat(summary.refused()).as("every command the generator sent was accepted").isZero();
            events = summary.events();
            assertThat(events).isEqualTo(DemoPortfolio.eventsRecorded(app));

            Api commands = new Api(app.commandPort());
            Instant now = Instant.parse(commands.get("admin", "/api/admin/clock").json().get("now").asText());
            assertThat(Duration.between(now, Instant.now()).abs()).as("the clock is back at the present")
                    .isLessThan(Duration.ofMinutes(1));

            Api queries = new Api(app.queryPort());
            JsonNode finance = queries.get("credit1", "/api/views/finance").json();
            JsonNode ageing = finance.get("ageing");
            long bucketsWithAmounts = List.of("notDue", "d1to30", "d31to60", "d61to90", "over90").stream()
                    .filter(bucket -> ageing.get(bucket).decimalValue().signum() > 0).count();
            assertThat(bucketsWithAmounts).as(ageing.toString()).isGreaterThan(1);
            assertThat(finance.get("overdueTotal").decimalValue()).isPositive();
            assertThat(finance.get("dso").isNumber()).as("DSO " + finance.get("dso")).isTrue();
            for (String list : List.of("disputes", "promises", "handovers")) {
                assertThat(finance.get(list)).as(list).isNotEmpty();
            }
            assertThat(finance.get("handovers").findValuesAsText("status")).contains("HANDED_OVER");

            JsonNode sales = queries.get("sales1", "/api/views/sales?accountManager=sales1").json();
            assertThat(sales.get("customers")).isNotEmpty();

            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            JsonNode kpis = queries.get("analyst1", "/api/kpis?from=" + today.minusYears(1) + "&to=" + today).json();
            for (String figure : List.of("dso", "cei", "blockedOrderShare", "medianReleaseDecisionHours")) {
                assertThat(kpis.get(figure).isNumber()).as(figure + " in " + kpis).isTrue();
            }
            assertThat(kpis.get("signals")).isNotEmpty();
        }

        try (CreditDeskStandalone again = CreditDeskStandalone.start(settings(dataDir), portfolio.historyStart())) {
            assertThat(portfolio.generateIfEmpty(again)).as("nothing generated on a store with history").isNull();
            assertThat(DemoPortfolio.eventsRecorded(again)).isEqualTo(events);
            assertThat(Duration.between(again.clock().instant(), Instant.now()).abs())
                    .as("the clock is not set back on a store with history").isLessThan(Duration.ofMinutes(1));
        }
    }

    private static Settings settings(Path dataDir) {
        return new Settings(dataDir, "127.0.0.1", 0, 0, 0, Map.of());
    }
}
