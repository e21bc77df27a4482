package com.creditdesk.command.statement;

import com.creditdesk.api.statement.StructuredCommunication;
import com.creditdesk.platform.embedded.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Structured communications handed out by many commands at once, on the embedded store over TCP. */
class StructuredCommunicationsTest {

    @Test
    void concurrentInvoicesEachGetTheirOwnAndAnInvoiceAgainKeepsItsFirst() throws Exception {
        try (EmbeddedMongo store = EmbeddedMongo.inMemory();
             MongoClient client = MongoClients.create(store.connectionString())) {
            StructuredCommunications communications = new StructuredCommunications(client.getDatabase("creditdesk"));
            ExecutorService threads = Executors.newFixedThreadPool(8);
            try {
                List<Callable<StructuredCommunication>> issues = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    String invoiceId = "I-" + (i % 150); // 50 invoices issued twice, at the same time
                    issues.add(() -> communications.of(invoiceId, "EUR"));
                }
                Set<String> digits = new HashSet<>();
                for (Future<StructuredCommunication> given : threads.invokeAll(issues)) {
                    digits.add(given.get().digits());
                }
                assertThat(digits).as("one per invoice, never shared").hasSize(150);
                for (int i = 0; i < 150; i++) {
                    assertThat(communications.of("I-" + i, "EUR")).isEqualTo(communications.givenTo("I-" + i).orElseThrow());
                }
            } finally {
                threads.shutdownNow();
            }
        }
    }
}
