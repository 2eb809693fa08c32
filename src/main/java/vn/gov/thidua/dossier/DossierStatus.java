package vn.gov.thidua.dossier;

/** The states a province follows a dossier through, named as officers know them. */
public enum DossierStatus {
    DRAFT("Đang lập"),
    SUBMITTED("Đã nộp"),
    RETURNED("Trả lại để bổ sung"),
    VETTED("Đã xét chọn"),
    APPRAISED("Đã thẩm định"),
    SUBMITTED_TO_CHAIRMAN("Đã trình Chủ tịch"),
    AWARDED("Được khen thưởng"),
    NOT_AWARDED("Không được khen thưởng"),
    REJECTED("Không được xét chọn"),
    /** Closed with its campaign before it was decided, with the Board's recorded reason (issue #25, point 5). */
    CLOSED("Đóng khi kết thúc phong trào");

    private final String label;

    DossierStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Nothing more happens to the dossier: decided, rejected or closed with its campaign. */
    public boolean finished() {
        return this == AWARDED || this == NOT_AWARDED || this == REJECTED || this == CLOSED;
    }

    /** The unit may still change the content and the documents. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
