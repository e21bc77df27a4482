package com.creditdesk.platform.store;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * This instance's name towards the others sharing the store ({@code creditdesk.node-id}).
 *
 * @param nodeId the {@link NodeId} to use; blank (the default) generates one unique per start
 */
@ConfigurationProperties("creditdesk")
public record NodeSettings(@DefaultValue("") String nodeId) {

    NodeId toNodeId() {
        return nodeId.isBlank() ? NodeId.generated() : new NodeId(nodeId);
    }
}
