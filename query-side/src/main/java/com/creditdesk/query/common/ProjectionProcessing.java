package com.creditdesk.query.common;

import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * One tracking processor feeds every projection: the store is read once per event rather than once
 * per projection, and one token per segment is written per batch. Each projection keeps its own
 * processing group, so one can move to a processor of its own should it ever need to replay alone.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionProcessing {
    public static final String PROCESSOR = "projections";

    @Autowired
    void assignEveryGroup(EventProcessingConfigurer processing) {
        processing.assignProcessingGroup(group -> PROCESSOR);
    }
}
