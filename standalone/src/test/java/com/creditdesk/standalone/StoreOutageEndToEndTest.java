package com.creditdesk.standalone;

import com.creditdesk.platform.embedded.EmbeddedMongo;
import com.creditdesk.standalone.support.Api;
import com.creditdesk.standalone.support.Api.Answer;
import com.creditdesk.standalone.support.RunningCreditDesk;
import org.jobrunr.server.BackgroundJobServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static com.creditdesk.standalone.BadInputEndToEndTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The store goes away and comes back: commands get a 503 problem+json within 5 s, health says DOWN
 * on both sides, and both recover without a restart, with nothing lost that was accepted before.
 */
class StoreOutageEndToEndTest {

    @Test
    void commandsAre503WhileTheStoreIsAwayAndEverythingRecoversWhenItReturns() {
        Path dataDir = RunningCreditDesk.tempDir();
        CreditDeskStandalone app = RunningCreditDesk.start(dataDir);
        EmbeddedMongo back = null;
        try {
            Api commands = new Api(app.commandPort());
            Api queries = new Api(app.queryPort());
            String c = CreditAccountEndToEndTest.openAccount(commands, "SMB");
            URI store = URI.create(app.storeConnectionString());

            app.store().close();
            long sent = System.nanoTime();
            Answer refused = commands.post("erp", "/api/accounts/" + c + "/orders",
                    Map.of("orderId", "O-" + c + "-away", "amount", 10, "currency", "EUR"));
            double seconds = (System.nanoTime() - sent) / 1e9;
            assertProblem(refused, 503);
            assertThat(seconds).as("seconds until the 503").isLessThan(5.0);
            assertThat(commands.get(null, "/actuator/health").status()).isEqualTo(503);
            assertThat(queries.get(null, "/actuator/health").status()).isEqualTo(503);

            back = EmbeddedMongo.start(store.getHost(), store.getPort(), dataDir);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> commands.get(null, "/actuator/health").status() == 200
                            && queries.get(null, "/actuator/health").status() == 200);
            Answer accepted = commands.post("erp", "/api/accounts/" + c + "/orders",
                    Map.of("orderId", "O-" + c + "-back", "amount", 10, "currency", "EUR"));
            assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> queries.get("sales1", "/api/orders/O-" + c + "-back").status() == 200);
            assertThat(queries.get("sales1", "/api/accounts/" + c).json().get("customerId").asText())
                    .as("the account opened before the outage is still there").isEqualTo(c);
            BackgroundJobServer timers = app.commandSide().getBean(BackgroundJobServer.class);
            await().atMost(Duration.ofSeconds(40)).until(timers::isRunning);
        } finally {
            app.close(); // while the store is back, so both sides leave cleanly
            if (back != null) {
                back.close();
            }
        }
    }
}
