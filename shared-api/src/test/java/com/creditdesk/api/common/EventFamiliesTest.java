package com.creditdesk.api.common;

import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the event store may hold: records with a revision, each in exactly one family. */
class EventFamiliesTest {

    @Test
    void everyEventIsARecordWithARevisionSoItsStoredShapeIsVersioned() {
        List<Class<?>> events = EventFamilies.all();
        assertThat(events).doesNotHaveDuplicates().allSatisfy(event -> {
            assertThat(event.isRecord()).as(event.getSimpleName() + " is a record").isTrue();
            assertThat(event.getAnnotation(Revision.class)).as(event.getSimpleName() + " has a @Revision").isNotNull();
        });
        EventFamilies.FAMILIES.forEach(family ->
                assertThat(family.getPermittedSubclasses()).as(family.getSimpleName()).isNotEmpty());
    }
}
