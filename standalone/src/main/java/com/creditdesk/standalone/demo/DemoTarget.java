package com.creditdesk.standalone.demo;

import java.time.Clock;

/**
 * What the demo portfolio needs of a running Credit Desk: the clock both sides share, the ports of the two
 * APIs it talks to, and how much the store holds. The standalone launcher is one; the demo knows nothing more
 * of it.
 */
public interface DemoTarget {

    /** The system's clock (the demo reads it; it moves it through the command side's API). */
    Clock clock();

    int commandPort();

    int queryPort();

    /** The global index of the last event in the store, 0 when it is empty. */
    long eventsRecorded();
}
