package com.creditdesk.command.dunning;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Dunning's timers ({@code creditdesk.dunning}).
 *
 * @param pollInterval how often JobRunr looks for due dunning timers
 */
@ConfigurationProperties("creditdesk.dunning")
public record DunningSettings(@DefaultValue("5s") Duration pollInterval) {
}
