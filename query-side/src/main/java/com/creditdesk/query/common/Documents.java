package com.creditdesk.query.common;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.bson.Document;

import java.util.Map;

/**
 * Views are stored as the records the API hands out: a record becomes a document (amounts as
 * Decimal128, dates and instants as ISO strings) and back, with the projection's own fields
 * ({@code _id}, {@code lastSequence}) beside it.
 */
public final class Documents {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Documents() {
    }

    @SuppressWarnings("unchecked")
    public static Document of(Object value) {
        return new Document(MAPPER.convertValue(value, Map.class));
    }

    public static <T> T to(Document doc, Class<T> type) {
        return MAPPER.convertValue(Bson.plain(doc), type);
    }

    /** A plain map (timeline details) as the record it was made from. */
    public static <T> T fromMap(Map<String, Object> fields, Class<T> type) {
        return MAPPER.convertValue(fields, type);
    }

    /** A payload as a plain map, for timeline details. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> asMap(Object value) {
        return MAPPER.convertValue(value, Map.class);
    }
}
