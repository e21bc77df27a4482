package com.creditdesk.command.intake;

import com.creditdesk.platform.web.Problems;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntakeSettings.class)
class IntakeConfiguration {

    /**
     * A message the intake could not handle for a reason that may pass (the store away) is tried again every second
     * for a minute; then it goes to the dead-letter topic with a 503 problem, to be sent again from there: never
     * dropped.
     */
    @Bean
    @ConditionalOnBooleanProperty("creditdesk.intake.kafka.enabled")
    CommonErrorHandler intakeErrorHandler(KafkaTemplate<String, String> kafka, IntakeSettings settings,
                                          JsonMapper json) {
        return new DefaultErrorHandler((record, e) -> {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("status", 503);
            answer.put("problem", Problems.asMap(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Not handled now",
                    "the command could not be handled now (" + e.getMessage() + "); send it again")));
            answer.put("message", String.valueOf(record.value()));
            try {
                kafka.send(settings.deadLetters(), (String) record.key(), json.writeValueAsString(answer))
                        .get(10, TimeUnit.SECONDS);
            } catch (Exception failed) {
                throw new IllegalStateException("the message could not be put on the dead-letter topic", failed);
            }
        }, new FixedBackOff(1000, 60));
    }
}
