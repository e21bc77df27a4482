package com.creditdesk.platform.web.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;

/** An amount of money: present, zero or more, at most two decimals and below a trillion. */
@NotNull
@PositiveOrZero
@Digits(integer = 12, fraction = 2)
@DecimalMax("999999999999.99")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
public @interface AmountOrZero {
    String message() default "must be an amount of 0 or more with at most 2 decimals";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** The same rule for an amount that may be left out. */
    @PositiveOrZero
    @Digits(integer = 12, fraction = 2)
    @DecimalMax("999999999999.99")
    @ReportAsSingleViolation
    @Constraint(validatedBy = {})
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target({FIELD, PARAMETER, RECORD_COMPONENT})
    @interface Optional {
        String message() default "must be an amount of 0 or more with at most 2 decimals";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }
}
