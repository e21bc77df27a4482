package com.creditdesk.platform.store.upcasting;

import com.creditdesk.api.order.BlockReason;
import com.creditdesk.api.order.OrderEvents.OrderAccepted;
import com.creditdesk.api.order.OrderEvents.OrderBlocked;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.Set;

/**
 * Revision 1 of OrderAccepted and OrderBlocked recorded a decision without {@code onHold}; from
 * revision 2 the decision records it, so a decision can be reproduced from its inputs alone. In
 * revision 1 a hold showed only as the reason ACCOUNT_ON_HOLD, which is exactly what it is derived from.
 */
public class DecisionOnHoldUpcaster extends SingleEventUpcaster {
    private static final Set<String> TYPES = Set.of(OrderAccepted.class.getName(), OrderBlocked.class.getName());
    private static final String FROM = "1";
    private static final String TO = "2";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return TYPES.contains(representation.getType().getName())
                && FROM.equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(new SimpleSerializedType(representation.getType().getName(), TO),
                JsonNode.class, DecisionOnHoldUpcaster::addOnHold);
    }

    private static JsonNode addOnHold(JsonNode event) {
        ObjectNode decision = (ObjectNode) event.get("decision");
        if (decision != null && !decision.has("onHold")) {
            boolean onHold = false;
            for (JsonNode reason : event.path("reasons")) {
                onHold |= BlockReason.ACCOUNT_ON_HOLD.name().equals(reason.asText());
            }
            decision.put("onHold", onHold);
        }
        return event;
    }
}
