package com.creditdesk.query.common;

import com.creditdesk.platform.apidocs.ApiDocumentation;
import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The query side's OpenAPI document ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}). */
@Configuration(proxyBeanMethods = false)
class QueryApiDocs {

    @Bean
    OpenAPI querySideDocument() {
        return ApiDocumentation.document("Credit Desk — query side", """
                The query API of Credit Desk (port 8081 by default): the views both Sales and Credit read, kept by
                projections from the events the command side records, so they are **eventually consistent** (a
                few milliseconds behind a command). Accounts, the debtor timeline, orders and invoices, the sales
                and finance worklists, KPIs, live streams (`text/event-stream`: the current view first, then one
                event per change, heartbeat comments in between), the audit endpoints (an account as of any
                instant, rebuilt from the event store; the event export as NDJSON; a policy simulation) and the
                operators' endpoints (projection status and blue-green rebuilds, dead letters).""", "v1");
    }

    /** Queries refuse nothing by a domain rule; only a rebuild already running is a conflict (documented there). */
    @Bean
    OperationCustomizer queryProblemAnswers() {
        return ApiDocumentation.problemAnswers(handler -> false);
    }
}
