package com.creditdesk.platform.apidocs;

import com.creditdesk.platform.web.validation.CurrencyCode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Swagger's model resolver, taught the project's composed constraints ({@code @Id}, {@code @Amount},
 * {@code @AmountOrZero}, {@code @Text}, ...): it reads the standard constraints they are made of ({@code @NotNull},
 * {@code @Pattern}, {@code @Positive}, {@code @Digits}, {@code @Size}, ...), so a body's schema says which fields are
 * required, the id pattern, and that amounts are above 0 with at most 2 decimals ({@code multipleOf: 0.01}), exactly
 * as validation decides. The schemas
 * follow the code: change a constraint and the document changes with it.
 */
public class ConstraintsModelResolver extends ModelResolver {

    public ConstraintsModelResolver() {
        super(Json.mapper());
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected boolean applyBeanValidatorAnnotations(BeanPropertyDefinition propDef, Schema property,
                                                    Annotation[] annotations, Schema parent, boolean applyNotNull) {
        Annotation[] all = expanded(annotations);
        boolean applied = super.applyBeanValidatorAnnotations(propDef, property, all, parent, applyNotNull);
        numbersAndText(property, all);
        return currency(property, annotations, parent, propDef == null ? null : propDef.getName()) || applied;
    }

    /** What Swagger leaves out: {@code @Positive}, {@code @PositiveOrZero}, {@code @Digits} and {@code @NotBlank}. */
    @SuppressWarnings("rawtypes")
    private static void numbersAndText(Schema property, Annotation[] annotations) {
        if (annotations == null || property == null) {
            return;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof Positive) {
                property.setExclusiveMinimumValue(BigDecimal.ZERO); // OpenAPI 3.1: a number, no minimum
            } else if (annotation instanceof PositiveOrZero) {
                property.setMinimum(BigDecimal.ZERO);
            } else if (annotation instanceof Digits digits && digits.fraction() > 0) {
                property.setMultipleOf(BigDecimal.ONE.movePointLeft(digits.fraction()));
                if (digits.fraction() == 2 && property.getDescription() == null) {
                    property.setDescription("an amount: a JSON number read as an exact decimal, at most 2 decimals");
                }
            } else if (annotation instanceof NotBlank && (property.getMinLength() == null || property.getMinLength() < 1)) {
                property.setMinLength(1);
            }
        }
    }

    @Override
    @SuppressWarnings("rawtypes")
    protected boolean applyBeanValidatorAnnotations(Schema property, Annotation[] annotations, Schema parent,
                                                    boolean applyNotNull) {
        return super.applyBeanValidatorAnnotations(property, expanded(annotations), parent, applyNotNull);
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static boolean currency(Schema property, Annotation[] annotations, Schema parent, String name) {
        if (annotations == null || property == null) {
            return false;
        }
        for (Annotation annotation : annotations) {
            if (annotation instanceof CurrencyCode) {
                property.setPattern("^[A-Z]{3}$");
                property.setDescription("ISO 4217 currency code, the account's currency (e.g. EUR)");
                if (parent != null && name != null && (parent.getRequired() == null
                        || !parent.getRequired().contains(name))) {
                    parent.addRequiredItem(name);
                }
                return true;
            }
        }
        return false;
    }

    /** The annotations with the standard constraints that composed ones are made of. */
    static Annotation[] expanded(Annotation[] annotations) {
        if (annotations == null) {
            return null;
        }
        Set<Annotation> all = new LinkedHashSet<>(List.of(annotations));
        List<Annotation> todo = new ArrayList<>(List.of(annotations));
        while (!todo.isEmpty()) {
            Annotation annotation = todo.remove(todo.size() - 1);
            Class<? extends Annotation> type = annotation.annotationType();
            if (type.isAnnotationPresent(Constraint.class) && !type.getPackageName().startsWith("jakarta.validation")) {
                for (Annotation meta : type.getAnnotations()) {
                    if (meta.annotationType().getPackageName().startsWith("jakarta.validation.constraints")
                            || meta.annotationType().isAnnotationPresent(Constraint.class)) {
                        if (all.add(meta)) {
                            todo.add(meta);
                        }
                    }
                }
            }
        }
        return all.toArray(Annotation[]::new);
    }
}
