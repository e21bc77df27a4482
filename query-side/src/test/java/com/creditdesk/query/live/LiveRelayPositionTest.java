package com.creditdesk.query.live;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The position the relay waits for is the event's own, also for an event whose commit landed late. */
class LiveRelayPositionTest {

    @Test
    void anEventBeyondEveryOneSeenIsAtTheNewIndex() {
        GapAwareTrackingToken before = GapAwareTrackingToken.newInstance(10, List.of());
        assertThat(LiveRelay.positionOf(before, before.advanceTo(11, 10_000))).isEqualTo(11);
        assertThat(LiveRelay.positionOf(before, before.advanceTo(14, 10_000))).as("skipping 11-13 as gaps").isEqualTo(14);
    }

    @Test
    void theFirstEventReadIsAtItsIndex() {
        assertThat(LiveRelay.positionOf(null, GapAwareTrackingToken.newInstance(7, List.of(5L, 6L)))).isEqualTo(7);
    }

    @Test
    void anEventThatFillsAGapIsAtTheGapNotAtTheHighestIndexSeen() {
        GapAwareTrackingToken before = GapAwareTrackingToken.newInstance(105, List.of(100L, 103L));
        GapAwareTrackingToken filled = before.advanceTo(100, 10_000);
        assertThat(filled.position()).hasValue(105); // what the relay used to wait for
        assertThat(LiveRelay.positionOf(before, filled)).isEqualTo(100);
        assertThat(LiveRelay.positionOf(filled, filled.advanceTo(103, 10_000))).isEqualTo(103);
    }

    @Test
    void gapsGivenUpInTheSameReadLieBelowTheFilledOne() {
        GapAwareTrackingToken before = GapAwareTrackingToken.newInstance(105, List.of(90L, 91L, 100L));
        GapAwareTrackingToken filled = before.withGapsTruncatedAt(92).advanceTo(100, 10_000);
        assertThat(LiveRelay.positionOf(before, filled)).isEqualTo(100);
    }

    @Test
    void aWrappedTokenIsReadThroughItsCurrentPosition() {
        GapAwareTrackingToken before = GapAwareTrackingToken.newInstance(105, List.of(100L));
        GapAwareTrackingToken filled = before.advanceTo(100, 10_000);
        assertThat(LiveRelay.positionOf(ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(200, List.of()), before),
                ReplayToken.createReplayToken(GapAwareTrackingToken.newInstance(200, List.of()), filled))).isEqualTo(100);
    }
}
