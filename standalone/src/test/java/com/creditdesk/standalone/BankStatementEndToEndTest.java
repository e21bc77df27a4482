package com.creditdesk.standalone;

import com.creditdesk.standalone.support.Api;
import com.creditdesk.standalone.support.Api.Answer;
import com.creditdesk.standalone.support.RunningCreditDesk;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bank statements in over HTTP: invoices get their structured communication (OGM), a CAMT.053 file pays them by OGM,
 * by invoice number and by the IBAN with an open invoice of the amount, the line no rule matched waits in finance's
 * view until credit assigns it; the same file again records nothing; malformed files are refused, nothing recorded.
 */
class BankStatementEndToEndTest {
    private static final Api commands = RunningCreditDesk.commands();
    private static final Api queries = RunningCreditDesk.queries();
    private static final String XML = "application/xml";

    @Test
    void aStatementPaysWhatItMatchesAndCreditAssignsTheRestOnce() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String customerId = "C-" + suffix;
        String otherId = "C-" + suffix + "-2";
        open(customerId, "Bakkerij Peeters " + suffix);
        open(otherId, "Janssens " + suffix);
        String inv1 = "INV-" + suffix + "-1";
        String inv2 = "F" + suffix + "-0002";
        String inv3 = "INV-" + suffix + "-3";
        issue(customerId, inv1, 1210);
        issue(customerId, inv2, 500);
        issue(customerId, inv3, 750);

        JsonNode invoice = queries.awaitView("credit1", "/api/invoices/" + inv1,
                view -> view.path("structuredCommunication").isTextual());
        String ogm = invoice.get("structuredCommunication").asText();
        assertThat(ogm).matches("\\+\\+\\+\\d{3}/\\d{4}/\\d{5}\\+\\+\\+");
        long number = Long.parseLong(ogm.replaceAll("\\D", "").substring(0, 10));
        assertThat(Integer.parseInt(ogm.replaceAll("\\D", "").substring(10)))
                .isEqualTo(number % 97 == 0 ? 97 : (int) (number % 97));
        assertThat(issue(customerId, inv1, 1210).status()).as("issued again").isEqualTo(201);
        String other = queries.awaitView("credit1", "/api/invoices/" + inv2,
                view -> view.path("structuredCommunication").isTextual()).get("structuredCommunication").asText();
        assertThat(other).isNotEqualTo(ogm);

        String statementId = "S-" + suffix;
        String file = camt("statement.xml", Map.of("STATEMENT", statementId, "OGM_1", ogm.replaceAll("\\D", ""),
                "INVOICE_2", inv2, "IBAN_PEETERS", iban(), "IBAN_HOLDING", iban(), "IBAN_UNKNOWN", iban()));
        assertThat(commands.send("sales1", "POST", "/api/bank-statements", file, XML).status()).isEqualTo(403);

