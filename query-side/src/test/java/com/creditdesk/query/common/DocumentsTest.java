package com.creditdesk.query.common;

import com.creditdesk.api.common.EventFamilies;
import com.mongodb.MongoClientSettings;
import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWrapper;
import org.bson.Document;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.DocumentCodec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The direct record ⇄ document conversions give what Jackson gives, for every record the projections store and
 * every event (the timeline's details), both ways and through the driver's codec: a field Jackson would add (a
 * getter), drop, write or read otherwise fails here.
 */
class DocumentsTest {
    /** The records that projections store through {@link KeyedViews} or as whole documents. */
    private static final List<String> STORED = List.of(
            "com.creditdesk.api.signal.ReviewView",
            "com.creditdesk.api.order.OrderQueries$OrderView",
            "com.creditdesk.api.application.ApplicationQueries$ApplicationView",
            "com.creditdesk.query.invoice.InvoiceProjection$InvoiceRecord",
            "com.creditdesk.query.group.GroupProjection$GroupRecord",
            "com.creditdesk.query.kpi.CollectionProjection$CollectionCustomer",
            "com.creditdesk.query.kpi.CollectionProjection$CollectionInvoice",
            "com.creditdesk.query.kpi.KpiFacts$CustomerInvoices",
            "com.creditdesk.query.kpi.KpiFacts$OrderFacts",
            "com.creditdesk.query.kpi.KpiFacts$ApplicationFacts",
            "com.creditdesk.query.kpi.KpiFacts$CustomerReviews",
            "com.creditdesk.query.statement.BankLineProjection$BankLineRecord");

    /** Every record, once with a value in every component and once with nulls and empty collections. */
    static Stream<Arguments> records() {
        return Stream.concat(STORED.stream().map(DocumentsTest::load), EventFamilies.all().stream())
                .flatMap(type -> Stream.of(Arguments.of(type, true), Arguments.of(type, false)));
    }

    @ParameterizedTest(name = "{0}, every value: {1}")
    @MethodSource("records")
    void aRecordBecomesTheDocumentJacksonWouldMakeAndBack(Class<?> type, boolean full) {
        Object sample = sample(type, full);

        assertThat(Documents.asMap(sample)).isEqualTo(Documents.byJackson(sample));
        Document stored = stored(Documents.of(sample));
        assertThat(Documents.to(stored, type)).isEqualTo(Documents.byJackson(stored, type)).isEqualTo(sample);
    }

    /** A document as the driver reads it back: amounts as Decimal128, numbers as int32 or int64, nested documents. */
    private static Document stored(Document doc) {
        BsonDocument encoded = BsonDocumentWrapper.asBsonDocument(doc, MongoClientSettings.getDefaultCodecRegistry());
        return new DocumentCodec().decode(new BsonDocumentReader(encoded), DecoderContext.builder().build());
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(name + " moved: update the list of stored records", e);
        }
    }

    /** A record with a value in every component ({@code full}), or with nulls and empty collections. */
    private static Object sample(Class<?> type, boolean full) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(components[i].getGenericType(), full, i);
        }
        try {
            var constructor = type.getDeclaredConstructor(types);
            constructor.setAccessible(true);
            return constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build a sample " + type.getName(), e);
        }
    }

    private static Object value(Type type, boolean full, int index) {
        if (type instanceof ParameterizedType generic) {
            Class<?> raw = (Class<?>) generic.getRawType();
            Type[] arguments = generic.getActualTypeArguments();
            if (Map.class.isAssignableFrom(raw)) {
                SortedMap<Object, Object> map = new TreeMap<>();
                if (full) {
                    map.put(value(arguments[0], true, index), value(arguments[1], true, index));
                    map.put(value(arguments[0], true, index + 1), value(arguments[1], true, index + 1));
                }
                return Map.class == raw ? Map.copyOf(map) : map;
            }
            if (Collection.class.isAssignableFrom(raw)) {
                List<Object> items = full ? List.of(value(arguments[0], true, index), value(arguments[0], true, index + 1))
                        : List.of();
                return Set.class.isAssignableFrom(raw) ? Set.copyOf(items) : items;
            }
            throw new IllegalArgumentException("no sample value for " + type);
        }
        Class<?> raw = (Class<?>) type;
        if (raw == int.class || raw == Integer.class) {
            return 30 + index;
        }
        if (raw == long.class || raw == Long.class) {
            return 7L + index;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return index % 2 == 0;
        }
        if (raw == Object.class) {
            return full ? "value-" + index : null;
        }
        if (!full) {
            return null;
        }
        if (raw == String.class) {
            return "text-" + index;
        }
        if (raw == BigDecimal.class) {
            return new BigDecimal("1234.5" + index);
        }
        if (raw == LocalDate.class) {
            return LocalDate.of(2026, 3, 1).plusDays(index);
        }
        if (raw == Instant.class) {
            return Instant.parse("2026-03-01T09:30:00.120Z").plusSeconds(index);
        }
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            return constants[index % constants.length];
        }
        if (raw.isRecord()) {
            return sample(raw, true);
        }
        throw new IllegalArgumentException("no sample value for " + type);
    }
}
