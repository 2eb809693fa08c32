package vn.gov.thidua.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Text of at most {@code value} characters once trimmed: requests are stored trimmed, so spaces a form leaves around
 * a value do not count. Null is valid.
 */
@Documented
@Constraint(validatedBy = MaxLength.Trimmed.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface MaxLength {

    int value();

    String message() default "dài quá {value} ký tự";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Trimmed implements ConstraintValidator<MaxLength, String> {

        private int max;

        @Override
        public void initialize(MaxLength constraint) {
            max = constraint.value();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.trim().length() <= max;
        }
    }
}
