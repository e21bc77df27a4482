package com.creditdesk.platform.store;

import com.creditdesk.api.common.EventFamilies;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every event type of the shared API (the members of its sealed event families), each
 * with a deterministic sample built from its components, so a new event or field is never missed.
 */
final class EventSamples {
    private EventSamples() {
    }

    static Stream<Class<?>> eventTypes() {
        return EventFamilies.all().stream();
    }

    static Object sample(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i].getName(), components[i].getGenericType());
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a sample " + type.getName(), e);
        }
    }

    private static Object value(String name, Type type) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            return List.of(value(name, list.getActualTypeArguments()[0]));
        }
        Class<?> raw = (Class<?>) type;
        if (raw == String.class) {
            return name + "-1";
        }
        if (raw == BigDecimal.class) {
            return new BigDecimal("1234.56");
        }
        if (raw == LocalDate.class) {
            return LocalDate.of(2026, 3, 1);
        }
        if (raw == Instant.class) {
            return Instant.parse("2026-03-01T09:30:00Z");
        }
        if (raw == int.class || raw == Integer.class) {
            return 30;
        }
        if (raw == long.class || raw == Long.class) {
            return 7L;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (raw.isRecord()) {
            return sample(raw);
        }
        throw new IllegalArgumentException("no sample value for " + type + " (" + name + ")");
    }
}
