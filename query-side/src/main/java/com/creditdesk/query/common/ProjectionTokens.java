package com.creditdesk.query.common;

import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.eventhandling.tokenstore.GenericTokenEntry;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.serialization.Serializer;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The token documents of the shared processor, read straight from the token store's collection and
 * never claimed: how far the projections got on every instance together, whoever holds each segment.
 */
@Component
public class ProjectionTokens {
    private final MongoTemplate template;
    private final Serializer serializer;

    ProjectionTokens(MongoTemplate template, Serializer serializer) {
        this.template = template;
        this.serializer = serializer;
    }

    /**
     * One segment's token as stored: who holds it (null when free), when that claim was last extended, and the
     * position it reached (null before the first event).
     */
    public record SegmentToken(int segment, String owner, Instant claimedAt, TrackingToken token) {
    }

    /** The segments of the processor as they stand, in segment order. */
    public Snapshot read(String processor) {
        List<SegmentToken> segments = new ArrayList<>();
        for (Document doc : template.trackingTokensCollection().find(Filters.eq("processorName", processor))) {
            Binary data = doc.get("token", Binary.class);
            String type = doc.getString("tokenType");
            TrackingToken token = data == null || type == null ? null : new GenericTokenEntry<>(data.getData(), type,
                    Instant.ofEpochMilli(doc.getLong("timestamp")).toString(), doc.getString("owner"), processor,
                    doc.getInteger("segment"), byte[].class).getToken(serializer);
            segments.add(new SegmentToken(doc.getInteger("segment"), doc.getString("owner"),
                    Instant.ofEpochMilli(doc.getLong("timestamp")), token));
        }
        segments.sort(Comparator.comparingInt(SegmentToken::segment));
        return new Snapshot(List.copyOf(segments));
    }

    /** The tokens of all segments at one moment. */
    public record Snapshot(List<SegmentToken> segments) {

        /** The lowest position over the segments, if every segment has one. */
        public OptionalLong position() {
            long lowest = Long.MAX_VALUE;
            for (SegmentToken segment : segments) {
                TrackingToken token = WrappedToken.unwrapLowerBound(segment.token());
                OptionalLong position = token == null ? OptionalLong.empty() : token.position();
                if (position.isEmpty()) {
                    return OptionalLong.empty();
                }
                lowest = Math.min(lowest, position.getAsLong());
            }
            return segments.isEmpty() ? OptionalLong.empty() : OptionalLong.of(lowest);
        }

        /**
         * Whether the event at {@code position} of this aggregate has been applied: the segment that handles
         * the aggregate (sequential per aggregate, Axon's default policy) has passed it.
         */
        public boolean applied(String aggregateIdentifier, long position) {
            return responsibleFor(aggregateIdentifier)
                    .map(segment -> passed(WrappedToken.unwrapLowerBound(segment.token()), position)).orElse(false);
        }

        private Optional<SegmentToken> responsibleFor(String aggregateIdentifier) {
            int[] ids = segments.stream().mapToInt(SegmentToken::segment).toArray();
            return segments.stream()
                    .filter(segment -> Segment.computeSegment(segment.segment(), ids).matches(aggregateIdentifier))
                    .findFirst();
        }

        /** A gap-aware token has processed every position up to its index that is not one of its gaps. */
        private static boolean passed(TrackingToken token, long position) {
            if (token instanceof GapAwareTrackingToken gapAware) {
                return position <= gapAware.getIndex() && !gapAware.getGaps().contains(position);
            }
            return token != null && token.position().orElse(-1) >= position;
        }

        public int[] segmentIds() {
            return segments.stream().mapToInt(SegmentToken::segment).toArray();
        }

        @Override
        public String toString() {
            return Arrays.toString(segments.toArray());
        }
    }
}
