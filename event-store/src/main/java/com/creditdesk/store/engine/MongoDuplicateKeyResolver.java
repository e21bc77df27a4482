package com.creditdesk.store.engine;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Recognizes the duplicate keys that mean "someone else appended this first": MongoDB error 11000 on the stream key
 * or event identifier indexes, and {@link DuplicateEventKeyException}. Axon turns these into
 * {@code AggregateStreamCreationException} (sequence 0) or {@code ConcurrencyException}.
 * <p>
 * A duplicate {@code _id} is deliberately not one of them: it means the global index counter is behind the stored
 * commits (a restored or hand-edited database), which no retry of the command can fix.
 */
public class MongoDuplicateKeyResolver implements PersistenceExceptionResolver {

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        return exception instanceof DuplicateEventKeyException
                || (isDuplicateKey(exception) && !String.valueOf(exception.getMessage()).contains(" index: _id_ "));
    }

    /**
     * Whether the exception is a duplicate key error of the server, whatever index raised it. Covers single-document
     * writes ({@code MongoWriteException}) and commands ({@code MongoCommandException}); the engine does no bulk writes.
     */
    public static boolean isDuplicateKey(Throwable exception) {
        return exception instanceof MongoServerException server
                && ErrorCategory.fromErrorCode(server.getCode()) == ErrorCategory.DUPLICATE_KEY;
    }
}
