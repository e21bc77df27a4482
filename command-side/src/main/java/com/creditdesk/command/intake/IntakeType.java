package com.creditdesk.command.intake;

import reactor.core.publisher.Mono;

/**
 * A command integrating systems may send as a message, the same as over HTTP: its body is the endpoint's request
 * body (read and validated the same way) and it is sent by the same code. Each feature contributes its own.
 *
 * @param name     the message's {@code type}
 * @param body     the request body's type
 * @param needs    the ids of the path the message carries beside its body
 * @param status   the endpoint's status when it accepts it (201, or 200)
 * @param sender   sends it as the endpoint does and answers what the endpoint answers
 */
public record IntakeType<B>(String name, Class<B> body, Needs needs, int status, Sender<B> sender) {

    public enum Needs { NOTHING, CUSTOMER, CUSTOMER_AND_ORDER }

    public interface Sender<B> {
        Mono<?> send(IntakeMessage message, B body, String actor);
    }
}
