package vn.gov.thidua.dossier;

/** Who a dossier proposes for an award. The criteria and quota decisions read the name (e.g. "INDIVIDUAL"). */
public enum NomineeKind {
    AGENCY("Tập thể cơ quan, địa phương"),
    SUBORDINATE_UNIT("Tập thể thuộc, trực thuộc"),
    INDIVIDUAL("Cá nhân"),
    ENTERPRISE("Doanh nghiệp, doanh nhân");

    private final String label;

    NomineeKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
