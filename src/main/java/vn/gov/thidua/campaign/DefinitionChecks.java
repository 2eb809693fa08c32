package vn.gov.thidua.campaign;

import java.util.List;
import vn.gov.thidua.system.ApiException;

/** The small checks every part of a campaign definition uses; each refusal names the field, in Vietnamese. */
final class DefinitionChecks {

    static final int MAX_WORKING_DAYS = 60;

    private DefinitionChecks() {
    }

    static void reminderDays(List<Integer> days, String at) {
        if (days == null) {
            return;
        }
        for (int i = 0; i < days.size(); i++) {
            Integer day = days.get(i);
            if (day == null || day < 1 || day > MAX_WORKING_DAYS) {
                throw invalid(at + "[" + i + "]", "phải là số ngày làm việc từ 1 đến " + MAX_WORKING_DAYS);
            }
        }
    }

    static void workingDays(Integer days, String at) {
        if (days != null && (days < 1 || days > MAX_WORKING_DAYS)) {
            throw invalid(at, "phải là số ngày làm việc từ 1 đến " + MAX_WORKING_DAYS);
        }
    }

    static void require(Object value, String at) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw invalid(at, "không được để trống");
        }
    }

    static void requireText(String value, String at, int max) {
        require(value, at);
        optionalText(value, at, max);
    }

    static void optionalText(String value, String at, int max) {
        if (value != null && value.length() > max) {
            throw invalid(at, "dài quá " + max + " ký tự");
        }
        if (value != null && (value.indexOf('<') >= 0 || value.indexOf('>') >= 0)) {
            // shown in Tasklist, Cockpit, mails and exports: markup is refused rather than escaped everywhere
            throw invalid(at, "không được chứa ký tự < hoặc >");
        }
    }

    static ApiException invalid(String at, String problem) {
        return ApiException.invalid(at, "Trường '" + at + "' " + problem + ".");
    }
}
