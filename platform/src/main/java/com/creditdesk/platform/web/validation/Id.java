package com.creditdesk.platform.web.validation;

import com.creditdesk.api.common.DomainIds;
import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;

/** A caller-chosen id: 1–64 characters of A-Z a-z 0-9 . _ - */
@NotNull
@Pattern(regexp = DomainIds.PATTERN)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({FIELD, PARAMETER, RECORD_COMPONENT})
public @interface Id {
    String message() default "must be 1-64 characters of A-Z a-z 0-9 . _ -";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
