package com.creditdesk.platform;

import com.creditdesk.platform.clock.ClockSettings;
import com.creditdesk.platform.security.JwtSettings;
import com.creditdesk.platform.store.NodeSettings;
import com.creditdesk.platform.store.ProjectionSettings;
import com.creditdesk.platform.store.StoreSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The platform's settings keep the defaults and the names they had as {@code @Value}s. */
class PlatformSettingsTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class);

    @EnableConfigurationProperties({ClockSettings.class, StoreSettings.class, NodeSettings.class,
            ProjectionSettings.class, JwtSettings.class})
    static class Settings {
    }

    @Test
    void withoutConfigurationTheDefaultsAreThoseOfBefore() {
        runner.run(context -> {
            assertThat(context.getBean(ClockSettings.class)).isEqualTo(new ClockSettings(false));
            assertThat(context.getBean(StoreSettings.class)).isEqualTo(new StoreSettings(false, 10));
            assertThat(context.getBean(NodeSettings.class).nodeId()).isEmpty();
            assertThat(context.getBean(ProjectionSettings.class)).isEqualTo(new ProjectionSettings(
                    Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(6), Duration.ofSeconds(3)));
            assertThat(context.getBean(JwtSettings.class)).isEqualTo(new JwtSettings("roles"));
        });
    }

    @Test
    void theEnvironmentVariablesOfTheReadmeStillBind() {
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().replace(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
                        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                                "CREDITDESK_CLOCK_ADJUSTABLE", "true",
                                "CREDITDESK_STORE_EMBEDDED", "true",
                                "CREDITDESK_STORE_POLLINTERVALMS", "25",
                                "CREDITDESK_NODEID", "query-1",
                                "CREDITDESK_PROJECTIONS_CLAIMTIMEOUT", "20s",
                                "CREDITDESK_PROJECTIONS_HEARTBEATINTERVAL", "500ms",
                                "CREDITDESK_PROJECTIONS_INSTANCETIMEOUT", "4s",
                                "CREDITDESK_PROJECTIONS_RELEASEFOR", "1m",
                                "CREDITDESK_SECURITY_JWT_ROLESCLAIM", "groups")))).run(context -> {
            assertThat(context.getBean(ClockSettings.class)).isEqualTo(new ClockSettings(true));
            assertThat(context.getBean(StoreSettings.class)).isEqualTo(new StoreSettings(true, 25));
            assertThat(context.getBean(NodeSettings.class).nodeId()).isEqualTo("query-1");
            assertThat(context.getBean(ProjectionSettings.class)).isEqualTo(new ProjectionSettings(
                    Duration.ofSeconds(20), Duration.ofMillis(500), Duration.ofSeconds(4), Duration.ofMinutes(1)));
            assertThat(context.getBean(JwtSettings.class)).isEqualTo(new JwtSettings("groups"));
        });
    }
}
