package com.creditdesk.query.live;

/**
 * The update of a live worklist: something it shows changed. The worklists are composed when read,
 * so a subscriber reads the view again rather than receiving a partial change.
 */
public record ViewChanged(String customerId) {
}
