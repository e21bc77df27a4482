package com.creditdesk.query.deadletter;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;

/**
 * What to do when a projection's handler fails on an event. An unreachable store is not the event's
 * fault: the failure goes up, and the processor retries its batch from its last token (as it does when
 * the store is away), so no account is parked for an outage. Anything else parks the event as a dead
 * letter with its cause (truncated like Axon's default) and the number of attempts so far.
 */
final class ProjectionFailurePolicy implements EnqueuePolicy<EventMessage<?>> {
    static final String ATTEMPTS = "attempts";

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (storeUnreachable(cause)) {
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        }
        int attempts = attempts(letter.diagnostics()) + 1;
        return Decisions.enqueue(ThrowableCause.truncated(cause),
                failed -> failed.diagnostics().and(ATTEMPTS, attempts));
    }

    static int attempts(MetaData diagnostics) {
        return diagnostics.get(ATTEMPTS) instanceof Number number ? number.intValue() : 0;
    }

    private static boolean storeUnreachable(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof MongoSocketException || t instanceof MongoTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
