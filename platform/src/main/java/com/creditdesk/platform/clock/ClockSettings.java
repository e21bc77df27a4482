package com.creditdesk.platform.clock;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The business clock ({@code creditdesk.clock}).
 *
 * @param adjustable whether the clock may be moved forward ({@code POST /api/admin/clock}), for demos and tests;
 *                   never in production. The standalone mode sets it itself, as it installs the clock both sides share.
 */
@ConfigurationProperties("creditdesk.clock")
public record ClockSettings(@DefaultValue("false") boolean adjustable) {
}
