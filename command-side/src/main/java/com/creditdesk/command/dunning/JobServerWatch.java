package com.creditdesk.command.dunning;

import org.jobrunr.server.BackgroundJobServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * JobRunr stops its server when it cannot reach its storage for a while (a store outage); the rest
 * of Credit Desk recovers by itself when the store returns, so the timers must too: this starts the
 * server again once it has stopped.
 */
@Component
class JobServerWatch implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(JobServerWatch.class);
    private static final long EVERY_SECONDS = 10;

    private final ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "dunning-job-server-watch");
        thread.setDaemon(true);
        return thread;
    });

    JobServerWatch(BackgroundJobServer server) {
        watch.scheduleWithFixedDelay(() -> {
            if (!server.isRunning()) {
                try {
                    server.start();
                    log.info("the dunning timers' job server runs again");
                } catch (RuntimeException e) {
                    log.warn("the dunning timers' job server cannot start yet: {}", e.toString());
                }
            }
        }, EVERY_SECONDS, EVERY_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void destroy() {
        watch.shutdownNow();
    }
}
