package com.creditdesk.platform.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The OpenAPI 3 document of each side (springdoc, generated from the controllers): its title and conventions, the
 * security schemes, the problem+json shape, and one {@link OperationCustomizer} that adds the contract's error answers
 * to every operation, so no controller has to repeat them. Each side declares its own {@link OpenAPI} bean with
 * {@link #document} and its customizer with {@link #problemAnswers}; the paths and shapes are the code's.
 */
public final class ApiDocumentation {
    public static final String PROBLEM = "Problem";
    public static final String BASIC = "basicAuth";
    public static final String BEARER = "bearerAuth";
    /** Where the prose of the contract lives in the repository (relative to the repository's root). */
    public static final String CONTRACT = "docs/CONTRACT.md";

    /** The conventions both sides share, in Markdown (the description of each document ends with them). */
    public static final String CONVENTIONS = """
            ## Conventions (see `docs/CONTRACT.md` and `docs/DOMAIN.md` in the repository)
            - **JSON, camelCase.** Instants are ISO-8601 UTC (`2026-03-01T09:30:00Z`), dates ISO-8601 (`2026-03-01`).
            - **Amounts** are JSON numbers read exactly as decimals (never binary floating point), with **at most 2
              decimals**, greater than 0 unless stated (a limit may be 0). A string, a boolean or a third decimal is a
              `400`. One currency per account (ISO 4217, three capitals): a command in another currency is refused (`409`).
            - **Ids** (`customerId`, `orderId`, `invoiceId`, `paymentId`, `signalId`, `securityId`) come from the caller:
              1–64 characters of `A-Z a-z 0-9 . _ -`. Order, invoice and payment ids are unique across the system.
            - **Idempotency**: the same command with the same id and the same content returns the same answer and
              records nothing new; the same id with other content is a `409`.
            - **Errors** are `application/problem+json` (RFC 9457, schema `Problem`): `400` malformed or invalid input
              (with `errors: [{field, message}]`), `401` not authenticated, `403` role not allowed (four eyes
              included), `404` unknown account, order or invoice, `409` a conflict or a rule of the domain refusing
              the command (`detail` says which rule, `rule` names it), `413` a body over 64 KiB, `415` a body of
              another media type. Nothing is recorded for a refused command; bad input is never a `500`.
            - **Authentication**: HTTP Basic (scheme `basicAuth`); where production configures an issuer, OAuth2
              bearer tokens (JWT, scheme `bearerAuth`) whose `roles` claim carries the same roles.
            - **Roles**: `INTEGRATION` (ERP, bank and insurer feeds), `SALES` (account managers), `CREDIT` (credit
              controllers), `ANALYST` (analysts, auditors), `ADMIN` (operators). Each operation's description says
              which roles may call it; any other authenticated role gets a `403`.
            - Every event records who caused it (the authenticated principal) and when.
            """;

    private ApiDocumentation() {
    }

    /** A side's document: its title, what it is, the shared conventions, both security schemes, the problem schema. */
    public static OpenAPI document(String title, String about, String version) {
        return new OpenAPI()
                .info(new Info().title(title).version(version)
                        .description(about.strip() + "\n\n" + CONVENTIONS)
                        .license(new License().name("Credit Desk contract v1").url(CONTRACT)))
                .servers(List.of(new Server().url("/").description("this instance")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A configured user (the standalone mode ships demo users, e.g. erp:erp)"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("Only where an OAuth2 issuer or key is configured; the token's roles "
                                        + "claim carries the roles"))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema<?> problemSchema() {
        Schema fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the field, parameter or `body`"))
                .addProperty("message", new StringSchema());
        fieldError.setRequired(List.of("field", "message"));
        Schema problem = new ObjectSchema()
                .description("RFC 9457 problem details, sent as application/problem+json")
                .addProperty("type", new StringSchema().format("uri")
                        .example("https://creditdesk.example/problems/bad-request"))
                .addProperty("title", new StringSchema().example("Invalid request"))
                .addProperty("status", new IntegerSchema().example(400))
                .addProperty("detail", new StringSchema().example("The request has invalid fields"))
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema().items(fieldError)
                        .description("for 400: each invalid field with what is wrong with it"))
                .addProperty("rule", new StringSchema()
                        .description("for 409 refused by a domain rule: the rule's name"));
        problem.setRequired(List.of("type", "title", "status", "detail"));
        return problem;
    }

    /**
     * Adds the problem+json answers that apply to every operation: {@code 401} and {@code 403} everywhere (the
     * documentation itself is open, the API is not); {@code 400} where the operation reads a body, a parameter or a
     * path variable; {@code 413} and {@code 415} where it reads a body; {@code 404} where the path names something (an
     * account, order, invoice, projection, group); {@code 409} on the operations {@code conflicts} selects. Answers a controller
     * documents itself are kept.
     */
    public static OperationCustomizer problemAnswers(Predicate<HandlerMethod> conflicts) {
        return (operation, handler) -> {
            if (operation.getResponses() == null) {
                operation.setResponses(new ApiResponses());
            }
            Map<String, String> answers = new LinkedHashMap<>();
            MethodParameter[] parameters = handler.getMethodParameters();
            boolean body = Arrays.stream(parameters).anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
            boolean pathVariables = Arrays.stream(parameters).anyMatch(p -> p.hasParameterAnnotation(PathVariable.class));
            boolean input = body || pathVariables
                    || Arrays.stream(parameters).anyMatch(p -> p.hasParameterAnnotation(RequestParam.class));
            if (input) {
                answers.put("400", "Malformed or invalid input: `errors` names each bad field or parameter");
            }
            answers.put("401", "Not authenticated (HTTP Basic, or a bearer token where configured)");
            answers.put("403", "The caller's role may not do this (four eyes included)");
            if (pathVariables || isClock(handler)) {
                answers.put("404", isClock(handler)
                        ? "The clock is not adjustable here (`creditdesk.clock.adjustable=false`)"
                        : "Unknown account, order, invoice or other resource named in the path");
            }
            if (conflicts.test(handler)) {
                answers.put("409", "A conflict (the same id with other content) or a rule of the domain refusing the "
                        + "command: `detail` says which rule, `rule` names it; nothing is recorded");
            }
            if (body) {
                answers.put("413", "The body is larger than 64 KiB");
                answers.put("415", "The body's `Content-Type` is not one the operation reads (`application/json`, "
                        + "or the one it names)");
            }
            answers.forEach((status, description) -> {
                if (!operation.getResponses().containsKey(status)) {
                    operation.getResponses().addApiResponse(status, problem(description));
                }
            });
            return operation;
        };
    }

    /** The command side's writes: every one may meet a conflict or a domain rule. */
    public static boolean writes(HandlerMethod handler) {
        return handler.hasMethodAnnotation(PostMapping.class) || handler.hasMethodAnnotation(PutMapping.class)
                || handler.hasMethodAnnotation(DeleteMapping.class) || handler.hasMethodAnnotation(PatchMapping.class);
    }

    private static boolean isClock(HandlerMethod handler) {
        return handler.getBeanType().getSimpleName().equals("ClockController");
    }

    public static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    /** Appends a line naming the roles allowed to an operation's description. */
    public static Operation roles(Operation operation, String roles) {
        String description = operation.getDescription() == null ? "" : operation.getDescription() + "\n\n";
        return operation.description(description + "**Roles:** " + roles);
    }
}
