package com.creditdesk.standalone;

import com.creditdesk.standalone.support.Api;
import com.creditdesk.standalone.support.Api.Answer;
import com.creditdesk.standalone.support.RunningCreditDesk;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A prospect's credit application over HTTP: sales files it, credit sees it waiting, screens it, and two credit
 * controllers approve a limit above the approval authority; the account is opened with that limit and the
 * salesperson sees the outcome.
 */
class CreditApplicationEndToEndTest {
    private static final Api commands = RunningCreditDesk.commands();
    private static final Api queries = RunningCreditDesk.queries();

    @Test
    void anApplicationAboveTheApprovalAuthorityIsApprovedByTwoAndOpensTheAccountWithItsLimit() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String applicationId = "A-" + suffix;
        String customerId = "C-" + suffix;
        Answer filed = commands.post("sales1", "/api/applications", Map.of("applicationId", applicationId,
                "customerId", customerId, "prospectName", "Bouwbedrijf " + suffix, "segment", "SMB",
                "currency", "EUR", "language", "nl", "requestedLimit", 80000, "expectedMonthlyVolume", 25000,
                "requestedTermDays", 45, "visit", Map.of("premises", "GOOD", "activity", "GOOD", "staff", "FAIR",
                        "paymentReputation", "GOOD", "note", "busy yard, new trucks")));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        assertThat(filed.json().get("status").asText()).isEqualTo("FILED");
        assertThat(commands.post("sales1", "/api/applications", Map.of("applicationId", applicationId)).status())
                .as("a body without its fields").isEqualTo(400);

        queries.awaitView("credit1", "/api/views/finance",
                view -> view.get("applications").toString().contains(applicationId));

        Answer screened = commands.post("credit1", "/api/applications/" + applicationId + "/screening", Map.of(
                "identityChecked", true, "vatNumberChecked", true, "annualAccountsRead", true,
                "insurerCoverAsked", true, "externalRating", "A2", "externalScore", 80, "equityRatio", 0.30,
                "yearsInBusiness", 6));
        assertThat(screened.status()).as(screened.toString()).isEqualTo(200);
        assertThat(screened.json().get("score").asInt()).isEqualTo(74);
        assertThat(screened.json().get("riskClass").asText()).isEqualTo("LOW");

        String decision = "/api/applications/" + applicationId + "/decision";
        Answer first = commands.post("credit1", decision, Map.of("decision", "APPROVE", "limit", 60000,
                "note", "solid figures"));
        assertThat(first.json().get("status").asText()).as(first.toString()).isEqualTo("AWAITING_SECOND_APPROVAL");
        assertThat(commands.post("credit1", decision, Map.of("decision", "APPROVE", "limit", 70000, "note", "more"))
                .status()).as("the first approver again, other terms").isEqualTo(403);
        assertThat(commands.post("sales1", decision, Map.of("decision", "APPROVE", "limit", 60000, "note", "mine"))
                .status()).as("sales does not decide").isEqualTo(403);
        Answer second = commands.post("credit2", decision, Map.of("decision", "APPROVE", "limit", 60000,
                "note", "agreed"));
        assertThat(second.json().get("status").asText()).as(second.toString()).isEqualTo("APPROVED");

        JsonNode account = queries.awaitView("sales1", "/api/accounts/" + customerId,
                view -> view.get("effectiveLimit").decimalValue().compareTo(new BigDecimal("60000")) == 0);
        assertThat(account.get("accountManager").asText()).isEqualTo("sales1");
        assertThat(account.get("name").asText()).isEqualTo("Bouwbedrijf " + suffix);
        JsonNode classified = queries.awaitView("credit1", "/api/accounts/" + customerId,
                view -> "LOW".equals(view.path("riskClass").asText()));
        assertThat(classified.get("nextReviewOn").isTextual()).as("a yearly review planned").isTrue();

        JsonNode sales = queries.awaitView("sales1", "/api/views/sales?accountManager=sales1",
                view -> view.get("applications").toString().contains("\"status\":\"APPROVED\""));
        for (JsonNode item : sales.get("applications")) {
            if (item.get("applicationId").asText().equals(applicationId)) {
                assertThat(item.get("approvedLimit").decimalValue()).isEqualByComparingTo("60000");
                assertThat(item.get("score").asInt()).isEqualTo(74);
            }
        }
        JsonNode application = queries.awaitView("analyst1", "/api/applications/" + applicationId,
                view -> view.get("status").asText().equals("APPROVED"));
        assertThat(application.at("/decision/decidedBy").toString()).isEqualTo("[\"credit1\",\"credit2\"]");
        assertThat(application.at("/visit/note").asText()).isEqualTo("busy yard, new trucks");
        queries.awaitView("credit1", "/api/views/finance",
                view -> !view.get("applications").toString().contains(applicationId));
        assertThat(queries.get("credit1", "/api/applications/A-none").status()).isEqualTo(404);
    }
}
