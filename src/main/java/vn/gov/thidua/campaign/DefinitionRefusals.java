package vn.gov.thidua.campaign;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The refusal of a definition that does not read as one, worded so the Board can correct it without the manual:
 * an unknown value lists the values allowed, an unknown field the fields the place takes, a plan date the wordings.
 */
final class DefinitionRefusals {

    private DefinitionRefusals() {
    }

    static String of(JsonMappingException e, String path) {
        String where = path.isEmpty() ? "gốc" : path;
        if (e instanceof InvalidFormatException format && format.getTargetType() != null) {
            Class<?> type = format.getTargetType();
            if (type.isEnum()) {
                return "Trường '" + where + "' không nhận giá trị '" + format.getValue() + "'; các giá trị được phép: "
                        + Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", ")) + ".";
            }
            if (type == LocalDate.class) {
                return "Trường '" + where + "' không đọc được ngày '" + format.getValue() + "'; viết theo ISO-8601"
                        + " (2021-08-15) hoặc như văn bản: 'ngày 15/8/2021', 'tháng 8 năm 2021', 'năm 2025'.";
            }
            if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
                return "Trường '" + where + "' phải là số (giá trị '" + format.getValue() + "').";
            }
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "Trường '" + where + "' không có trong mẫu; tại đây được dùng: " + known(unknown.getKnownPropertyIds()) + ".";
        }
        return "Định nghĩa phong trào không hợp lệ tại '" + where
                + "': sai kiểu dữ liệu, giá trị không được phép hoặc trường không có trong mẫu.";
    }

    private static String known(Collection<Object> ids) {
        return ids == null ? "" : new TreeSet<>(ids.stream().map(Object::toString).toList()).stream()
                .collect(Collectors.joining(", "));
    }
}
