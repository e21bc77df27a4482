package com.creditdesk.platform.clock;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.GenericEventMessage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
public class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean // the standalone mode shares one clock between both sides
    CreditDeskClock creditDeskClock(MongoDatabase database,
                                    @Value("${creditdesk.clock.adjustable:false}") boolean adjustable) {
        CreditDeskClock clock = new CreditDeskClock(Clock.systemUTC(), database, adjustable);
        // Axon stamps events and deadlines with its own static clock: point it at ours
        GenericEventMessage.clock = clock;
        return clock;
    }
}
