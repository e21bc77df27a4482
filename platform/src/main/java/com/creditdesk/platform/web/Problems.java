package com.creditdesk.platform.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the contract's problem+json bodies, with a stable {@code type} URI per kind of problem. */
public final class Problems {
    public static final MediaType MEDIA_TYPE = MediaType.APPLICATION_PROBLEM_JSON;
    private static final String TYPE_BASE = "https://creditdesk.example/problems/";

    private Problems() {
    }

    public static ProblemDetail problem(HttpStatusCode status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(typeFor(status));
        return problem;
    }

    public static ProblemDetail invalid(String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    /** A domain rule refused the command; {@code rule} names it for clients that branch on it. */
    public static ProblemDetail ruleViolated(String rule, String detail) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Refused by a rule of the domain", detail);
        problem.setType(URI.create(TYPE_BASE + "rule/" + rule.toLowerCase().replace('_', '-')));
        problem.setProperty("rule", rule);
        return problem;
    }

    public static Map<String, String> fieldError(String field, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    public static ResponseEntity<Object> response(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MEDIA_TYPE).body(problem);
    }

    /** The flat JSON shape of a problem, for writers outside Spring MVC's message encoders. */
    public static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    static URI typeFor(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        String name = known == null ? String.valueOf(status.value()) : known.name().toLowerCase().replace('_', '-');
        return URI.create(TYPE_BASE + name);
    }
}
