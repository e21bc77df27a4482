package com.creditdesk.query.admin;

import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * On start: views of an older layout ({@link ViewsVersion}) are rebuilt once, so an upgrade never
 * serves figures that the old projections did not keep; an empty store's views are current as they are.
 */
@Component
class ViewsUpgrade {
    private static final Logger log = LoggerFactory.getLogger(ViewsUpgrade.class);

    private final ViewsVersion version;
    private final ProjectionReplay replay;
    private final EventStore events;

    ViewsUpgrade(ViewsVersion version, ProjectionReplay replay, EventStore events) {
        this.version = version;
        this.replay = replay;
        this.events = events;
    }

    @EventListener(ApplicationReadyEvent.class)
    void upgradeOlderViews() {
        int stored = version.stored();
        if (stored == ViewsVersion.CURRENT) {
            return;
        }
        TrackingToken head = events.createHeadToken();
        if (head == null || head.position().orElse(-1) < 0) {
            version.markCurrent();
            return;
        }
        if (version.claimUpgrade()) {
            log.info("the views were written in layout {}, this code writes layout {}: rebuilding them", stored,
                    ViewsVersion.CURRENT);
            if (!replay.start()) {
                version.releaseUpgrade();
            }
        }
    }
}
