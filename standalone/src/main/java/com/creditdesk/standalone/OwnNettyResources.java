package com.creditdesk.standalone;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Both sides share one JVM here. By default each would use Reactor Netty's global event loops, and
 * closing one side (a restart, a test's own instance) would dispose them under the other side's
 * server. Each side gets event loops of its own instead.
 */
@Configuration(proxyBeanMethods = false)
class OwnNettyResources {

    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory resources = new ReactorResourceFactory();
        resources.setUseGlobalResources(false);
        return resources;
    }
}
