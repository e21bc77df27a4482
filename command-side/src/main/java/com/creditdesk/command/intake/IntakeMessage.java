package com.creditdesk.command.intake;

import com.creditdesk.platform.web.validation.Id;
import com.creditdesk.platform.web.validation.OptionalId;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;

/**
 * A command as a message: {@code {"messageId", "type", "customerId"?, "orderId"?, "body": {…}}}; the ids an endpoint
 * takes from its path travel beside the body, which is the endpoint's request body.
 */
public record IntakeMessage(@Id String messageId, @NotBlank @Size(max = 40) String type, @OptionalId String customerId,
                            @OptionalId String orderId, JsonNode body) {
}
