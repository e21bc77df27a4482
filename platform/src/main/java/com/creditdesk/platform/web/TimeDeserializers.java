package com.creditdesk.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/**
 * Reads dates and instants only as the contract writes them, ISO-8601 strings ({@code 2026-03-01},
 * {@code 2026-03-01T09:30:00Z}). Jackson's own readers are lenient: a number is taken as days or seconds
 * since 1970, an empty string as no value and an instant as its day, so a wrongly typed date would be
 * recorded instead of refused.
 */
final class TimeDeserializers {
    /** What a date must look like, as answers name it (bodies and query parameters alike). */
    static final String DATE_EXPECTED = "a date such as 2026-03-01";
    /** What an instant must look like, as answers name it (bodies and query parameters alike). */
    static final String INSTANT_EXPECTED = "an instant such as 2026-03-01T09:30:00Z";

    private TimeDeserializers() {
    }

    static ValueDeserializer<LocalDate> dates() {
        return new Strict<>(LocalDate.class, LocalDate::parse, DATE_EXPECTED);
    }

    static ValueDeserializer<Instant> instants() {
        return new Strict<>(Instant.class, Instant::parse, INSTANT_EXPECTED);
    }

    private static final class Strict<T> extends ValueDeserializer<T> {
        private final Class<T> type;
        private final Function<String, T> parse;
        private final String expected;

        Strict(Class<T> type, Function<String, T> parse, String expected) {
            this.type = type;
            this.parse = parse;
            this.expected = expected;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return type.cast(context.handleUnexpectedToken(type, parser));
            }
            String text = parser.getString();
            try {
                return parse.apply(text);
            } catch (DateTimeParseException e) {
                return type.cast(context.handleWeirdStringValue(type, text, "must be " + expected));
            }
        }
    }
}
