package com.creditdesk.query.live;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The live views ({@code creditdesk.live}): the relay that tells this instance's subscribers about each change once
 * the projections applied it, and the server-sent event streams.
 *
 * @param relayPollInterval how often the relay reads the projections' tokens while an event waits
 * @param relayMaxWait      relayed anyway (with a warning) if the projections do not move for this long
 * @param heartbeat         a comment on every stream this often, so proxies keep the connection
 * @param worklistSpacing   the least time between two readings of a worklist: changes in between fold into the next
 */
@ConfigurationProperties("creditdesk.live")
public record LiveSettings(@DefaultValue("5ms") Duration relayPollInterval,
                           @DefaultValue("60s") Duration relayMaxWait,
                           @DefaultValue("10s") Duration heartbeat,
                           @DefaultValue("100ms") Duration worklistSpacing) {
}
