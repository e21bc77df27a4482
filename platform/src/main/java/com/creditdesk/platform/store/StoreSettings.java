package com.creditdesk.platform.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a side uses its store ({@code creditdesk.store}); where the store is, is {@link StoreProperties}.
 *
 * @param embedded       the store is the standalone mode's embedded server although it runs in another JVM (a side
 *                       started on its own against it), so what that server cannot do is worked around
 * @param pollIntervalMs how often, in milliseconds, an idle side looks for events another process appended
 */
@ConfigurationProperties("creditdesk.store")
public record StoreSettings(@DefaultValue("false") boolean embedded, @DefaultValue("10") long pollIntervalMs) {
}
