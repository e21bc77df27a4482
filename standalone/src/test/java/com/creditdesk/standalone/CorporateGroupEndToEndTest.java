package com.creditdesk.standalone;

import com.creditdesk.standalone.support.AllAtOnce;
import com.creditdesk.standalone.support.Api;
import com.creditdesk.standalone.support.Api.Answer;
import com.creditdesk.standalone.support.RunningCreditDesk;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corporate group over HTTP: credit forms it with a limit over its members, concurrent orders on two members never
 * take the group past it, a blocked order shows the group's figures, and a member's payment gives the group room.
 */
class CorporateGroupEndToEndTest {
    private static final Api commands = RunningCreditDesk.commands();
    private static final Api queries = RunningCreditDesk.queries();

    @Test
    void concurrentOrdersOnTwoMembersNeverTakeTheGroupPastItsLimit() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String group = "G-" + suffix;
        Answer formed = commands.put("credit1", "/api/groups/" + group, Map.of("name", "Peeters Groep " + suffix,
                "limit", 10000, "currency", "EUR", "reason", "consolidated accounts read"));
        assertThat(formed.status()).as(formed.toString()).isEqualTo(200);
        String headOffice = openAccount("HQ-" + suffix, "EUR");
        String subsidiary = openAccount("SUB-" + suffix, "EUR");
        for (String member : List.of(headOffice, subsidiary)) {
            Answer joined = commands.put("credit1", "/api/groups/" + group + "/members/" + member,
                    Map.of("currency", "EUR"));
            assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
        }
        String dollars = openAccount("US-" + suffix, "USD");
        Answer otherCurrency = commands.put("credit1", "/api/groups/" + group + "/members/" + dollars,
                Map.of("currency", "EUR"));
        assertThat(otherCurrency.status()).as(otherCurrency.toString()).isEqualTo(409);
        assertThat(otherCurrency.json().get("rule").asText()).isEqualTo("GROUP_CURRENCY_DIFFERS");
        assertThat(commands.put("credit1", "/api/groups/G-none-" + suffix + "/members/" + headOffice,
                Map.of("currency", "EUR")).status()).as("an unknown group").isEqualTo(404);

        // ten orders of 1,500 at the same moment, five on each member: the group has room for six
        List<Callable<Answer>> orders = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String customer = i % 2 == 0 ? headOffice : subsidiary;
            String orderId = "O-" + suffix + "-" + i;
            orders.add(() -> commands.post("erp", "/api/accounts/" + customer + "/orders",
                    Map.of("orderId", orderId, "amount", 1500, "currency", "EUR")));
        }
        List<Answer> answers = AllAtOnce.run(orders);
        List<Answer> accepted = answers.stream().filter(a -> a.json().get("status").asText().equals("ACCEPTED"))
                .toList();
        List<Answer> blocked = answers.stream().filter(a -> a.json().get("status").asText().equals("BLOCKED"))
                .toList();
        assertThat(answers).allSatisfy(answer -> assertThat(answer.status()).as(answer.toString()).isEqualTo(201));
        assertThat(accepted).as("6 × 1,500 fit under 10,000, a seventh does not").hasSize(6);
        assertThat(blocked).hasSize(4).allSatisfy(answer -> {
            assertThat(answer.json().get("reasons").toString()).isEqualTo("[\"GROUP_LIMIT_EXCEEDED\"]");
            JsonNode groupCredit = answer.json().get("decision").get("group");
            assertThat(groupCredit.get("groupLimit").decimalValue()).isEqualByComparingTo("10000");
            assertThat(groupCredit.get("groupExposure").decimalValue()).isEqualByComparingTo("9000");
        });

        // the policy simulation judges the group's rule on the recorded inputs: with a group limit twice as high,
        // none of the four would have been blocked
        Answer simulated = queries.post("analyst1", "/api/analysis/policy-simulation",
                Map.of("policy", Map.of("groupLimitMultiplier", 2)));
        assertThat(simulated.status()).as(simulated.toString()).isEqualTo(200);
        List<String> nowAccepted = new ArrayList<>();
        simulated.json().get("differing").forEach(difference -> {
            if (difference.get("orderId").asText().startsWith("O-" + suffix + "-")
                    && difference.get("simulated").asText().equals("ACCEPTED")) {
                nowAccepted.add(difference.get("orderId").asText());
            }
        });
        assertThat(nowAccepted).containsExactlyInAnyOrderElementsOf(blocked.stream()
                .map(answer -> answer.json().get("orderId").asText()).toList());

        JsonNode view = queries.awaitView("credit1", "/api/groups/" + group,
                v -> v.get("exposure").decimalValue().compareTo(new BigDecimal("9000")) == 0);
        assertThat(view.get("availableCredit").decimalValue()).isEqualByComparingTo("1000");
        assertThat(view.get("members")).hasSize(2);
        assertThat(queries.get("sales1", "/api/groups/" + group).status()).isEqualTo(200);
        assertThat(queries.get("credit1", "/api/groups/G-none-" + suffix).status()).isEqualTo(404);

        // the head office pays an invoice: the group counts it lower, and the subsidiary's order fits again
        String invoicedOrder = accepted.stream().map(a -> a.json().get("orderId").asText())
                .filter(id -> orderOf(id) % 2 == 0).findFirst().orElseThrow();
        LocalDate today = LocalDate.now();
        assertThat(commands.post("erp", "/api/accounts/" + headOffice + "/invoices", Map.of("invoiceId",
                "I-" + suffix, "orderId", invoicedOrder, "amount", 1500, "currency", "EUR", "issueDate",
                today.toString())).status()).isEqualTo(201);
        assertThat(commands.post("erp", "/api/accounts/" + headOffice + "/payments", Map.of("paymentId",
                "P-" + suffix, "amount", 1500, "currency", "EUR", "receivedOn", today.toString(),
                "invoiceId", "I-" + suffix)).status()).isEqualTo(201);
        queries.awaitView("credit1", "/api/groups/" + group,
                v -> v.get("exposure").decimalValue().compareTo(new BigDecimal("7500")) == 0);
        Answer fits = awaitAccepted(subsidiary, "O-" + suffix + "-late", 2500);
        assertThat(fits.json().get("decision").get("group").get("groupExposure").decimalValue())
                .isEqualByComparingTo("7500");
    }

    /**
     * The payment reaches the group a moment after it is recorded: a new order is placed until one fits (the same id
     * again would only repeat its first answer).
     */
    private static Answer awaitAccepted(String customer, String orderId, int amount) {
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15))
                .until(() -> commands.post("erp", "/api/accounts/" + customer + "/orders",
                                Map.of("orderId", orderId + "-" + UUID.randomUUID().toString().substring(0, 4),
                                        "amount", amount, "currency", "EUR")),
                        answer -> answer.json().get("status").asText().equals("ACCEPTED"));
    }

    private static int orderOf(String orderId) {
        return Integer.parseInt(orderId.substring(orderId.lastIndexOf('-') + 1));
    }

    private static String openAccount(String customerId, String currency) {
        Answer opened = commands.post("erp", "/api/accounts", Map.of("customerId", customerId,
                "name", "Peeters " + customerId, "segment", "ENTERPRISE", "currency", currency,
                "accountManager", "sales1", "language", "nl"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        Answer limit = commands.put("credit1", "/api/accounts/" + customerId + "/credit-limit",
                Map.of("amount", 20000, "source", "ANALYST", "reason", "own limit above the group's"));
        assertThat(limit.status()).as(limit.toString()).isEqualTo(200);
        return customerId;
    }
}
