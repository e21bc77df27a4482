package com.creditdesk.platform.store;

import org.axonframework.serialization.Revision;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every event type of the shared API (the records nested in its {@code *Events} classes), each
 * with a deterministic sample built from its components, so a new event or field is never missed.
 */
final class EventSamples {
    private static final List<String> EVENT_HOLDERS = List.of(
            "com.creditdesk.api.account.AccountEvents", "com.creditdesk.api.order.OrderEvents",
            "com.creditdesk.api.invoice.InvoiceEvents", "com.creditdesk.api.payment.PaymentEvents",
            "com.creditdesk.api.signal.SignalEvents", "com.creditdesk.api.terms.TermsEvents",
            "com.creditdesk.api.dunning.DunningEvents", "com.creditdesk.api.application.ApplicationEvents");

    private EventSamples() {
    }

    static Stream<Class<?>> eventTypes() {
        return EVENT_HOLDERS.stream().flatMap(name -> {
            try {
                return Arrays.stream(Class.forName(name).getDeclaredClasses())
                        .filter(type -> type.isRecord() && type.isAnnotationPresent(Revision.class)); // not their parts
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        });
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
