package com.creditdesk.platform.store;

import java.lang.management.ManagementFactory;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Who this instance is towards the others sharing the store: the owner written on the token claims it
 * holds and the name of its heartbeat. Unique per application context (the JVM's {@code pid@host}
 * plus a random suffix), so two instances in one JVM, as in the tests, never take each other's claims
 * for their own; {@code creditdesk.node-id} names it explicitly.
 */
public record NodeId(String value) {

    public static NodeId generated() {
        return new NodeId(ManagementFactory.getRuntimeMXBean().getName() + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0x100000)));
    }

    @Override
    public String toString() {
        return value;
    }
}
