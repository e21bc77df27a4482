package com.creditdesk.command.dunning;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reminders' mail ({@code creditdesk.mail}); the server itself is Spring's {@code spring.mail.*}.
 *
 * @param from the sender address of reminders and formal notices
 */
@ConfigurationProperties("creditdesk.mail")
public record MailSettings(@DefaultValue("credit-desk@localhost") String from) {
}
