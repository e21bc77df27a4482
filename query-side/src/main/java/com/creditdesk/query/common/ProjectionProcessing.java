package com.creditdesk.query.common;

import org.axonframework.config.EventProcessingConfigurer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

/**
 * One tracking processor feeds every projection: the store is read once per event rather than once
 * per projection, and one token per segment is written per batch, after the batch's views
 * ({@link ProjectionBatch}). Each projection keeps its own
 * processing group, so one can move to a processor of its own should it ever need to replay alone.
 */
@Configuration(proxyBeanMethods = false)
public class ProjectionProcessing {
    public static final String PROCESSOR = "projections";

    @Autowired
    void assignEveryGroup(EventProcessingConfigurer processing, ObjectProvider<ProjectionBatch.Prefetching> prefetching) {
        processing.assignProcessingGroup(group -> PROCESSOR);
        // each batch's documents read together and written together, before the token (ProjectionBatch)
        processing.registerHandlerInterceptor(PROCESSOR,
                configuration -> ProjectionBatch.interceptor(prefetching.orderedStream().toList()));
    }
}
