package vn.gov.thidua.agency;

/** What kind of body an agency is: campaigns address participants and criteria by kind. */
public enum AgencyKind {
    PEOPLES_COMMITTEE("Ủy ban nhân dân tỉnh"),
    LEADERSHIP("Lãnh đạo UBND tỉnh"),
    BOARD("Ban Thi đua - Khen thưởng"),
    DEPARTMENT("Sở, ban, ngành"),
    DISTRICT("UBND huyện, thành phố"),
    COMMUNE("UBND xã, phường, thị trấn"),
    SUBORDINATE_UNIT("Đơn vị thuộc, trực thuộc"),
    ENTERPRISE("Doanh nghiệp"),
    ASSOCIATION("Hiệp hội"),
    POLICE("Công an"),
    PARTY_OFFICE("Cơ quan Đảng"),
    OTHER("Cơ quan, đơn vị khác");

    private final String label;

    AgencyKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
