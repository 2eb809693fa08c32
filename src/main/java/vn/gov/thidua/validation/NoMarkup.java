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
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Text shown in Tasklist, Cockpit, mails and exports (a name, a title): markup in it is refused rather than escaped
 * everywhere it is shown. Null is valid.
 */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = "[^<>]*")
@ReportAsSingleViolation
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface NoMarkup {

    String message() default "không được chứa ký tự < hoặc >";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
