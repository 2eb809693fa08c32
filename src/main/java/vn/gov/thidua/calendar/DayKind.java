package vn.gov.thidua.calendar;

/** What a listed day of the calendar is. Days that are not listed follow the weekly rule. */
public enum DayKind {

    /** A public holiday of Bộ luật Lao động 2019, Điều 112 (listed even when it falls on a weekend). */
    HOLIDAY("Ngày lễ, Tết", true),
    /** A day off in place of a holiday that fell on a weekend (Điều 111 khoản 3). */
    SUBSTITUTE("Nghỉ bù", true),
    /** A day off swapped against a worked Saturday, or a weekend day inside an announced Tết block. */
    BRIDGE("Nghỉ hoán đổi, nối kỳ nghỉ", true),
    /** A Saturday or Sunday made a working day (làm bù). */
    WORKING_DAY("Làm bù (thứ Bảy/Chủ nhật làm việc)", false);

    private final String label;
    private final boolean dayOff;

    DayKind(String label, boolean dayOff) {
        this.label = label;
        this.dayOff = dayOff;
    }

    public String label() {
        return label;
    }

    public boolean isDayOff() {
        return dayOff;
    }
}
