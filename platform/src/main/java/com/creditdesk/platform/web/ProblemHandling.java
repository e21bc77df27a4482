package com.creditdesk.platform.web;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.databind.DatabindException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Translates what goes wrong at the HTTP edge into RFC 9457 problem details: invalid input is a 400
 * that names each bad field, an oversized body a 413. Domain refusals are mapped by each side.
 */
@RestControllerAdvice
public class ProblemHandling extends ResponseEntityExceptionHandler {

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<Map<String, String>> errors = ex.getFieldErrors().stream()
                .map(error -> Problems.fieldError(error.getField(), error.getDefaultMessage()))
                .collect(Collectors.toList());
        ex.getGlobalErrors().forEach(error -> errors.add(Problems.fieldError(error.getObjectName(), error.getDefaultMessage())));
        ProblemDetail problem = Problems.invalid("The request has invalid fields", errors);
        return Mono.just(ResponseEntity.badRequest().contentType(Problems.MEDIA_TYPE).body(problem));
    }

    /** Constraint violations on path variables, parameters and bodies of one handler method. */
    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            if (result instanceof ParameterErrors bean) {
                bean.getFieldErrors().forEach(error -> errors.add(Problems.fieldError(error.getField(),
                        error.getDefaultMessage())));
            } else {
                String name = result.getMethodParameter().getParameterName();
                result.getResolvableErrors().forEach(error -> errors.add(Problems.fieldError(name,
                        error.getDefaultMessage())));
            }
        }
        return Mono.just(ResponseEntity.badRequest().contentType(Problems.MEDIA_TYPE)
                .body(Problems.invalid("The request has invalid fields", errors)));
    }

    /** A required query parameter, header or path variable left out: a 400 that names it, as for a field. */
    @Override
    protected Mono<ResponseEntity<Object>> handleMissingRequestValueException(MissingRequestValueException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        String detail = "Required " + ex.getLabel() + " '" + ex.getName() + "' is not present";
        return Mono.just(ResponseEntity.badRequest().contentType(Problems.MEDIA_TYPE)
                .body(Problems.invalid(detail, List.of(Problems.fieldError(ex.getName(), "must be given")))));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        Throwable cause = rootCauseOf(ex, DataBufferLimitException.class);
        if (cause != null) {
            return Mono.just(Problems.response(Problems.problem(HttpStatus.CONTENT_TOO_LARGE,
                    "Request body too large", "The body is larger than the 64 KiB a request may carry")));
        }
        DatabindException databind = rootCauseOf(ex, DatabindException.class);
        if (databind != null) {
            String field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            String message = field.isEmpty() ? "the body is not the expected JSON object" : readable(databind);
            return Mono.just(ResponseEntity.badRequest().contentType(Problems.MEDIA_TYPE)
                    .body(Problems.invalid("The request body could not be read",
                            List.of(Problems.fieldError(field.isEmpty() ? "body" : field, message)))));
        }
        String detail = ex.getReason() != null ? ex.getReason() : "The request could not be read";
        if (rootCauseOf(ex, tools.jackson.core.JacksonException.class) != null) {
            detail = "The body is not well-formed JSON";
        }
        return Mono.just(ResponseEntity.badRequest().contentType(Problems.MEDIA_TYPE)
                .body(Problems.invalid(detail, List.of(Problems.fieldError(
                        ex.getMethodParameter() != null && ex.getMethodParameter().getParameterName() != null
                                ? ex.getMethodParameter().getParameterName() : "body", detail)))));
    }

    @ExceptionHandler(DataBufferLimitException.class)
    ResponseEntity<Object> tooLarge(DataBufferLimitException ex) {
        return Problems.response(Problems.problem(HttpStatus.CONTENT_TOO_LARGE, "Request body too large",
                "The body is larger than the 64 KiB a request may carry"));
    }

    @Override
    protected Mono<ResponseEntity<Object>> createResponseEntity(Object body, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        if (body instanceof ProblemDetail problem) {
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                problem.setType(Problems.typeFor(status));
            }
            if (problem.getDetail() == null) {
                problem.setDetail(status.value() == HttpStatus.CONTENT_TOO_LARGE.value()
                        ? "The body is larger than the 64 KiB a request may carry" : problem.getTitle());
            }
        }
        return super.createResponseEntity(body, headers, status, exchange)
                .map(entity -> ResponseEntity.status(entity.getStatusCode()).headers(entity.getHeaders())
                        .contentType(Problems.MEDIA_TYPE).body(entity.getBody()));
    }

    private static String readable(DatabindException ex) {
        String message = ex.getOriginalMessage();
        if (message == null) {
            return "invalid value";
        }
        // Jackson names Java types; a client needs to know only what was wrong with the value
        int cut = message.indexOf(" (");
        message = cut > 0 ? message.substring(0, cut) : message;
        return message.replaceAll("`[a-z]+(\\.[a-zA-Z0-9_$]+)+`", "value").replaceAll("\\s+", " ").trim();
    }

    private static <T extends Throwable> T rootCauseOf(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
