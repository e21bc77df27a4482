package com.creditdesk.platform.clock;

import com.mongodb.client.MongoDatabase;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    @Bean(destroyMethod = "uninstall")
    @ConditionalOnMissingBean // the standalone mode shares one clock between both sides
    CreditDeskClock creditDeskClock(MongoDatabase database,
                                    @Value("${creditdesk.clock.adjustable:false}") boolean adjustable) {
        return CreditDeskClock.install(database, adjustable);
    }
}
