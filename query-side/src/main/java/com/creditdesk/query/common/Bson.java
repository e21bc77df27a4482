package com.creditdesk.query.common;

import org.bson.Document;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small conversions between stored BSON values and the plain Java values the views hand out. */
public final class Bson {
    private Bson() {
    }

    public static BigDecimal decimal(Document doc, String field) {
        Object value = doc.get(field);
        return value == null ? null : toDecimal(value);
    }

    public static BigDecimal decimalOrZero(Document doc, String field) {
        BigDecimal value = decimal(doc, field);
        return value == null ? BigDecimal.ZERO : value;
    }

    private static BigDecimal toDecimal(Object value) {
        if (value instanceof Decimal128 d) {
            return d.bigDecimalValue();
        }
        if (value instanceof BigDecimal d) {
            return d;
        }
        return new BigDecimal(value.toString());
    }

    public static LocalDate date(Document doc, String field) {
        String value = doc.getString(field);
        return value == null ? null : LocalDate.parse(value);
    }

    public static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** A stored value as plain Java: documents become maps, Decimal128 becomes BigDecimal, dates Instants. */
    public static Object plain(Object value) {
        if (value instanceof Document doc) {
            Map<String, Object> map = new LinkedHashMap<>();
            doc.forEach((key, item) -> map.put(key, plain(item)));
            return map;
        }
        if (value instanceof List<?> list) {
            List<Object> plainList = new ArrayList<>(list.size());
            list.forEach(item -> plainList.add(plain(item)));
            return plainList;
        }
        if (value instanceof Decimal128 d) {
            return d.bigDecimalValue();
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    public static List<Document> documents(Document doc, String field) {
        Object value = doc.get(field);
        return value == null ? new ArrayList<>() : new ArrayList<>((List<Document>) value);
    }
}
