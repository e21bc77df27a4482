package com.creditdesk.command.dunning;

import com.creditdesk.platform.embedded.EmbeddedMongo;
import com.creditdesk.platform.store.StoreProperties;
import com.creditdesk.platform.store.StoreSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.jobrunr.jobs.mappers.JobMapper;
import org.jobrunr.scheduling.JobScheduler;
import org.jobrunr.server.BackgroundJobServer;
import org.jobrunr.server.BackgroundJobServerConfiguration;
import org.jobrunr.storage.StorageProvider;
import org.jobrunr.storage.StorageProviderUtils.DatabaseOptions;
import org.jobrunr.storage.nosql.mongo.MongoDBStorageProvider;
import org.jobrunr.utils.mapper.jackson.JacksonJsonMapper;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Date;
import java.util.List;

/**
 * JobRunr keeps the dunning timers in the same MongoDB (collections {@code jobrunr_*}). It is wired
 * by hand rather than through its global {@code JobRunr.configure()}, so that several Credit Desk
 * instances in one JVM (the tests) each own theirs.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({DunningSettings.class, MailSettings.class, CourtesyCallSettings.class})
class DunningConfiguration {
    private static final String PREFIX = "jobrunr_";
    /**
     * JobRunr's migration 7 drops every index of its jobs collection and adds partial ones. The
     * embedded server answers the drop with an error (it never built the secondary indexes it was
     * asked for) and ignores partial indexes, so on the embedded store that migration is marked done.
     * The store is known as embedded when it runs in this JVM or when {@code creditdesk.store.embedded}
     * says so (a side started on its own against the standalone mode's store).
     */
    private static final String INDEX_REPLACEMENT = "M007_UpdateJobsCollectionReplaceIndices.class";

    @Bean
    StorageProvider dunningJobStore(MongoClient client, StoreProperties store, StoreSettings settings) {
        if (settings.embedded() || EmbeddedMongo.serves(store.uri())) {
            client.getDatabase(store.database()).getCollection(PREFIX + "migrations").replaceOne(
                    Filters.eq("_id", INDEX_REPLACEMENT),
                    new Document("_id", INDEX_REPLACEMENT).append("name", INDEX_REPLACEMENT).append("date", new Date()),
                    new ReplaceOptions().upsert(true));
        }
        MongoDBStorageProvider provider = new MongoDBStorageProvider(client, store.database(), PREFIX,
                DatabaseOptions.CREATE);
        provider.setJobMapper(new JobMapper(new JacksonJsonMapper()));
        return provider;
    }

    /**
     * The dunning processors start at the head of the store the first time they run: plans already
     * made live on in JobRunr, and mail for reminders recorded before must never go out again. After
     * that each goes on from its token.
     */
    @Autowired
    void startAtTheHead(EventProcessingConfigurer processing) {
        for (String group : List.of(DunningTimers.GROUP, ReminderMail.GROUP)) {
            processing.registerTrackingEventProcessorConfiguration(group, configuration ->
                    TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                            .andInitialTrackingToken(StreamableMessageSource::createHeadToken));
        }
    }

    @Bean
    JobScheduler dunningJobScheduler(StorageProvider dunningJobStore) {
        return new JobScheduler(dunningJobStore);
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    BackgroundJobServer dunningJobServer(StorageProvider dunningJobStore, ApplicationContext context,
                                         DunningSettings settings) {
        return new BackgroundJobServer(dunningJobStore, new JacksonJsonMapper(), context::getBean,
                BackgroundJobServerConfiguration.usingStandardBackgroundJobServerConfiguration()
                        .andPollInterval(settings.pollInterval()).andWorkerCount(2));
    }
}
