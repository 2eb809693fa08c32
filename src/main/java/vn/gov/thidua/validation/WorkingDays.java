package vn.gov.thidua.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A number of working days a plan gives for a step or before a deadline for a reminder: 1 to {@value #MAX}. Null is
 * valid: the step's default applies.
 */
@Documented
@Constraint(validatedBy = {})
@Min(1)
@Max(WorkingDays.MAX)
@ReportAsSingleViolation
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface WorkingDays {

    int MAX = 60;
    String MESSAGE = "phải là số ngày làm việc từ 1 đến " + MAX;

    String message() default MESSAGE;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
