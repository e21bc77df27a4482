package com.creditdesk.command.common;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How fast an account loads ({@code creditdesk.snapshot.*}, {@code creditdesk.aggregate-cache.*}).
 *
 * @param snapshot       when an account is snapshotted
 * @param aggregateCache which accounts stay loaded between commands
 */
@ConfigurationProperties("creditdesk")
public record AggregateSettings(@DefaultValue Snapshot snapshot, @DefaultValue AggregateCache aggregateCache) {

    /** @param threshold events between snapshots, so loading an account reads one snapshot and a short tail */
    public record Snapshot(@DefaultValue("250") int threshold) {
    }

    /** @param accounts how many accounts stay loaded on this side at most */
    public record AggregateCache(@DefaultValue("10000") long accounts) {
    }
}
