package vn.gov.thidua.dossier;

/**
 * The documents of a dossier (Luật Thi đua, khen thưởng 2022, Điều 84): the proposal letter, the minutes of the
 * proposing unit's emulation council and the achievement report are required; anything else may be added.
 */
public enum DocumentType {
    PROPOSAL_LETTER("Tờ trình", true),
    COUNCIL_MINUTES("Biên bản họp Hội đồng Thi đua - Khen thưởng", true),
    ACHIEVEMENT_REPORT("Báo cáo thành tích", true),
    OTHER("Tài liệu khác", false);

    private final String label;
    private final boolean required;

    DocumentType(String label, boolean required) {
        this.label = label;
        this.required = required;
    }

    public String label() {
        return label;
    }

    public boolean required() {
        return required;
    }
}
