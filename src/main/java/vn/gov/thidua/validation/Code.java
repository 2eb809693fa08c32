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
 * A code of the directory or of a definition (agency, officer, campaign, milestone, round, award form): it becomes
 * part of URLs, business keys, candidate groups and file names, so it is plain lower-case ASCII. Null is valid; add
 * {@code @NotBlank} where the code is required.
 */
@Documented
@Constraint(validatedBy = {})
@Pattern(regexp = Code.PATTERN)
@ReportAsSingleViolation
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface Code {

    String PATTERN = "[a-z0-9][a-z0-9._-]{0,63}";

    String message() default "chỉ gồm chữ thường không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới; tối đa 64 ký tự";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
