package com.creditdesk.platform;

import com.creditdesk.platform.apidocs.ApiDocsConfiguration;
import com.creditdesk.platform.clock.ClockConfiguration;
import com.creditdesk.platform.letters.LettersConfiguration;
import com.creditdesk.platform.metrics.AxonMetricsConfiguration;
import com.creditdesk.platform.security.SecurityConfiguration;
import com.creditdesk.platform.store.AxonMongoConfiguration;
import com.creditdesk.platform.store.StoreHealthIndicator;
import com.creditdesk.platform.web.WebConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Everything both sides share; each app imports it explicitly so its beans win over Axon's defaults. */
@Configuration(proxyBeanMethods = false)
@Import({AxonMongoConfiguration.class, StoreHealthIndicator.class, ClockConfiguration.class, WebConfiguration.class,
        SecurityConfiguration.class, AxonMetricsConfiguration.class, ApiDocsConfiguration.class,
        LettersConfiguration.class})
public class PlatformConfiguration {
}
