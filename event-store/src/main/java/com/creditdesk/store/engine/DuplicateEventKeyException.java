package com.creditdesk.store.engine;

/**
 * Two events of one append share an event identifier or an aggregate sequence number. A unique index cannot see
 * this inside a single commit document, so the engine raises it before writing; {@link MongoDuplicateKeyResolver}
 * reports it as a duplicate key like the server's error 11000.
 */
public class DuplicateEventKeyException extends RuntimeException {

    public DuplicateEventKeyException(String key) {
        super("Duplicate key [" + key + "] within one append");
    }
}
