package com.creditdesk.api.timeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

public final class TimelineQueries {
    private TimelineQueries() {
    }

    /** A page of a debtor's timeline, oldest first; {@code types} empty means every type. */
    public record GetTimeline(String customerId, Instant from, Instant to, Set<String> types, int page, int size) {
    }

    public record TimelineEntry(Instant at, String type, String actor, String summary, Map<String, Object> details) {
    }

    public record TimelinePage(List<TimelineEntry> entries, int page, int size, long total) {
    }
}
