package com.creditdesk.command;

import com.creditdesk.platform.PlatformConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The command side: the customer credit account aggregate behind the command API. */
@SpringBootApplication
@Import(PlatformConfiguration.class)
public class CommandSideApplication {

    /** Its configuration file is command-side.yml, so both sides can share one classpath in standalone mode. */
    public static final String CONFIG_NAME = "command-side";

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        new SpringApplicationBuilder(CommandSideApplication.class).properties("spring.config.name=" + CONFIG_NAME).run(args);
    }
}
