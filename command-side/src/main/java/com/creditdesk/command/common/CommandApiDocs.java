package com.creditdesk.command.common;

import com.creditdesk.platform.apidocs.ApiDocumentation;
import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The command side's OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
class CommandApiDocs {

    @Bean
    OpenAPI commandSideDocument() {
        return ApiDocumentation.document("Credit Desk — command side", """
                The command API of Credit Desk (port 8080 by default): every order, limit, payment and decision on a
                customer's credit account is sent here and recorded as an event on that customer's account (one
                aggregate per customer, credit policy v1). The answer comes once the events are stored; the views of
                the query side follow within milliseconds (eventually consistent).

                Order decisions come back at once with every reason and the inputs they were taken on. Ids come
                from the caller, so a command sent again (after a timeout, say) is answered as the first time and
                recorded once.""", "v1");
    }

    /** Every write may meet the same id with other content, or a rule of the domain: 409. */
    @Bean
    OperationCustomizer commandProblemAnswers() {
        return ApiDocumentation.problemAnswers(ApiDocumentation::writes);
    }
}
