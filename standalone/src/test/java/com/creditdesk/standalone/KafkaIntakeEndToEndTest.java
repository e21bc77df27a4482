package com.creditdesk.standalone;

import com.creditdesk.standalone.CreditDeskStandalone.Settings;
import com.creditdesk.standalone.support.Api;
import com.creditdesk.standalone.support.RunningCreditDesk;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands over a real Kafka broker (KRaft, in the JVM): the integration commands sent as messages get the answers
 * the endpoints give, on the replies topic; refused ones go to the dead-letter topic with the endpoint's problem and
 * record nothing; a message delivered twice records once.
 */
class KafkaIntakeEndToEndTest {
    private static final String INTAKE = "creditdesk.intake";
    private static final String REPLIES = "creditdesk.intake.replies";
    private static final String DEAD_LETTERS = "creditdesk.intake.dead-letters";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static EmbeddedKafkaBroker kafka;
    private static CreditDeskStandalone app;
    private static Api commands;
    private static Api queries;
    private static KafkaProducer<String, String> producer;
    private static KafkaConsumer<String, String> consumer;
    private static final Map<String, JsonNode> answers = new HashMap<>();

    @BeforeAll
    static void start() {
        kafka = new EmbeddedKafkaKraftBroker(1, 1, INTAKE, REPLIES, DEAD_LETTERS)
                .brokerProperty("group.initial.rebalance.delay.ms", "0");
        kafka.afterPropertiesSet();
        app = CreditDeskStandalone.start(new Settings(RunningCreditDesk.tempDir(), "127.0.0.1", 0, 0, 0,
                Map.of("creditdesk.intake.kafka.enabled", "true",
                        "spring.kafka.bootstrap-servers", kafka.getBrokersAsString())));
        commands = new Api(app.commandPort());
        queries = new Api(app.queryPort());
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString()),
                new StringSerializer(), new StringSerializer());
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer());
        consumer.subscribe(List.of(REPLIES, DEAD_LETTERS));
    }

    @AfterAll
    static void stop() {
        consumer.close();
        producer.close();
        app.close();
        kafka.destroy();
    }

    @Test
    void theIntegrationCommandsAsMessagesGetTheEndpointsAnswers() throws Exception {
        String c = "C-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode opened = sendAndAwait(c, message("OPEN_ACCOUNT", null, null, Map.of("customerId", c,
                "name", "Bakkerij " + c, "segment", "SMB", "currency", "EUR", "accountManager", "sales1",
                "language", "nl")), REPLIES);
        assertThat(opened.get("status").asInt()).isEqualTo(201);
        assertThat(opened.get("answer").get("customerId").asText()).isEqualTo(c);
        assertThat(commands.put("credit1", "/api/accounts/" + c + "/credit-limit",
                Map.of("amount", 5000, "source", "ANALYST", "reason", "first year")).status()).isEqualTo(200);

        Map<String, Object> order = message("PLACE_ORDER", c, null, Map.of("orderId", "O-" + c, "amount", 1200,
                "currency", "EUR"));
        JsonNode placed = sendAndAwait(c, order, REPLIES);
        assertThat(placed.get("answer").get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(placed.get("answer").get("decision").get("effectiveLimit").decimalValue())
                .isEqualByComparingTo("5000");
        long recorded = RunningCreditDesk.eventCount(app, c);
        Map<String, Object> again = new HashMap<>(order);
        again.put("messageId", "m-" + UUID.randomUUID()); // delivered again, as a broker may
        assertThat(sendAndAwait(c, again, REPLIES).get("answer")).isEqualTo(placed.get("answer"));
        assertThat(RunningCreditDesk.eventCount(app, c)).as("recorded once").isEqualTo(recorded);

        LocalDate today = LocalDate.now();
        assertThat(sendAndAwait(c, message("ISSUE_INVOICE", c, null, Map.of("invoiceId", "I-" + c, "orderId",
                "O-" + c, "amount", 1200, "currency", "EUR", "issueDate", today.toString())), REPLIES)
                .get("answer").get("dueDate").asText()).isEqualTo(today.plusDays(30).toString());
        assertThat(sendAndAwait(c, message("REGISTER_PAYMENT", c, null, Map.of("paymentId", "P-" + c, "amount",
                1200, "currency", "EUR", "receivedOn", today.toString())), REPLIES)
                .get("status").asInt()).isEqualTo(201);
        sendAndAwait(c, message("PLACE_ORDER", c, null, Map.of("orderId", "O2-" + c, "amount", 100,
                "currency", "EUR")), REPLIES);
        JsonNode cancelled = sendAndAwait(c, message("CANCEL_ORDER", c, "O2-" + c, Map.of("reason", "wrong item")),
                REPLIES);
        assertThat(cancelled.get("status").asInt()).isEqualTo(200);
        assertThat(cancelled.get("answer").get("status").asText()).isEqualTo("CANCELLED");

        JsonNode account = queries.awaitView("credit1", "/api/accounts/" + c,
                view -> view.get("exposure").decimalValue().signum() == 0);
        assertThat(account.get("availableCredit").decimalValue()).isEqualByComparingTo("5000");
    }

    @Test
    void refusedMessagesGoToTheDeadLetterTopicWithTheProblemAndRecordNothing() throws Exception {
        String c = "C-" + UUID.randomUUID().toString().substring(0, 8);
        sendAndAwait(c, message("OPEN_ACCOUNT", null, null, Map.of("customerId", c, "name", "Bakkerij " + c,
                "segment", "SMB", "currency", "EUR", "accountManager", "sales1", "language", "nl")), REPLIES);
        long before = RunningCreditDesk.eventCount(app, c);

        JsonNode negative = sendAndAwait(c, message("PLACE_ORDER", c, null, Map.of("orderId", "O-" + c,
                "amount", -5, "currency", "EUR")), DEAD_LETTERS);
        assertThat(negative.get("status").asInt()).isEqualTo(400);
        assertThat(negative.get("problem").get("errors").get(0).get("field").asText()).isEqualTo("amount");
        JsonNode unknownType = sendAndAwait(c, message("SHIP_GOODS", c, null, Map.of("orderId", "O-" + c)),
                DEAD_LETTERS);
        assertThat(unknownType.get("problem").get("errors").get(0).get("field").asText()).isEqualTo("type");
        JsonNode unknownField = sendAndAwait(c, message("PLACE_ORDER", c, null, Map.of("orderId", "O-" + c,
                "amount", 5, "currency", "EUR", "discount", 3)), DEAD_LETTERS);
        assertThat(unknownField.get("status").asInt()).isEqualTo(400);
        JsonNode otherCurrency = sendAndAwait(c, message("PLACE_ORDER", c, null, Map.of("orderId", "O-" + c,
                "amount", 5, "currency", "USD")), DEAD_LETTERS);
        assertThat(otherCurrency.get("status").asInt()).isEqualTo(400);
        JsonNode unknownAccount = sendAndAwait("X-" + c, message("PLACE_ORDER", "X-" + c, null, Map.of("orderId",
                "O-X-" + c, "amount", 5, "currency", "EUR")), DEAD_LETTERS);
        assertThat(unknownAccount.get("status").asInt()).isEqualTo(404);

        producer.send(new ProducerRecord<>(INTAKE, c, "{\"messageId\":\"broken-" + c + "\",\"type\":")).get();
        JsonNode malformed = awaitAnswer(null, "broken-" + c, DEAD_LETTERS);
        assertThat(malformed.get("status").asInt()).isEqualTo(400);
        assertThat(malformed.get("message").asText()).startsWith("{\"messageId\":\"broken-");

        assertThat(RunningCreditDesk.eventCount(app, c)).as("nothing recorded").isEqualTo(before);
    }

    private static Map<String, Object> message(String type, String customerId, String orderId,
                                               Map<String, Object> body) {
        Map<String, Object> message = new HashMap<>();
        message.put("messageId", "m-" + UUID.randomUUID());
        message.put("type", type);
        if (customerId != null) {
            message.put("customerId", customerId);
        }
        if (orderId != null) {
            message.put("orderId", orderId);
        }
        message.put("body", body);
        return message;
    }

    private static JsonNode sendAndAwait(String key, Map<String, Object> message, String topic) throws Exception {
        producer.send(new ProducerRecord<>(INTAKE, key, JSON.writeValueAsString(message))).get();
        return awaitAnswer((String) message.get("messageId"), null, topic);
    }

    /** The answer to a message, by its id (or, for a malformed one, by the start of the message it quotes). */
    private static JsonNode awaitAnswer(String messageId, String brokenId, String topic) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String key = topic + "/" + (messageId != null ? messageId : brokenId);
        while (!answers.containsKey(key)) {
            assertThat(System.nanoTime()).as("an answer on " + topic + " in time").isLessThan(deadline);
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                JsonNode answer = JSON.readTree(record.value());
                String id = answer.path("messageId").isTextual() ? answer.get("messageId").asText()
                        : answer.path("message").asText().replaceFirst("^\\{\"messageId\":\"([^\"]+)\".*", "$1");
                answers.put(record.topic() + "/" + id, answer);
            }
        }
        return answers.get(key);
    }
}
