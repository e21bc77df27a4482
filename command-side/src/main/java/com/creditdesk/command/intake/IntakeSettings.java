package com.creditdesk.command.intake;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Intake over Kafka ({@code creditdesk.intake.kafka}); the broker is Spring's {@code spring.kafka.bootstrap-servers}.
 *
 * @param enabled     whether the command side reads commands from the broker
 * @param topic       where integrating systems send commands (keyed by customer, so one account's stay in order)
 * @param replies     where each accepted command's answer goes
 * @param deadLetters where each refused message goes, with the problem
 * @param actor       who the events name as having sent the commands (the broker's ACLs say who may)
 */
@ConfigurationProperties("creditdesk.intake.kafka")
public record IntakeSettings(@DefaultValue("false") boolean enabled, @DefaultValue("creditdesk.intake") String topic,
                             @DefaultValue("creditdesk.intake.replies") String replies,
                             @DefaultValue("creditdesk.intake.dead-letters") String deadLetters,
                             @DefaultValue("kafka-intake") String actor) {
}
