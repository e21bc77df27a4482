package com.creditdesk.command.common;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.Executors;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AggregateSettings.class)
class CommandHandlingConfiguration {

    /**
     * Two writers on one account (threads or command-side instances) meet at the store's unique
     * (aggregate, sequence) key; the loser is retried here against fresh state, never shown to the client.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(IntervalRetryScheduler.builder()
                        .retryExecutor(Executors.newSingleThreadScheduledExecutor())
                        .retryInterval(10)
                        .maxRetryCount(20)
                        .build())
                .build();
    }

    /** Snapshot after {@code snapshot.threshold} events, so loading an account reads one snapshot and a short tail. */
    @Bean
    SnapshotTriggerDefinition accountSnapshotTrigger(Snapshotter snapshotter,
                                                     AggregateSettings settings) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, settings.snapshot().threshold());
    }

    /** Hot accounts stay loaded between commands; bounded by count and held strongly, so GC never drops them. */
    @Bean(destroyMethod = "close")
    CacheManager aggregateCacheManager() {
        return CacheManagerBuilder.newCacheManagerBuilder().build(true);
    }

    @Bean
    Cache accountCache(CacheManager aggregateCacheManager, AggregateSettings settings) {
        // a cache manager builds Ehcache instances, the type Axon's adapter takes
        return new EhCache3Adapter((Ehcache<Object, Object>) aggregateCacheManager.createCache("accounts",
                CacheConfigurationBuilder.newCacheConfigurationBuilder(Object.class, Object.class,
                        ResourcePoolsBuilder.heap(settings.aggregateCache().accounts()))));
    }
}
