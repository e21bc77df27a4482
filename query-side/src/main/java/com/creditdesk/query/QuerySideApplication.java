package com.creditdesk.query;

import com.creditdesk.platform.PlatformConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** The query side: projections in MongoDB fed by streaming event processors, and the query API. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(PlatformConfiguration.class)
public class QuerySideApplication {

    /** Its configuration file is query-side.yml, so both sides can share one classpath in standalone mode. */
    public static final String CONFIG_NAME = "query-side";

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        new SpringApplicationBuilder(QuerySideApplication.class).properties("spring.config.name=" + CONFIG_NAME).run(args);
    }
}
