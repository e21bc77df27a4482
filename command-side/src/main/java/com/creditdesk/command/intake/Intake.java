package com.creditdesk.command.intake;

import com.creditdesk.command.common.CommandProblems;
import com.creditdesk.platform.web.Problems;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Commands that arrive as messages, handled as the endpoints handle them: the body read by the same strict JSON
 * mapper and checked by the same constraints, sent by the same code, answered with the same answer or problem. A
 * message refused (malformed, invalid, refused by the domain) is answered with its problem; trouble that may pass
 * (the store away) is thrown, so the broker delivers the message again.
 */
@Component
public class Intake {
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final Map<String, IntakeType<?>> types;
    private final JsonMapper json;
    private final Validator validator;

    Intake(List<IntakeType<?>> types, JsonMapper json, Validator validator) {
        this.types = types.stream().collect(Collectors.toMap(IntakeType::name, Function.identity()));
        this.json = json;
        this.validator = validator;
    }

    /** What became of a message: the endpoint's status and answer, or the problem that refused it. */
    public record Outcome(String messageId, String type, int status, Object answer, Map<String, Object> problem) {
        public boolean refused() {
            return problem != null;
        }
    }

    public Outcome handle(String raw, String actor) {
        IntakeMessage message;
        try {
            message = json.readValue(raw, IntakeMessage.class);
        } catch (JacksonException e) {
            return refused(null, null, Problems.problem(HttpStatus.BAD_REQUEST, "Malformed message",
                    "the message is not a command in JSON: " + e.getOriginalMessage()));
        }
        if (message == null) {
            return refused(null, null, Problems.problem(HttpStatus.BAD_REQUEST, "Malformed message", "no message"));
        }
        ProblemDetail invalid = invalid(message);
        IntakeType<?> type = types.get(message.type());
        if (invalid == null && type == null) {
            invalid = Problems.invalid("unknown type " + message.type(), List.of(Problems.fieldError("type",
                    "must be one of " + types.keySet().stream().sorted().toList())));
        }
        if (invalid != null) {
            return refused(message.messageId(), message.type(), invalid);
        }
        return handle(message, type, actor);
    }

    private <B> Outcome handle(IntakeMessage message, IntakeType<B> type, String actor) {
        ProblemDetail missing = missingIds(message, type.needs());
        if (missing != null) {
            return refused(message.messageId(), message.type(), missing);
        }
        if (message.body() == null || !message.body().isObject()) {
            return refused(message.messageId(), message.type(), Problems.invalid("the body must be a JSON object",
                    List.of(Problems.fieldError("body", "must be an object"))));
        }
        B body;
        try {
            body = json.treeToValue(message.body(), type.body());
        } catch (JacksonException e) {
            return refused(message.messageId(), message.type(), Problems.problem(HttpStatus.BAD_REQUEST,
                    "Invalid request", "the body cannot be read: " + e.getOriginalMessage()));
        }
        ProblemDetail invalid = invalid(body);
        if (invalid != null) {
            return refused(message.messageId(), message.type(), invalid);
        }
        try {
            Object answer = type.sender().send(message, body, actor).block(TIMEOUT);
            return new Outcome(message.messageId(), message.type(), type.status(), answer, null);
        } catch (RuntimeException e) {
            ProblemDetail refusal = CommandProblems.refusalIn(e);
            if (refusal == null) {
                throw e; // may pass: the message is delivered again
            }
            return refused(message.messageId(), message.type(), refusal);
        }
    }

    private static ProblemDetail missingIds(IntakeMessage message, IntakeType.Needs needs) {
        if (needs != IntakeType.Needs.NOTHING && message.customerId() == null) {
            return Problems.invalid("customerId must be given", List.of(Problems.fieldError("customerId",
                    "must be given")));
        }
        if (needs == IntakeType.Needs.CUSTOMER_AND_ORDER && message.orderId() == null) {
            return Problems.invalid("orderId must be given", List.of(Problems.fieldError("orderId", "must be given")));
        }
        return null;
    }

    private ProblemDetail invalid(Object value) {
        Set<? extends ConstraintViolation<?>> violations = validator.validate(value);
        if (violations.isEmpty()) {
            return null;
        }
        return Problems.invalid("The request has invalid fields", violations.stream()
                .sorted(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                .map(violation -> Problems.fieldError(violation.getPropertyPath().toString(), violation.getMessage()))
                .toList());
    }

    private static Outcome refused(String messageId, String type, ProblemDetail problem) {
        return new Outcome(messageId, type, problem.getStatus(), null, Problems.asMap(problem));
    }
}
