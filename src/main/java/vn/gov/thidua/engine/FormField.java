package vn.gov.thidua.engine;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * What a Camunda Form lets an officer write into one variable: the field's key and the kind of value its component
 * type produces. A component type this class does not know accepts nothing (fail closed), so a new kind of field
 * in a form must be taught here before Tasklist can submit it.
 */
record FormField(String key, Kind kind) {

    enum Kind {
        TEXT("một chuỗi ký tự"),
        DATE("một ngày theo dạng năm-tháng-ngày (ví dụ 2026-12-07)"),
        DATE_TIME("một thời điểm theo dạng năm-tháng-ngàyTgiờ:phút"),
        TIME("một giờ theo dạng giờ:phút"),
        BOOLEAN("đúng hoặc sai (true/false)"),
        NUMBER("một số"),
        UNKNOWN("một kiểu mà sản phẩm chưa hỗ trợ");

        final String wording;

        Kind(String wording) {
            this.wording = wording;
        }
    }

    /** The component types of forms/*.form (Camunda Forms schema 16) that hold a value. */
    static Kind kindOf(String componentType, String subtype) {
        return switch (componentType == null ? "" : componentType) {
            case "textfield", "textarea", "radio", "select" -> Kind.TEXT;
            case "checkbox" -> Kind.BOOLEAN;
            case "number" -> Kind.NUMBER;
            case "datetime" -> switch (subtype == null ? "date" : subtype) {
                case "date" -> Kind.DATE;
                case "datetime" -> Kind.DATE_TIME;
                case "time" -> Kind.TIME;
                default -> Kind.UNKNOWN;
            };
            default -> Kind.UNKNOWN;
        };
    }

    /**
     * Whether the value a client sent fits this field. Null is accepted for every known kind (an empty optional
     * field); whether a field is required is the step's own rule. Only plain values pass: a JSON, XML, object,
     * bytes or file value never fits a form field.
     */
    boolean accepts(Object sent) {
        if (kind == Kind.UNKNOWN) {
            return false;
        }
        Object value = sent;
        if (sent instanceof TypedValue typed) {
            ValueType type = typed.getType();
            if (type != null && !plainType(type)) {
                return false;
            }
            value = typed.getValue();
        }
        if (value == null) {
            return true;
        }
        return switch (kind) {
            case TEXT -> value instanceof String;
            case DATE -> value instanceof String text && parses(() -> LocalDate.parse(text));
            case DATE_TIME -> value instanceof String text && parses(() -> LocalDateTime.parse(text));
            case TIME -> value instanceof String text && parses(() -> LocalTime.parse(text));
            case BOOLEAN -> value instanceof Boolean;
            case NUMBER -> value instanceof Integer || value instanceof Long || value instanceof Short
                    || value instanceof Double;
            case UNKNOWN -> false;
        };
    }

    private static boolean plainType(ValueType type) {
        return type == ValueType.NULL || type == ValueType.STRING || type == ValueType.BOOLEAN || type == ValueType.INTEGER
                || type == ValueType.LONG || type == ValueType.SHORT || type == ValueType.DOUBLE;
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException notADate) {
            return false;
        }
    }
}
