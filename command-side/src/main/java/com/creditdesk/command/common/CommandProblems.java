package com.creditdesk.command.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.creditdesk.command.refusal.Refusal;
import com.creditdesk.platform.clock.CreditDeskClock.ClockCannotGoBack;
import com.creditdesk.platform.web.Problems;
import com.mongodb.MongoException;
import com.creditdesk.api.application.ApplicationCommands;
import com.creditdesk.api.group.GroupCommands;
import org.axonframework.modelling.command.AggregateNotFoundException;
import com.creditdesk.api.statement.StatementCommands;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;
import java.util.concurrent.TimeoutException;

/** Domain refusals and store trouble as problem+json: 404, 409 with the rule, 503 when the store is away. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CommandProblems {
    private static final Logger log = LoggerFactory.getLogger(CommandProblems.class);

    @ExceptionHandler(Refusal.class)
    ResponseEntity<Object> refused(Refusal e) {
        return Problems.response(problemFor(e));
    }

    /** The one table from the domain's refusals to HTTP (over HTTP and for the message intake). */
    public static ProblemDetail problemFor(Refusal refusal) {
        if (refusal instanceof Refusal.Violated violated) {
            return Problems.ruleViolated(violated.rule().name(), refusal.getMessage());
        }
        if (refusal instanceof Refusal.InvalidInput invalid) {
            return Problems.invalid(refusal.getMessage(), List.of(Problems.fieldError(invalid.field(), refusal.getMessage())));
        }
        if (refusal instanceof Refusal.FourEyes) {
            return Problems.problem(HttpStatus.FORBIDDEN, "Four eyes", refusal.getMessage());
        }
        return Problems.problem(HttpStatus.NOT_FOUND, "Not found", refusal.getMessage());
    }

    /** The refusal an exception carries (or its cause), as its problem; null for trouble that may pass. */
    public static ProblemDetail refusalIn(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof Refusal refusal) {
                return problemFor(refusal);
            }
            if (cause instanceof AggregateNotFoundException notFound) {
                return notFound(notFound);
            }
        }
        return null;
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> unknownAccount(AggregateNotFoundException e) {
        return Problems.response(notFound(e));
    }

    /** An account, group or application not known: named as what it is, not by its id in the store. */
    public static ProblemDetail notFound(AggregateNotFoundException e) {
        String id = String.valueOf(e.getAggregateIdentifier());
        String group = GroupCommands.aggregateId("");
        String application = ApplicationCommands.aggregateId("");
        String statement = StatementCommands.aggregateId("");
        String what = id.startsWith(group) ? "no group " + id.substring(group.length())
                : id.startsWith(application) ? "no application " + id.substring(application.length())
                : id.startsWith(statement) ? "no bank statement " + id.substring(statement.length())
                : "no account " + id;
        return Problems.problem(HttpStatus.NOT_FOUND, "Not found", what);
    }

    @ExceptionHandler(ClockCannotGoBack.class)
    ResponseEntity<Object> clockBack(ClockCannotGoBack e) {
        return Problems.response(Problems.ruleViolated("CLOCK_FORWARD_ONLY", e.getMessage()));
    }

    @ExceptionHandler({MongoException.class, TimeoutException.class})
    ResponseEntity<Object> storeUnavailable(Exception e) {
        log.warn("a command could not reach the store: {}", e.toString(), e);
        return Problems.response(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "Store unavailable",
                "The event store cannot be reached just now; retry the same command later (repeats are recorded once)"));
    }
}
