package com.creditdesk.query.review;

import com.creditdesk.api.signal.ReviewView;
import com.creditdesk.api.signal.SignalEvents.CreditReviewConcluded;
import com.creditdesk.api.signal.SignalEvents.CreditReviewOpened;
import com.creditdesk.query.common.KeyedViews;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Credit reviews opened by sales signals, and their outcomes, so the reporting salesperson sees them. */
@Component
@ProcessingGroup(ReviewProjection.GROUP)
public class ReviewProjection {
    public static final String GROUP = "reviews";
    static final String OPEN = "OPEN";
    static final String CONCLUDED = "CONCLUDED";

    private final KeyedViews<ReviewView> reviews;

    public ReviewProjection(MongoDatabase database) {
        this.reviews = new KeyedViews<>(database.getCollection("reviews"), ReviewView.class);
        reviews.collection().createIndex(Indexes.ascending("reportedBy"));
    }

    @EventHandler
    void on(CreditReviewOpened e, @SequenceNumber long sequence, @Timestamp Instant at) {
        reviews.create(e.reviewId(), sequence, new ReviewView(e.reviewId(), e.customerId(), null, e.signalIds(),
                e.reportedBy(), e.reason(), at, OPEN, null, null, null, null, null));
    }

    @EventHandler
    void on(CreditReviewConcluded e, @SequenceNumber long sequence, @Timestamp Instant at) {
        reviews.update(e.reviewId(), sequence, review -> new ReviewView(review.reviewId(), review.customerId(), null,
                review.signalIds(), review.reportedBy(), review.reason(), review.openedAt(), CONCLUDED, e.outcome(),
                e.note(), e.newLimit(), e.actor(), at));
    }

    @ResetHandler
    void reset() {
        reviews.clear();
    }

    public List<ReviewView> reportedBy(String salesperson) {
        return reviews.collection().find(Filters.eq("reportedBy", salesperson)).map(reviews::read)
                .into(new ArrayList<>());
    }

    public List<ReviewView> open() {
        return reviews.collection().find(Filters.eq("status", OPEN)).map(reviews::read).into(new ArrayList<>());
    }
}
