package com.creditdesk.command.common;

import com.creditdesk.platform.clock.CreditDeskClock.ClockCannotGoBack;
import com.creditdesk.platform.web.Problems;
import com.mongodb.MongoException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;
import java.util.concurrent.TimeoutException;

/** Domain refusals and store trouble as problem+json: 404, 409 with the rule, 503 when the store is away. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CommandProblems {

    @ExceptionHandler(CommandRefused.RuleViolated.class)
    ResponseEntity<Object> ruleViolated(CommandRefused.RuleViolated e) {
        return Problems.response(Problems.ruleViolated(e.rule(), e.getMessage()));
    }

    @ExceptionHandler(CommandRefused.NotFound.class)
    ResponseEntity<Object> notFound(CommandRefused.NotFound e) {
        return Problems.response(Problems.problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage()));
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> unknownAccount(AggregateNotFoundException e) {
        return Problems.response(Problems.problem(HttpStatus.NOT_FOUND, "Not found",
                "no account " + e.getAggregateIdentifier()));
    }

    @ExceptionHandler(CommandRefused.FourEyes.class)
    ResponseEntity<Object> fourEyes(CommandRefused.FourEyes e) {
        return Problems.response(Problems.problem(HttpStatus.FORBIDDEN, "Four eyes", e.getMessage()));
    }

    @ExceptionHandler(CommandRefused.InvalidInput.class)
    ResponseEntity<Object> invalid(CommandRefused.InvalidInput e) {
        return Problems.response(Problems.invalid(e.getMessage(), List.of(Problems.fieldError(e.field(), e.getMessage()))));
    }

    @ExceptionHandler(ClockCannotGoBack.class)
    ResponseEntity<Object> clockBack(ClockCannotGoBack e) {
        return Problems.response(Problems.ruleViolated("CLOCK_FORWARD_ONLY", e.getMessage()));
    }

    @ExceptionHandler({MongoException.class, TimeoutException.class})
    ResponseEntity<Object> storeUnavailable(Exception e) {
        return Problems.response(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Store unavailable",
                "The event store cannot be reached just now; retry the same command later (repeats are recorded once)"));
    }
}
