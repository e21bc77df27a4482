package com.creditdesk.platform.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.config.WebFluxConfigurer;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Function;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * Request bodies are read strictly: a number must be a JSON number (never a string or a float read
 * as binary), unknown fields and nulls for primitives are errors, amounts are read as exact decimals.
 */
@Configuration(proxyBeanMethods = false)
@Import(ProblemHandling.class)
public class WebConfiguration implements WebFluxConfigurer {
    /** The contract's limit for a request body; a larger one is answered with 413. */
    public static final int MAX_BODY_BYTES = 64 * 1024;

    @Override
    public void configureHttpMessageCodecs(ServerCodecConfigurer configurer) {
        configurer.defaultCodecs().maxInMemorySize(MAX_BODY_BYTES);
    }

    /**
     * Query parameters and path variables of date and instant types are read as strictly as bodies: only
     * ISO-8601 ({@code 2026-03-01}, {@code 2026-03-01T09:30:00Z}). Spring's own formatter for instants also
     * takes a number as milliseconds since 1970 and an RFC 1123 date. A value that does not parse is
     * answered by {@link ProblemHandling} naming the parameter and the expected form.
     */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(Instant.class, new Iso<>(Instant::parse)); // added last, so it wins
        registry.addFormatterForFieldType(LocalDate.class, new Iso<>(LocalDate::parse));
    }

    private record Iso<T>(Function<String, T> parse) implements Formatter<T> {
        @Override
        public T parse(String text, Locale locale) {
            return parse.apply(text); // a blank value never gets here: Spring reads it as no value
        }

        @Override
        public String print(T value, Locale locale) {
            return value.toString();
        }
    }

    @Bean
    JsonMapperBuilderCustomizer strictRequestBodies() {
        return builder -> builder
                .addModule(new SimpleModule("money").addDeserializer(BigDecimal.class, new MoneyDeserializer()))
                .addModule(new SimpleModule("strict-time").addDeserializer(LocalDate.class, TimeDeserializers.dates())
                        .addDeserializer(Instant.class, TimeDeserializers.instants()))
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Enum, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
    }
}
