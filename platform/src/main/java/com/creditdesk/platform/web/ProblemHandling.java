package com.creditdesk.platform.web;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
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

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
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
        TypeMismatchException mismatch = rootCauseOf(ex, TypeMismatchException.class);
        if (mismatch != null && ex.getMethodParameter() != null) {
            return Mono.just(ResponseEntity.badRequest().contentType(Problems.MEDIA_TYPE)
                    .body(mismatched(ex.getMethodParameter(), mismatch)));
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

    /**
     * A query parameter, path variable or header whose text is not of its type (Spring says only "Type
     * mismatch."): names the parameter and the form it must have.
     */
    private static ProblemDetail mismatched(MethodParameter parameter, TypeMismatchException mismatch) {
        String name = parameter.getParameterName();
        String label = "parameter";
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (param != null) {
            name = param.name().isEmpty() ? name : param.name();
            label = "query parameter";
        } else if (path != null) {
            name = path.name().isEmpty() ? name : path.name();
            label = "path variable";
        } else if (header != null) {
            name = header.name().isEmpty() ? name : header.name();
            label = "header";
        }
        String expected = expected(parameter.getNestedParameterType());
        String given = mismatch.getValue() == null ? "" : String.valueOf(mismatch.getValue());
        given = given.length() > 100 ? given.substring(0, 100) + "…" : given;
        return Problems.invalid("The " + label + " '" + name + "' must be " + expected + ", not '" + given + "'",
                List.of(Problems.fieldError(name, expected)));
    }

    private static String expected(Class<?> type) {
        if (type == Instant.class) {
            return TimeDeserializers.INSTANT_EXPECTED;
        }
        if (type == LocalDate.class) {
            return TimeDeserializers.DATE_EXPECTED;
        }
        if (type == int.class || type == Integer.class) {
            return "a whole number (at most " + Integer.MAX_VALUE + ")";
        }
        if (type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        return "a value of type " + type.getSimpleName();
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
