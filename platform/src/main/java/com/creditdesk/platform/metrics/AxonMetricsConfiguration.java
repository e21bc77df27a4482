package com.creditdesk.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's message monitors as Micrometer meters, tagged by message type and processor: command
 * handling time on the command bus, and for each event processor how long after an event was
 * recorded it was handled (its lag), with counts of processed and failed messages. Wired here
 * because Axon's own auto-configuration does not find Spring Boot 4's meter registry.
 */
@Configuration(proxyBeanMethods = false)
public class AxonMetricsConfiguration {

    @Bean
    ConfigurerModule axonMessageMetrics(MeterRegistry registry) {
        return configurer -> new GlobalMetricRegistry(registry).registerWithConfigurerWithDefaultTags(configurer);
    }
}
