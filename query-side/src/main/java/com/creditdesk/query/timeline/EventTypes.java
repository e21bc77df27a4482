package com.creditdesk.query.timeline;

import com.creditdesk.api.common.EventFamilies;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The event types a timeline entry can have: the simple names of the shared API's events, the members of its
 * sealed event families ({@link EventFamilies}), so a new event is known without being listed here.
 */
public final class EventTypes {
    private static final SortedSet<String> KNOWN = known(new TreeSet<>());

    private EventTypes() {
    }

    /** The known types, sorted. */
    public static SortedSet<String> known() {
        return KNOWN;
    }

    private static SortedSet<String> known(SortedSet<String> types) {
        EventFamilies.all().forEach(type -> types.add(type.getSimpleName()));
        return Collections.unmodifiableSortedSet(types);
    }
}
