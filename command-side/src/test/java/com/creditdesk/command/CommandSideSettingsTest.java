package com.creditdesk.command;

import com.creditdesk.command.common.AggregateSettings;
import com.creditdesk.command.dunning.DunningSettings;
import com.creditdesk.command.dunning.MailSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The command side's settings keep the defaults and the names they had as {@code @Value}s. */
class CommandSideSettingsTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @EnableConfigurationProperties({AggregateSettings.class, DunningSettings.class, MailSettings.class})
    static class Settings {
    }

    @Test
    void withoutConfigurationTheDefaultsAreThoseOfBefore() {
        runner.run(context -> {
            AggregateSettings aggregates = context.getBean(AggregateSettings.class);
            assertThat(aggregates.snapshot().threshold()).isEqualTo(250);
            assertThat(aggregates.aggregateCache().accounts()).isEqualTo(10_000);
            assertThat(context.getBean(DunningSettings.class).pollInterval()).isEqualTo(Duration.ofSeconds(5));
            assertThat(context.getBean(MailSettings.class).from()).isEqualTo("credit-desk@localhost");
        });
    }

    @Test
    void eachSettingBindsUnderItsName() {
        runner.withPropertyValues("creditdesk.snapshot.threshold=100", "creditdesk.aggregate-cache.accounts=500",
                "creditdesk.dunning.poll-interval=1s", "creditdesk.mail.from=credit@example.com").run(context -> {
            AggregateSettings aggregates = context.getBean(AggregateSettings.class);
            assertThat(aggregates.snapshot().threshold()).isEqualTo(100);
            assertThat(aggregates.aggregateCache().accounts()).isEqualTo(500);
            assertThat(context.getBean(DunningSettings.class).pollInterval()).isEqualTo(Duration.ofSeconds(1));
            assertThat(context.getBean(MailSettings.class).from()).isEqualTo("credit@example.com");
        });
    }

    @Test
    void oneSettingOfAGroupLeavesTheOtherAtItsDefault() {
        runner.withPropertyValues("creditdesk.snapshot.threshold=100").run(context ->
                assertThat(context.getBean(AggregateSettings.class).aggregateCache().accounts()).isEqualTo(10_000));
    }
}
