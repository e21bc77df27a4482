package com.creditdesk.command.intake;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Reads commands from the intake topic: each accepted one's answer goes to the replies topic, each refused one to
 * the dead-letter topic with its problem and the message as it came, both keyed as it was. The offset is committed
 * after the answer is sent, so a crash makes the broker deliver the message again, which the commands' idempotency
 * answers as before without recording anything twice.
 */
@Component
@ConditionalOnBooleanProperty("creditdesk.intake.kafka.enabled")
class KafkaIntake {
    private static final Logger log = LoggerFactory.getLogger(KafkaIntake.class);

    private final Intake intake;
    private final IntakeSettings settings;
    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;

    KafkaIntake(Intake intake, IntakeSettings settings, KafkaTemplate<String, String> kafka, JsonMapper json) {
        this.intake = intake;
        this.settings = settings;
        this.kafka = kafka;
        this.json = json;
    }

    @KafkaListener(id = "credit-desk-intake", topics = "${creditdesk.intake.kafka.topic:creditdesk.intake}")
    void on(ConsumerRecord<String, String> record) throws Exception {
        Intake.Outcome outcome = intake.handle(record.value(), settings.actor());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("messageId", outcome.messageId());
        answer.put("type", outcome.type());
        answer.put("status", outcome.status());
        if (outcome.refused()) {
            answer.put("problem", outcome.problem());
            answer.put("message", record.value());
            log.info("intake message {} refused: {}", outcome.messageId(), outcome.problem().get("detail"));
        } else {
            answer.put("answer", outcome.answer());
        }
        kafka.send(outcome.refused() ? settings.deadLetters() : settings.replies(), record.key(),
                json.writeValueAsString(answer)).get(10, TimeUnit.SECONDS);
    }
}
