package vn.gov.thidua.system;

/**
 * The one rule for text a client sends: no control characters other than tab and line breaks (a NUL cuts strings in
 * PostgreSQL, C libraries and exports; ESC and the others drive terminals and hide text), and, in names, no markup,
 * since names are shown in Tasklist, Cockpit, mails and exports and are refused rather than escaped everywhere.
 */
public final class PlainText {

    private PlainText() {
    }

    /** The first forbidden control character (C0 other than tab, LF, CR; DEL; C1), or -1. */
    public static int controlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return c;
            }
        }
        return -1;
    }

    public static boolean hasMarkup(String value) {
        return value.indexOf('<') >= 0 || value.indexOf('>') >= 0;
    }

    public static String controlMessage(String field, int character) {
        return "Trường '" + field + "' chứa ký tự điều khiển không được phép (U+" + String.format("%04X", character)
                + "): hãy gõ lại nội dung, không dán ký tự ẩn.";
    }

    public static String markupMessage(String field) {
        return "Trường '" + field + "' không được chứa ký tự < hoặc >.";
    }

    /** Refuses control characters, and markup too when {@code name} says the text is a name. */
    public static void require(String value, String field, boolean name) {
        if (value == null) {
            return;
        }
        int control = controlCharacter(value);
        if (control >= 0) {
            throw ApiException.invalid(field, controlMessage(field, control));
        }
        if (name && hasMarkup(value)) {
            throw ApiException.invalid(field, markupMessage(field));
        }
    }
}
