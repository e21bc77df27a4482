package com.creditdesk.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

import java.math.BigDecimal;

/**
 * Reads a JSON number exactly as a decimal and gives amounts with fewer than two decimals two
 * (100 → 100.00), so every recorded amount has the same shape. Values with more decimals, or
 * absurdly large ones, are left as they are for validation to refuse.
 */
final class MoneyDeserializer extends ValueDeserializer<BigDecimal> {
    private static final int MAX_INTEGER_DIGITS = 15;

    @Override
    public BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            return (BigDecimal) context.handleUnexpectedToken(BigDecimal.class, parser);
        }
        BigDecimal value = parser.getDecimalValue();
        boolean reasonable = value.precision() - value.scale() <= MAX_INTEGER_DIGITS;
        return reasonable && value.scale() < 2 ? value.setScale(2) : value;
    }
}
