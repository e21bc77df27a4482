package com.creditdesk.platform.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the instances sharing one store share the event processors' segments ({@code creditdesk.projections}): the
 * token store's claims here, the query side's heartbeats and rebalancing in {@code SegmentBalancing}.
 *
 * @param claimTimeout      a token claim not extended this long (its instance died) may be taken over; keep it above
 *                          {@code instanceTimeout}, so the survivors count the dead instance out before they take over
 * @param heartbeatInterval each query-side instance writes its heartbeat and rebalances this often
 * @param instanceTimeout   an instance whose heartbeat is older than this is gone
 * @param releaseFor        a segment given up for another instance is not claimed back here for this long
 */
@ConfigurationProperties("creditdesk.projections")
public record ProjectionSettings(@DefaultValue("10s") Duration claimTimeout,
                                 @DefaultValue("2s") Duration heartbeatInterval,
                                 @DefaultValue("6s") Duration instanceTimeout,
                                 @DefaultValue("3s") Duration releaseFor) {
}
