package com.creditdesk.query.common;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.bson.Document;
import org.bson.types.Decimal128;

import java.lang.reflect.Array;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Views are stored as the records the API hands out: a record becomes a document (amounts as
 * Decimal128, dates and instants as ISO strings) and back, with the projection's own fields
 * ({@code _id}, {@code lastSequence}) beside it.
 * <p>
 * Records become documents by their components and documents records through the canonical constructor, directly:
 * what Jackson's {@code convertValue} gives, without its token buffer in between, which was most of a projection
 * thread's time in a rebuild and much of a view's reading. Values of types this does not know go through Jackson.
 */
public final class Documents {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** Each record type's components and canonical constructor, looked up once. */
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Component[] result = new Component[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                Method accessor = components[i].getAccessor();
                accessor.setAccessible(true); // records of the projections are package-private
                result[i] = new Component(components[i].getName(), accessor, components[i].getGenericType());
                types[i] = components[i].getType();
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return new Shape(result, constructor);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("a record without its canonical constructor: " + type, e);
            }
        }
    };

    private record Shape(Component[] components, Constructor<?> constructor) {
    }

    private record Component(String name, Method accessor, Type type) {
    }

    private Documents() {
    }

    public static Document of(Object value) {
        return new Document(asMap(value));
    }

    public static <T> T to(Document doc, Class<T> type) {
        return type.isRecord() ? type.cast(record(doc, type)) : byJackson(doc, type);
    }

    /** A plain map (timeline details) as the record it was made from. */
    public static <T> T fromMap(Map<String, Object> fields, Class<T> type) {
        return MAPPER.convertValue(fields, type);
    }

    /** A record (a payload, a view) as a plain map: what Jackson would make of it. */
    public static Map<String, Object> asMap(Object value) {
        return value instanceof Record record ? fields(record) : byJackson(value);
    }

    /** What Jackson makes of a value: the reference the direct conversion keeps to (DocumentsTest). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> byJackson(Object value) {
        return MAPPER.convertValue(value, Map.class);
    }

    /** What Jackson makes of a stored document: the reference the direct reading keeps to (DocumentsTest). */
    static <T> T byJackson(Document doc, Class<T> type) {
        return MAPPER.convertValue(Bson.plain(doc), type);
    }

    private static Map<String, Object> fields(Record record) {
        Component[] components = SHAPES.get(record.getClass()).components();
        Map<String, Object> fields = new LinkedHashMap<>(components.length * 2);
        for (Component component : components) {
            try {
                fields.put(component.name(), plain(component.accessor().invoke(record)));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component.name() + " of " + record.getClass(), e);
            }
        }
        return fields;
    }

    private static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof BigDecimal || value instanceof Integer
                || value instanceof Long || value instanceof Boolean) {
            return value;
        }
        if (value instanceof LocalDate || value instanceof Instant) {
            return value.toString(); // ISO-8601, as Jackson writes them without timestamps
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Record record) {
            return fields(record);
        }
        if (value instanceof Collection<?> items) {
            List<Object> list = new ArrayList<>(items.size());
            items.forEach(item -> list.add(plain(item)));
            return list;
        }
        if (value instanceof Map<?, ?> map && map.keySet().stream().allMatch(Documents::plainKey)) {
            Map<String, Object> plain = new LinkedHashMap<>(map.size() * 2);
            map.forEach((key, item) -> plain.put(key instanceof Enum<?> constant ? constant.name() : key.toString(),
                    plain(item)));
            return plain;
        }
        return MAPPER.convertValue(value, Object.class);
    }

    private static Object record(Map<?, ?> fields, Class<?> type) {
        Shape shape = SHAPES.get(type);
        Object[] values = new Object[shape.components().length];
        for (int i = 0; i < values.length; i++) {
            Component component = shape.components()[i];
            values[i] = read(fields.get(component.name()), component.type());
        }
        try {
            return shape.constructor().newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException("a stored " + type.getSimpleName() + " is not valid", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + type, e);
        }
    }

    /** A stored value as the component's type; what this does not know, Jackson reads. */
    private static Object read(Object value, Type type) {
        if (type instanceof Class<?> raw) {
            if (value == null) {
                return raw.isPrimitive() ? Array.get(Array.newInstance(raw, 1), 0) : null; // 0, false: as Jackson
            }
            if (raw == String.class && value instanceof String) {
                return value;
            }
            if (raw == BigDecimal.class && (value instanceof Decimal128 || value instanceof BigDecimal)) {
                return Bson.plain(value);
            }
            if ((raw == int.class || raw == Integer.class) && (value instanceof Integer || value instanceof Long)) {
                return ((Number) value).intValue();
            }
            if ((raw == long.class || raw == Long.class) && (value instanceof Integer || value instanceof Long)) {
                return ((Number) value).longValue();
            }
            if ((raw == boolean.class || raw == Boolean.class) && value instanceof Boolean) {
                return value;
            }
            if (raw == LocalDate.class && value instanceof String text) {
                return LocalDate.parse(text);
            }
            if (raw == Instant.class && value instanceof String text) {
                return Instant.parse(text);
            }
            if (raw.isEnum() && value instanceof String name) {
                return enumConstant(raw, name);
            }
            if (raw.isRecord() && value instanceof Map<?, ?> fields) {
                return record(fields, raw);
            }
            if (raw == Object.class) {
                return Bson.plain(value);
            }
        } else if (value == null) {
            return null;
        } else if (type instanceof ParameterizedType generic && generic.getRawType() instanceof Class<?> raw) {
            Type[] arguments = generic.getActualTypeArguments();
            if ((raw == List.class || raw == Collection.class) && value instanceof List<?> items) {
                List<Object> list = new ArrayList<>(items.size());
                items.forEach(item -> list.add(read(item, arguments[0])));
                return list;
            }
            if ((raw == Map.class || raw == TreeMap.class || raw == SortedMap.class || raw == NavigableMap.class)
                    && value instanceof Map<?, ?> stored && arguments[0] instanceof Class<?> keyType
                    && (keyType == String.class || keyType == LocalDate.class || keyType.isEnum())) {
                Map<Object, Object> map = raw == Map.class ? new LinkedHashMap<>(stored.size() * 2) : new TreeMap<>();
                stored.forEach((key, item) -> map.put(key(key.toString(), keyType), read(item, arguments[1])));
                return map;
            }
        }
        return MAPPER.convertValue(Bson.plain(value), MAPPER.getTypeFactory().constructType(type));
    }

    private static Object key(String key, Class<?> type) {
        if (type == LocalDate.class) {
            return LocalDate.parse(key);
        }
        return type.isEnum() ? enumConstant(type, key) : key;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class<? extends Enum>) type, name);
    }

    private static boolean plainKey(Object key) {
        return key instanceof String || key instanceof LocalDate || key instanceof Enum<?>;
    }
}
