package com.creditdesk.platform.clock;

import com.mongodb.client.MongoDatabase;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ClockSettings.class)
public class ClockConfiguration {

    @Bean(destroyMethod = "uninstall")
    @ConditionalOnMissingBean // the standalone mode shares one clock between both sides
    CreditDeskClock creditDeskClock(MongoDatabase database, ClockSettings settings) {
        return CreditDeskClock.install(database, settings.adjustable());
    }
}
