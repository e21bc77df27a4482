package com.creditdesk.query.live;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The live views' settings keep the defaults and the names they had as {@code @Value}s. */
class LiveSettingsTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @EnableConfigurationProperties(LiveSettings.class)
    static class Settings {
    }

    @Test
    void withoutConfigurationTheDefaultsAreThoseOfBefore() {
        runner.run(context -> assertThat(context.getBean(LiveSettings.class)).isEqualTo(new LiveSettings(
                Duration.ofMillis(5), Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofMillis(100))));
    }

    @Test
    void eachSettingBindsUnderItsName() {
        runner.withPropertyValues("creditdesk.live.relay-poll-interval=20ms", "creditdesk.live.relay-max-wait=2m",
                "creditdesk.live.heartbeat=30s", "creditdesk.live.worklist-spacing=250ms").run(context ->
                assertThat(context.getBean(LiveSettings.class)).isEqualTo(new LiveSettings(
                        Duration.ofMillis(20), Duration.ofMinutes(2), Duration.ofSeconds(30), Duration.ofMillis(250))));
    }
}
