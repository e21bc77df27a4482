package com.creditdesk.standalone;

import com.creditdesk.command.dunning.DunningTimers;
import com.creditdesk.standalone.CreditDeskStandalone.Settings;
import com.creditdesk.standalone.support.Api;
import com.creditdesk.standalone.support.Api.Answer;
import com.creditdesk.standalone.support.RunningCreditDesk;
import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The agreed dunning flow over HTTP, on its own Credit Desk (the clock moves weeks ahead here) with
 * a real SMTP server: the SMB schedule from the first reminder to the hand-over, the reminder e-mail
 * in each language, and a restart in the middle of the schedule; the periodic reviews its timers open, and the
 * KPIs of the credit-risk lifecycle, whose hours and days need the clock moved.
 */
class DunningEndToEndTest {
    private static GreenMail smtp;
    private static CreditDeskStandalone app;
    private static Api commands;
    private static Api queries;

    @BeforeAll
    static void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        app = CreditDeskStandalone.start(new Settings(RunningCreditDesk.tempDir(), "127.0.0.1", 0, 0, 0,
                Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", smtp.getSmtp().getPort())));
        commands = new Api(app.commandPort());
        queries = new Api(app.queryPort());
    }

    @AfterAll
    static void stop() {
        app.close();
        smtp.stop();
    }

    @Test
    void theSmbScheduleFromTheFirstReminderToTheHandOver() throws Exception {
        String c = openAccount(commands, "nl", "boekhouding@" + "peeters.example");
        LocalDate due = today(commands).plusDays(10);
        String invoiceId = issueInvoice(commands, c, due);
        String invoicePath = "/api/accounts/" + c + "/invoices/" + invoiceId;

        // a new customer: the account manager calls three days before the due date (SMB)
        moveClockTo(due.minusDays(3));
        JsonNode courtesy = awaitTask("sales1", "/api/views/sales?accountManager=sales1", invoiceId, "COURTESY_CALL");
        assertThat(courtesy.get("since").asText()).isEqualTo(due.minusDays(3).toString());
        assertThat(courtesy.get("daysPastDue").asInt()).isZero();
        Answer called = commands.post("sales1", invoicePath + "/courtesy-call",
                Map.of("note", "reminded of the 30 days; pays on time"));
        assertThat(called.status()).as(called.toString()).isEqualTo(201);
        assertThat(commands.post("sales1", invoicePath + "/courtesy-call", Map.of("note", "again")).status())
                .as("recorded once, the same answer again").isEqualTo(201);
        await().atMost(Duration.ofSeconds(15)).until(() -> findTask(
                queries.get("sales1", "/api/views/sales?accountManager=sales1").json(), invoiceId) == null);
        JsonNode made = queries.get("credit1", "/api/invoices/" + invoiceId).json().get("courtesyCall");
        assertThat(made.get("status").asText()).isEqualTo("MADE");
        assertThat(made.get("note").asText()).isEqualTo("reminded of the 30 days; pays on time");
        assertThat(made.get("reasons").get(0).asText()).isEqualTo("NEW_CUSTOMER");
        String other = openAccount(commands, "nl", null);
        String alreadyDue = issueInvoice(commands, other, today(commands)); // falls due today: no call planned
        Answer none = commands.post("sales1", "/api/accounts/" + other + "/invoices/" + alreadyDue + "/courtesy-call",
                Map.of("note", "called"));
        assertThat(none.status()).as(none.toString()).isEqualTo(409);
        assertThat(none.json().get("rule").asText()).isEqualTo("NO_COURTESY_CALL");

        moveClockTo(due.plusDays(3));
        assertThat(awaitInvoice(invoiceId, v -> v.get("dunningStep").asText().equals("REMINDER_1"))
                .get("daysPastDue").asInt()).isEqualTo(3);
        MimeMessage first = awaitMail("boekhouding@peeters.example", invoiceId);
        assertThat(first.getSubject()).isEqualTo("Vriendelijke herinnering: factuur " + invoiceId);
        String reference = queries.get("credit1", "/api/invoices/" + invoiceId).json().get("structuredCommunication")
                .asText();
        assertThat(reference).matches("\\+\\+\\+\\d{3}/\\d{4}/\\d{5}\\+\\+\\+");
        assertThat(first.getContent().toString()).as("the reminder names the payment reference").contains(reference);

        moveClockTo(due.plusDays(10));
        awaitInvoice(invoiceId, v -> v.get("dunningStep").asText().equals("REMINDER_2"));

        moveClockTo(due.plusDays(15));
        awaitInvoice(invoiceId, v -> v.get("dunningStep").asText().equals("CALL"));
        JsonNode call = awaitTask("sales1", "/api/views/sales?accountManager=sales1", invoiceId, "CALL");
        assertThat(call.get("customerId").asText()).isEqualTo(c);
        assertThat(call.get("daysPastDue").asInt()).isEqualTo(15);
        assertThat(findTask(queries.get("credit1", "/api/views/finance").json(), invoiceId)).as("not credit's task")
                .isNull();

        Answer promised = commands.post("sales1", invoicePath + "/payment-promises",
                Map.of("promisedOn", due.plusDays(17).toString(), "amount", 1000));
        assertThat(promised.status()).as(promised.toString()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(15)).until(() -> findTask(
                queries.get("sales1", "/api/views/sales?accountManager=sales1").json(), invoiceId) == null);

        moveClockTo(due.plusDays(19));
        assertThat(awaitInvoice(invoiceId, v -> v.get("promise").get("status").asText().equals("OPEN"))
                .get("dunningStep").asText()).as("paused until the promised day + 2").isEqualTo("CALL");

        moveClockTo(due.plusDays(20));
        JsonNode broken = awaitInvoice(invoiceId, v -> v.get("dunningStep").asText().equals("FORMAL_NOTICE"));
        assertThat(broken.get("promise").get("status").asText()).isEqualTo("BROKEN");
        awaitTask("credit1", "/api/views/finance", invoiceId, "FORMAL_NOTICE");
        MimeMessage notice = awaitMail("boekhouding@peeters.example", "Ingebrekestelling");
        assertThat(notice.getSubject()).isEqualTo("Ingebrekestelling: factuur " + invoiceId);
        // the formal notice on paper: attached to the e-mail, and the same letter to download
        String noticeText = pdfText(attachment(notice, invoiceId + "-FORMAL_NOTICE.pdf"));
        assertThat(noticeText).contains("Ingebrekestelling: factuur " + invoiceId, "Klant " + c, invoiceId,
                due.toString(), "EUR 1000.00", "Credit Desk", reference);
        assertThat(noticeText.replaceAll("\\s+", " ")).contains("wet van 2 augustus 2002");
        HttpResponse<byte[]> download = queries.download("credit1",
                "/api/accounts/" + c + "/letters/" + invoiceId + "-FORMAL_NOTICE.pdf");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        assertThat(pdfText(download.body())).isEqualTo(noticeText);
        assertThat(queries.download("credit1", "/api/accounts/" + c + "/letters/" + invoiceId + "-HANDOVER.pdf")
                .statusCode()).as("not handed over yet").isEqualTo(404);

        moveClockTo(due.plusDays(45));
        awaitInvoice(invoiceId, v -> v.get("dunningStep").asText().equals("COLLECTION_PROPOSAL"));
        awaitTask("credit1", "/api/views/finance", invoiceId, "COLLECTION_PROPOSAL");

        String approvals = invoicePath + "/collection-handover/approvals";
        Map<String, String> agency = Map.of("agency", "Incasso Noord", "note", "no answer to the notice");
        assertThat(commands.post("credit1", approvals, agency).json().get("status").asText())
                .isEqualTo("AWAITING_SECOND_APPROVAL");
        assertThat(commands.post("credit1", approvals, agency).status()).as("the same person twice").isEqualTo(403);
        assertThat(commands.post("sales1", approvals, agency).json().get("status").asText()).isEqualTo("HANDED_OVER");
        await().atMost(Duration.ofSeconds(15)).until(() ->
                queries.get("sales1", "/api/accounts/" + c).json().get("onHold").asBoolean());
        await().atMost(Duration.ofSeconds(15)).until(() -> findTask(
                queries.get("credit1", "/api/views/finance").json(), invoiceId) == null);

        HttpResponse<byte[]> handoverLetter = queries.download("sales1",
                "/api/accounts/" + c + "/letters/" + invoiceId + "-HANDOVER.pdf");
        assertThat(handoverLetter.statusCode()).isEqualTo(200);
        assertThat(pdfText(handoverLetter.body()).replaceAll("\\s+", " "))
                .contains("Overdracht ter invordering: factuur " + invoiceId, "overgedragen aan Incasso Noord");
        // the debtor is told by e-mail too, with the same letter, naming the balance handed over
        MimeMessage handover = awaitMail("boekhouding@peeters.example", "Overdracht ter invordering");
        assertThat(text(handover)).contains("overgedragen aan Incasso Noord", reference);
        assertThat(pdfText(attachment(handover, invoiceId + "-HANDOVER.pdf"))).isEqualTo(pdfText(handoverLetter.body()));

        moveClockTo(due.plusDays(90));
        assertThat(stepsReached(app, c)).as("each step once, in order; none after the hand-over").containsExactly(
                "REMINDER_1", "REMINDER_2", "CALL", "FORMAL_NOTICE", "COLLECTION_PROPOSAL");
        JsonNode timeline = queries.get("analyst1", "/api/accounts/" + c + "/timeline?types=DunningStepReached").json();
        assertThat(timeline.get("entries").get(0).get("summary").asText())
                .contains("REMINDER_1", "Vriendelijke herinnering: factuur " + invoiceId, "boekhouding@peeters.example");
    }

    @Test
    void theReminderGoesOutInTheCustomersLanguage() throws Exception {
        LocalDate due = today(commands).plusDays(5);
        Map<String, List<String>> expected = Map.of(
                "nl", List.of("Vriendelijke herinnering: factuur ", "Beste Bakkerij"),
                "fr", List.of("Rappel amical : facture ", "Bonjour Bakkerij"),
                "en", List.of("Friendly reminder: invoice ", "Dear Bakkerij"));
        Map<String, String> invoices = new java.util.HashMap<>();
        for (String language : expected.keySet()) {
            String c = openAccount(commands, language, language + "-" + UUID.randomUUID() + "@klant.example");
            invoices.put(language, issueInvoice(commands, c, due));
        }
        moveClockTo(due.plusDays(3));
        for (Map.Entry<String, List<String>> language : expected.entrySet()) {
            String invoiceId = invoices.get(language.getKey());
            MimeMessage mail = awaitMail(language.getKey() + "-", invoiceId);
            assertThat(mail.getSubject()).isEqualTo(language.getValue().get(0) + invoiceId);
            assertThat(GreenMailUtil.getBody(mail)).as(language.getKey()).contains(language.getValue().get(1));
            assertThat(mail.getRecipients(RecipientType.TO)[0].toString()).startsWith(language.getKey() + "-");
        }
    }

    @Test
    void aRestartInTheMiddleOfTheScheduleLosesNoStepAndFiresNoneTwice() throws Exception {
        Path dataDir = RunningCreditDesk.tempDir();
        String c;
        String invoiceId;
        LocalDate due;
        Instant reminder2Due;
        Duration clockLead;
        try (CreditDeskStandalone first = RunningCreditDesk.start(dataDir)) {
            Api firstCommands = new Api(first.commandPort());
            c = openAccount(firstCommands, "en", null);
            due = today(firstCommands).plusDays(10);
            invoiceId = issueInvoice(firstCommands, c, due);
            moveClock(firstCommands, due.plusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant());
            assertThat(stepsReached(first, c)).containsExactly("REMINDER_1");
            // a few seconds before REMINDER_2's day begins, then down: the step falls due while it is down
            reminder2Due = due.plusDays(10).atStartOfDay(ZoneOffset.UTC).toInstant();
            moveClock(firstCommands, reminder2Due.minusSeconds(3));
            assertThat(stepsReached(first, c)).containsExactly("REMINDER_1");
            clockLead = Duration.between(Instant.now(), first.clock().instant()); // kept in the store
        }
        // down until REMINDER_2's moment has passed on Credit Desk's clock (the wall clock plus the lead it keeps)
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .until(() -> Instant.now().plus(clockLead).isAfter(reminder2Due));
        try (CreditDeskStandalone second = RunningCreditDesk.start(dataDir)) {
            assertThat(second.clock().instant()).as("the step fell due while it was down").isAfter(reminder2Due);
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200))
                    .until(() -> stepsReached(second, c).size() == 2);
            // every timer due has run and every step recorded is planned: nothing more can fire
            DunningTimers timers = second.commandSide().getBean(DunningTimers.class);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(timers::atRest);
            assertThat(stepsReached(second, c)).containsExactly("REMINDER_1", "REMINDER_2");
            Api secondQueries = new Api(second.queryPort());
            await().atMost(Duration.ofSeconds(15)).until(() -> "REMINDER_2".equals(
                    secondQueries.get("credit1", "/api/invoices/" + invoiceId).json().get("dunningStep").asText()));
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------

    static String openAccount(Api api, String language, String email) {
        String customerId = "C-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new java.util.HashMap<>(Map.of("customerId", customerId,
                "name", "Bakkerij " + customerId, "segment", "SMB", "currency", "EUR",
                "accountManager", "sales1", "language", language));
        if (email != null) {
            body.put("email", email);
        }
        Answer opened = api.post("erp", "/api/accounts", body);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        return customerId;
    }

    /** The review timer is dunning's: a HIGH risk account is reviewed a month after its class was set. */
    @Test
    void aHighRiskAccountGetsItsMonthlyReviewOnTheDayAndItsConclusionPlansTheNext() {
        String c = openAccount(commands, "nl", null);
        LocalDate today = today(commands);
        Answer set = commands.put("credit1", "/api/accounts/" + c + "/risk-class",
                Map.of("riskClass", "HIGH", "reason", "two late payments this quarter"));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        JsonNode account = queries.awaitView("credit1", "/api/accounts/" + c,
                view -> "HIGH".equals(view.path("riskClass").asText()));
        assertThat(account.get("nextReviewOn").asText()).isEqualTo(today.plusMonths(1).toString());
        assertThat(account.get("openReview").asBoolean()).isFalse();

        moveClockTo(today.plusMonths(1).plusDays(1));
        queries.awaitView("credit1", "/api/accounts/" + c, view -> view.get("openReview").asBoolean());
        JsonNode finance = queries.awaitView("credit1", "/api/views/finance",
                view -> view.get("reviews").toString().contains(c + "-R1"));
        assertThat(finance.get("reviews").toString()).contains("periodic review of risk class HIGH");

        Answer concluded = commands.post("credit1", "/api/accounts/" + c + "/reviews/current/conclusion",
                Map.of("outcome", "NO_CHANGE", "note", "visited: stock and staff as before"));
        assertThat(concluded.status()).as(concluded.toString()).isEqualTo(200);
        queries.awaitView("credit1", "/api/accounts/" + c, view -> !view.get("openReview").asBoolean()
                && view.get("nextReviewOn").asText().equals(today.plusMonths(2).plusDays(1).toString()));
    }

    /**
     * Applications count in the KPIs when their decision became final, with the hours from their filing; periodic
     * reviews by the day they fell due, on time when concluded at the latest 7 days after it.
     */
    @Test
    void theKpisCountApplicationsByTheirFinalDecisionAndReviewsConcludedWithinAWeekOfTheirDay() {
        Instant start = now(commands);
        String twoApprovals = fileScreenedApplication();
        String declined = fileScreenedApplication();
        String withSecurity = fileScreenedApplication();
        assertThat(decide(twoApprovals, "credit1", Map.of("decision", "APPROVE", "limit", 60000, "note", "solid")))
                .isEqualTo("AWAITING_SECOND_APPROVAL");
        moveClock(commands, start.plus(Duration.ofHours(10)));
        assertThat(decide(declined, "credit1", Map.of("decision", "DECLINE", "note", "no accounts filed")))
                .isEqualTo("DECLINED");
        moveClock(commands, start.plus(Duration.ofHours(30)));
        assertThat(decide(twoApprovals, "credit2", Map.of("decision", "APPROVE", "limit", 60000, "note", "agreed")))
                .isEqualTo("APPROVED");
        moveClock(commands, start.plus(Duration.ofHours(48)));
        assertThat(decide(withSecurity, "credit1", Map.of("decision", "APPROVE_WITH_SECURITY", "limit", 20000,
                "securityRequired", "BANK_GUARANTEE", "note", "against a guarantee"))).isEqualTo("APPROVED");

        JsonNode firstDay = awaitKpis(start, start.plus(Duration.ofHours(20)),
                kpis -> kpis.at("/applications/declined").asInt() == 1).get("applications");
        assertThat(firstDay.get("decided").asInt()).as("the first approval decided nothing").isEqualTo(1);
        assertThat(firstDay.get("medianDecisionHours").decimalValue()).isEqualByComparingTo("10.0");
        JsonNode applications = awaitKpis(start, start.plus(Duration.ofHours(49)),
                kpis -> kpis.at("/applications/decided").asInt() == 3).get("applications");
        assertThat(applications.get("approved").asInt()).isEqualTo(1);
        assertThat(applications.get("approvedWithSecurity").asInt()).isEqualTo(1);
        assertThat(applications.get("declined").asInt()).isEqualTo(1);
        assertThat(applications.get("medianDecisionHours").decimalValue()).as("of 10, 30 and 48 hours")
                .isEqualByComparingTo("30.0");

        // a week on, past every review the other tests planned: three HIGH accounts, reviewed a month later
        moveClockTo(today(commands).plusDays(7));
        LocalDate due = today(commands).plusMonths(1);
        List<String> accounts = List.of(openAccount(commands, "en", null), openAccount(commands, "en", null),
                openAccount(commands, "en", null));
        for (String c : accounts) {
            assertThat(commands.put("credit1", "/api/accounts/" + c + "/risk-class",
                    Map.of("riskClass", "HIGH", "reason", "thin equity")).status()).isEqualTo(200);
        }
        moveClockTo(due);
        for (String c : accounts) {
            queries.awaitView("credit1", "/api/accounts/" + c, view -> view.get("openReview").asBoolean());
        }
        JsonNode opened = awaitKpis(due, due.plusDays(1), kpis -> kpis.at("/periodicReviews/due").asInt() == 3)
                .get("periodicReviews");
        assertThat(opened.get("onTime").asInt()).isZero();
        conclude(accounts.get(0));
        moveClockTo(due.plusDays(7));
        conclude(accounts.get(1));
        moveClockTo(due.plusDays(8));
        conclude(accounts.get(2));
        JsonNode reviews = awaitKpis(due, due.plusDays(1), kpis -> kpis.at("/periodicReviews/onTime").asInt() == 2)
                .get("periodicReviews");
        assertThat(reviews.get("due").asInt()).isEqualTo(3);
        assertThat(reviews.get("onTimeShare").decimalValue()).as("on the day and on the 7th day after it; not the 8th")
                .isEqualByComparingTo("0.667");
        assertThat(reviews.get("graceDays").asInt()).isEqualTo(7);
    }

    /** A credit application filed by sales1 and screened complete (score 74, LOW); its id. */
    /** The collection numbers of sales2's ENTERPRISE customer: REMINDER_1 on both invoices, one paid 3 days after. */
    @Test
    void theCollectionNumbersCountTheInvoicesPaidAfterADunningStepAndTheManagersBookedAgainstCollected() {
        String c = "C-" + UUID.randomUUID().toString().substring(0, 8);
        Answer opened = commands.post("erp", "/api/accounts", Map.of("customerId", c, "name", "Bouw " + c,
                "segment", "ENTERPRISE", "currency", "EUR", "accountManager", "sales2", "language", "nl"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        assertThat(commands.put("credit1", "/api/accounts/" + c + "/credit-limit", Map.of("amount", 10000,
                "source", "ANALYST", "reason", "first year")).status()).isEqualTo(200);
        Answer order = commands.post("erp", "/api/accounts/" + c + "/orders", Map.of("orderId",
                "O-" + UUID.randomUUID().toString().substring(0, 8), "amount", 2500, "currency", "EUR"));
        assertThat(order.json().get("status").asText()).as(order.toString()).isEqualTo("ACCEPTED");
        LocalDate due = today(commands).plusDays(1);
        String paid = issueInvoice(commands, c, due);
        String open = issueInvoice(commands, c, due);

        moveClockTo(due.plusDays(7)); // ENTERPRISE: REMINDER_1 seven days after the due date
        awaitInvoice(paid, v -> v.get("dunningStep").asText().equals("REMINDER_1"));
        awaitInvoice(open, v -> v.get("dunningStep").asText().equals("REMINDER_1"));
        moveClockTo(due.plusDays(10));
        Answer payment = commands.post("erp", "/api/accounts/" + c + "/payments", Map.of("paymentId",
                "P-" + UUID.randomUUID().toString().substring(0, 8), "amount", 1000, "currency", "EUR",
                "receivedOn", due.plusDays(10).toString(), "invoiceId", paid));
        assertThat(payment.status()).as(payment.toString()).isEqualTo(201);

        JsonNode numbers = queries.awaitView("analyst1", "/api/kpis/collections?asOf=" + due.plusDays(10),
                view -> cure(view, "REMINDER_1", "ENTERPRISE").get("paidWithin7").asInt() == 1);
        assertThat(numbers.get("months")).hasSize(12);
        assertThat(numbers.get("months").get(11).asText()).isEqualTo(due.plusDays(10).toString().substring(0, 7));
        JsonNode reminder = cure(numbers, "REMINDER_1", "ENTERPRISE");
        assertThat(reminder.get("reached").asInt()).isEqualTo(2);
        assertThat(reminder.get("paidWithin30").asInt()).isEqualTo(1);
        assertThat(reminder.get("cureRate7").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(reminder.get("collectedWithin30").decimalValue()).isEqualByComparingTo("1000");
        JsonNode sales2 = manager(numbers, "sales2");
        assertThat(sales2.get("booked").decimalValue()).isEqualByComparingTo("2500");
        assertThat(sales2.get("collected").decimalValue()).isEqualByComparingTo("1000");
        assertThat(sales2.get("openBalance").decimalValue()).isEqualByComparingTo("1000");
        assertThat(sales2.get("overdueShare").decimalValue()).isEqualByComparingTo("1");
        assertThat(sales2.get("dso").decimalValue()).as("1 000 open of 2 000 invoiced in 90 days").isEqualByComparingTo("45");
        assertThat(numbers.get("monthly")).hasSize(12);

        JsonNode dayBefore = queries.get("credit1", "/api/kpis/collections?asOf=" + due.plusDays(9)).json();
        assertThat(cure(dayBefore, "REMINDER_1", "ENTERPRISE").get("paidWithin7").asInt()).as("paid a day later").isZero();
        assertThat(manager(dayBefore, "sales2").get("collected").decimalValue()).isEqualByComparingTo("0");
        assertThat(queries.get("sales1", "/api/kpis/collections").status()).isEqualTo(403);
        assertThat(queries.get("analyst1", "/api/kpis/collections?asOf=yesterday").status()).isEqualTo(400);
    }

    private static JsonNode cure(JsonNode numbers, String step, String segment) {
        return StreamSupport.stream(numbers.get("cureRates").spliterator(), false)
                .filter(r -> r.get("step").asText().equals(step) && r.get("segment").asText().equals(segment))
                .findFirst().orElseThrow();
    }

    private static JsonNode manager(JsonNode numbers, String accountManager) {
        return StreamSupport.stream(numbers.get("accountManagers").spliterator(), false)
                .filter(m -> m.get("accountManager").asText().equals(accountManager)).findFirst().orElseThrow();
    }

    private static String fileScreenedApplication() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Answer filed = commands.post("sales1", "/api/applications", Map.of("applicationId", "A-" + suffix,
                "customerId", "C-" + suffix, "prospectName", "Drukkerij " + suffix, "segment", "SMB",
                "currency", "EUR", "language", "nl", "requestedLimit", 60000, "expectedMonthlyVolume", 15000,
                "requestedTermDays", 30, "visit", Map.of("premises", "GOOD", "activity", "GOOD", "staff", "GOOD",
                        "paymentReputation", "GOOD")));
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        Answer screened = commands.post("credit1", "/api/applications/A-" + suffix + "/screening", Map.of(
                "identityChecked", true, "vatNumberChecked", true, "annualAccountsRead", true,
                "insurerCoverAsked", true, "externalRating", "A2", "externalScore", 80, "equityRatio", 0.30,
                "yearsInBusiness", 6));
        assertThat(screened.status()).as(screened.toString()).isEqualTo(200);
        return "A-" + suffix;
    }

    private static String decide(String applicationId, String user, Map<String, Object> decision) {
        Answer decided = commands.post(user, "/api/applications/" + applicationId + "/decision", decision);
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        return decided.json().get("status").asText();
    }

    private static void conclude(String customerId) {
        Answer concluded = commands.post("credit1", "/api/accounts/" + customerId + "/reviews/current/conclusion",
                Map.of("outcome", "NO_CHANGE", "note", "figures and visit as expected"));
        assertThat(concluded.status()).as(concluded.toString()).isEqualTo(200);
    }

    private static JsonNode awaitKpis(Object from, Object to, Predicate<JsonNode> until) {
        return queries.awaitView("analyst1", "/api/kpis?from=" + from + "&to=" + to, until);
    }

    private static String issueInvoice(Api api, String customerId, LocalDate due) {
        String invoiceId = "I-" + UUID.randomUUID().toString().substring(0, 8);
        Answer issued = api.post("erp", "/api/accounts/" + customerId + "/invoices", Map.of("invoiceId", invoiceId,
                "amount", 1000, "currency", "EUR", "issueDate", due.minusDays(30).toString(),
                "dueDate", due.toString()));
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        return invoiceId;
    }

    private static LocalDate today(Api api) {
        return now(api).atZone(ZoneOffset.UTC).toLocalDate();
    }

    private static Instant now(Api api) {
        return Instant.parse(api.get("admin", "/api/admin/clock").json().get("now").asText());
    }

    /** Moves the clock to 08:00 UTC on {@code day}; the answer comes once every step due has fired. */
    private static void moveClockTo(LocalDate day) {
        moveClock(commands, day.atTime(8, 0).toInstant(ZoneOffset.UTC));
    }

    private static void moveClock(Api api, Instant to) {
        Answer moved = api.post("admin", "/api/admin/clock", Map.of("now", to.toString()));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    }

    /** The dunning steps in the event store for the account, in the order they were recorded. */
    private static List<String> stepsReached(CreditDeskStandalone on, String customerId) {
        return on.commandSide().getBean(EventStore.class).readEvents(customerId).asStream()
                .filter(event -> event.getPayloadType().getSimpleName().equals("DunningStepReached"))
                .map(DomainEventMessage::getPayload)
                .map(payload -> ((com.creditdesk.api.dunning.DunningEvents.DunningStepReached) payload).step().name())
                .toList();
    }

    private static JsonNode awaitInvoice(String invoiceId, Predicate<JsonNode> until) {
        return queries.awaitView("credit1", "/api/invoices/" + invoiceId,
                view -> !view.get("dunningStep").isNull() && until.test(view));
    }

    private static JsonNode awaitTask(String user, String view, String invoiceId, String type) {
        return await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> findTask(queries.get(user, view).json(), invoiceId),
                        task -> task != null && task.get("type").asText().equals(type));
    }

    private static JsonNode findTask(JsonNode view, String invoiceId) {
        return StreamSupport.stream(view.get("tasks").spliterator(), false)
                .filter(task -> task.get("invoiceId").asText().equals(invoiceId)).findFirst().orElse(null);
    }

    /** The first mail to a recipient starting with {@code to} whose subject contains {@code subjectPart}. */
    private static MimeMessage awaitMail(String to, String subjectPart) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                Arrays.stream(smtp.getReceivedMessages()).filter(mail -> {
                    try {
                        return mail.getRecipients(RecipientType.TO)[0].toString().startsWith(to)
                                && mail.getSubject().contains(subjectPart);
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                }).findFirst().orElse(null), mail -> mail != null);
    }

    private static byte[] attachment(MimeMessage mail, String fileName) throws Exception {
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (fileName.equals(parts.getBodyPart(i).getFileName())) {
                return parts.getBodyPart(i).getInputStream().readAllBytes();
            }
        }
        throw new AssertionError("no attachment " + fileName);
    }

    /** The text part of a mail with attachments, decoded. */
    private static String text(MimeMessage mail) throws Exception {
        MimeMultipart parts = (MimeMultipart) mail.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            Object content = parts.getBodyPart(i).getContent();
            if (content instanceof MimeMultipart inner) {
                content = inner.getBodyPart(0).getContent();
            }
            if (parts.getBodyPart(i).getFileName() == null && content instanceof String text) {
                return text;
            }
        }
        throw new AssertionError("no text part");
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