        Answer imported = commands.send("erp", "POST", "/api/bank-statements", file, XML);
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json()).isEqualTo(Api.JSON.valueToTree(Map.of("statementId", statementId, "lines", 4,
                "matched", 3, "awaitingAssignment", 1, "alreadyImported", false)));

        for (String paid : new String[] {inv1, inv2, inv3}) {
            queries.awaitView("credit1", "/api/invoices/" + paid, view -> view.get("balance").decimalValue().signum() == 0);
        }
        JsonNode finance = queries.awaitView("credit1", "/api/views/finance",
                view -> view.get("unmatchedBankLines").toString().contains(statementId));
        JsonNode waiting = null;
        for (JsonNode line : finance.get("unmatchedBankLines")) {
            if (line.get("statementId").asText().equals(statementId)) {
                waiting = line;
            }
        }
        assertThat(waiting.get("lineId").asText()).isEqualTo("E4");
        assertThat(waiting.get("amount").decimalValue()).isEqualByComparingTo("99.50");
        assertThat(waiting.get("currency").asText()).isEqualTo("EUR");
        assertThat(waiting.get("bookedOn").asText()).isEqualTo("2026-03-02");
        assertThat(waiting.get("debtorName").asText()).isEqualTo("J. Janssens");
        assertThat(waiting.get("remittance").asText()).isEqualTo("voorschot");

        Answer again = commands.send("credit1", "POST", "/api/bank-statements", file, XML);
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("alreadyImported").asBoolean()).isTrue();
        assertThat(again.json().get("matched").asInt()).isEqualTo(3);

        String assignment = "/api/bank-statements/" + statementId + "/lines/E4/assignment";
        assertThat(commands.post("erp", assignment, Map.of("customerId", otherId)).status()).isEqualTo(403);
        assertThat(commands.post("credit1", assignment, Map.of("customerId", "C-none-" + suffix)).status())
                .as("an unknown account").isEqualTo(404);
        Answer assigned = commands.post("credit1", assignment, Map.of("customerId", otherId));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        assertThat(assigned.json().get("paymentId").asText()).isEqualTo("BS-" + statementId + "-E4");
        assertThat(commands.post("credit2", assignment, Map.of("customerId", otherId)).json())
                .as("assigned again").isEqualTo(assigned.json());
        assertThat(commands.post("credit1", assignment, Map.of("customerId", customerId)).status())
                .as("to another customer").isEqualTo(409);
        assertThat(commands.post("credit1", "/api/bank-statements/" + statementId + "/lines/E1/assignment",
                Map.of("customerId", otherId)).status()).as("a matched line").isEqualTo(409);

        queries.awaitView("credit1", "/api/views/finance",
                view -> !view.get("unmatchedBankLines").toString().contains(statementId));
        queries.awaitView("analyst1", "/api/accounts/" + otherId + "/timeline?types=PaymentRegistered&page=0&size=50",
                view -> view.get("total").asInt() == 1);
        assertThat(queries.get("analyst1", "/api/accounts/" + customerId
                + "/timeline?types=PaymentRegistered&page=0&size=50").json().get("total").asInt())
                .as("the same file twice: each line paid once").isEqualTo(3);
    }

    @Test
    void malformedStatementsAreRefusedAndRecordNothing() {
        String statementId = "S-bad-" + UUID.randomUUID().toString().substring(0, 8);
        for (String name : new String[] {"malformed.xml", "wrong-namespace.xml", "payment-order.xml",
                "missing-amount.xml"}) {
            Answer refused = commands.send("erp", "POST", "/api/bank-statements",
                    camt(name, Map.of("STATEMENT", statementId)), XML);
            assertThat(refused.status()).as(name + ": " + refused).isEqualTo(400);
            assertThat(refused.isProblem()).as(name).isTrue();
        }
        assertThat(commands.send("erp", "POST", "/api/bank-statements", "", XML).status()).isEqualTo(400);
        assertThat(commands.send("erp", "POST", "/api/bank-statements", "{\"statementId\":\"x\"}",
                "application/json").status()).isEqualTo(415);
        String huge = "<?xml version=\"1.0\"?><Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\">"
                + "<!--" + "x".repeat(70 * 1024) + "--></Document>";
        Answer tooLarge = commands.send("erp", "POST", "/api/bank-statements", huge, XML);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.isProblem()).isTrue();
        assertThat(commands.post("credit1", "/api/bank-statements/" + statementId + "/lines/E1/assignment",
                Map.of("customerId", "C-1")).status()).as("no statement was recorded").isEqualTo(404);
    }

    @Test
    void statementsDroppedInTheWatchedFolderAreImportedOnceAndRefusedOnesSayWhy() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String customerId = "C-" + suffix;
        open(customerId, "Drukkerij Claes " + suffix);
        String inv1 = "INV-" + suffix + "-1";
        String inv2 = "F" + suffix + "-0002";
        issue(customerId, inv1, 1210);
        issue(customerId, inv2, 500);
        String ogm = queries.awaitView("credit1", "/api/invoices/" + inv1,
                view -> view.path("structuredCommunication").isTextual()).get("structuredCommunication").asText();
        String statementId = "S-" + suffix;
        String file = camt("statement.xml", Map.of("STATEMENT", statementId, "OGM_1", ogm.replaceAll("\\D", ""),
                "INVOICE_2", inv2, "IBAN_PEETERS", iban(), "IBAN_HOLDING", iban(), "IBAN_UNKNOWN", iban()));
        Path folder = Path.of(RunningCreditDesk.shared().commandSide().getEnvironment()
                .getRequiredProperty("creditdesk.bank-statements.folder.path"));
        String badId = "S-bad-" + suffix;

        drop(folder, statementId + ".xml", file);
        drop(folder, badId + ".xml", camt("missing-amount.xml", Map.of("STATEMENT", badId)));
        Files.writeString(folder.resolve(suffix + "-still-copying.xml.part"), file.substring(0, 100));

        for (String paid : new String[] {inv1, inv2}) {
            queries.awaitView("credit1", "/api/invoices/" + paid, view -> view.get("balance").decimalValue().signum() == 0);
        }
        Path imported = folder.resolve("imported").resolve(statementId + ".xml");
        Path refused = folder.resolve("refused").resolve(badId + ".xml");
        Path problem = folder.resolve("refused").resolve(badId + ".xml.problem.json");
        awaitFile(imported);
        awaitFile(problem);
        assertThat(Files.readString(imported)).isEqualTo(file);
        assertThat(refused).exists();
        JsonNode why = Api.JSON.readTree(Files.readString(problem));
        assertThat(why.get("status").asInt()).isEqualTo(400);
        assertThat(why.get("detail").asText()).contains("amount");
        assertThat(commands.post("credit1", "/api/bank-statements/" + badId + "/lines/E1/assignment",
                Map.of("customerId", customerId)).status()).as("nothing recorded for the refused file").isEqualTo(404);
        queries.awaitView("credit1", "/api/views/finance",
                view -> view.get("unmatchedBankLines").toString().contains(statementId));

        drop(folder, statementId + ".xml", file);
        awaitFile(folder.resolve("imported").resolve(statementId + "-2.xml"));
        // older than the settle time when the copy above was taken: left alone by the name alone
        assertThat(folder.resolve(suffix + "-still-copying.xml.part")).as("a file still being copied waits").exists();
        assertThat(queries.get("analyst1", "/api/accounts/" + customerId
                + "/timeline?types=PaymentRegistered&page=0&size=50").json().get("total").asInt())
                .as("the same file twice: each matched line paid once").isEqualTo(2);
    }

    /** As the bank's SFTP client does: written under a temporary name, then renamed. */
    private static void drop(Path folder, String name, String content) throws IOException {
        Path part = Files.writeString(folder.resolve(name + ".part"), content);
        Files.move(part, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.exists(file) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(file).as("within 30 s").exists();
    }

    private static void open(String customerId, String name) {
        Answer opened = commands.post("erp", "/api/accounts", Map.of("customerId", customerId, "name", name,
                "segment", "SMB", "currency", "EUR", "accountManager", "sales1", "language", "nl"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    }

    private static Answer issue(String customerId, String invoiceId, int amount) {
        Answer issued = commands.post("erp", "/api/accounts/" + customerId + "/invoices", Map.of("invoiceId",
                invoiceId, "amount", amount, "currency", "EUR", "issueDate", "2026-02-01"));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return issued;
    }

    private static String iban() {
        return "BE" + (10 + ThreadLocalRandom.current().nextInt(89))
                + String.format("%012d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L));
    }

    static String camt(String name, Map<String, String> values) {
        try (InputStream in = BankStatementEndToEndTest.class.getResourceAsStream("/camt/" + name)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace("${" + value.getKey() + "}", value.getValue());
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
