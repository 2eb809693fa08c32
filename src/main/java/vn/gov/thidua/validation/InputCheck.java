package vn.gov.thidua.validation;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import vn.gov.thidua.system.ApiException;

/**
 * Checks a request or definition record against its Bean Validation constraints and refuses it with the first
 * violation, worded as every refusal of a field is: {@code Trường 'milestones[0].key' không được để trống.} The
 * first is the one a reader of the input meets first: records in the order they declare their components, lists
 * by index, and on one field a missing value before what is wrong with it. What needs the directory, the calendar
 * or several fields at once is checked after this, by the input's own checker.
 */
@Component
public class InputCheck {

    private static final Set<Class<? extends Annotation>> MISSING = Set.of(NotNull.class, NotBlank.class, NotEmpty.class);

    private final Validator validator;

    public InputCheck(Validator validator) {
        this.validator = validator;
    }

    /** The value, when it satisfies its constraints; otherwise a 400 refusal naming the field. */
    public <T> T check(T value) {
        Optional<ConstraintViolation<T>> first = first(validator.validate(value));
        if (first.isPresent()) {
            String field = field(first.get().getPropertyPath());
            throw ApiException.invalid(field, refusal(field, first.get().getMessage()));
        }
        return value;
    }

    /** A refusal of {@code field} by a checker's own rule, {@code problem} said of the field ("phải sau ngày …"). */
    public static ApiException invalid(String field, String problem) {
        return ApiException.invalid(field, ofField(field, problem));
    }

    /**
     * A constraint's message as the refusal reads: a fragment ("không được để trống") is said of the field; a sentence
     * of its own (ending with a full stop: "Chưa nhập tóm tắt thành tích.") is shown as it is.
     */
    public static String refusal(String field, String message) {
        return message.endsWith(".") ? message : ofField(field, message);
    }

    private static String ofField(String field, String problem) {
        return "Trường '" + field + "' " + problem + ".";
    }

    /** The violation a reader of the input meets first. */
    public static <T> Optional<ConstraintViolation<T>> first(Set<ConstraintViolation<T>> violations) {
        return violations.stream().min(READING_ORDER::compare);
    }

    /** Violations in the order a reader of the input meets them. */
    public static final Comparator<ConstraintViolation<?>> READING_ORDER = Comparator
            .<ConstraintViolation<?>, List<Integer>>comparing(InputCheck::readingOrder, InputCheck::compare)
            .thenComparing(v -> !MISSING.contains(v.getConstraintDescriptor().getAnnotation().annotationType()))
            .thenComparing(v -> v.getPropertyPath().toString())
            .thenComparing(ConstraintViolation::getMessage);

    /** The field as the input writes it: {@code milestones[0].reminderWorkingDays[1]}, {@code minPercent.COMMUNE}. */
    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : path) {
            if (node.isInIterable()) {
                // a list element by its index; a map entry by its key, as the input's object writes it
                field.append(node.getIndex() != null ? "[" + node.getIndex() + "]" : "." + node.getKey());
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                field.append(field.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return field.toString();
    }

    /** Where the violation is met reading the input: per step of its path, the list index and the component's place. */
    private static List<Integer> readingOrder(ConstraintViolation<?> violation) {
        List<Integer> order = new ArrayList<>();
        Type type = violation.getRootBeanClass();
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.isInIterable()) {
                order.add(node.getIndex() == null ? 0 : node.getIndex());
                type = elementType(type);
            }
            if (node.getKind() == ElementKind.PROPERTY) {
                RecordComponent[] components = raw(type).getRecordComponents();
                int place = components == null ? 0 : indexOf(components, node.getName());
                order.add(place);
                type = place < 0 || components == null ? Object.class : components[place].getGenericType();
            }
        }
        return order;
    }

    private static int indexOf(RecordComponent[] components, String name) {
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The element type of a list or the value type of a map. */
    private static Type elementType(Type type) {
        if (type instanceof ParameterizedType parameterized && (Collection.class.isAssignableFrom(raw(type))
                || Map.class.isAssignableFrom(raw(type)))) {
            Type[] arguments = parameterized.getActualTypeArguments();
            return arguments[arguments.length - 1];
        }
        return Object.class;
    }

    private static Class<?> raw(Type type) {
        return type instanceof Class<?> c ? c : type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : Object.class;
    }

    private static int compare(List<Integer> a, List<Integer> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = Integer.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
