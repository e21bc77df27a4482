package com.creditdesk.query.timeline;

import com.creditdesk.api.common.EventFamilies;
import com.creditdesk.query.support.SampleEvents;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The timeline has a line in words for every event an account records, not just the event's name. */
class SummariesTest {

    @Test
    void everyEventOfEveryFamilyHasItsOwnSummary() {
        assertThat(EventFamilies.all()).allSatisfy(type -> {
            String summary = Summaries.of(SampleEvents.of(type), "EUR");
            assertThat(summary).as(type.getSimpleName()).isNotBlank().isNotEqualTo(type.getSimpleName());
        });
    }
}
