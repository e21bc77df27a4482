package com.creditdesk.query.support;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** One instance of any event record, with plain values in every component, for tests over all event types. */
public final class SampleEvents {
    private SampleEvents() {
    }

    private static Object of(RecordComponent component) {
        if (component.getGenericType() instanceof ParameterizedType generic) {
            Class<?> element = (Class<?>) generic.getActualTypeArguments()[0];
            return component.getType() == Set.class ? Set.of(of(element)) : List.of(of(element));
        }
        return of(component.getType());
    }

    public static Object of(Class<?> type) {
        if (type == String.class) {
            return "x";
        }
        if (type == BigDecimal.class) {
            return BigDecimal.TEN;
        }
        if (type == int.class || type == Integer.class) {
            return 1;
        }
        if (type == long.class || type == Long.class) {
            return 1L;
        }
        if (type == boolean.class || type == Boolean.class) {
            return false;
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 3, 1);
        }
        if (type == Instant.class) {
            return Instant.parse("2026-03-01T09:30:00Z");
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            try {
                return type.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType)
                        .toArray(Class[]::new)).newInstance(Arrays.stream(components)
                        .map(SampleEvents::of).toArray());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build a sample " + type.getSimpleName(), e);
            }
        }
        throw new IllegalArgumentException("no sample for " + type.getName());
    }
}
