package com.creditdesk.platform.apidocs;

import io.swagger.v3.core.converter.ModelConverter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What both sides' OpenAPI documents share; each side declares its own document (see {@link ApiDocumentation}). */
@Configuration(proxyBeanMethods = false)
public class ApiDocsConfiguration {

    @Bean
    ModelConverter constraintsModelResolver() {
        return new ConstraintsModelResolver();
    }
}
