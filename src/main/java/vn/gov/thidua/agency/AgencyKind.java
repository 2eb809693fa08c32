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
    /** Đoàn thể: Mặt trận Tổ quốc, Đoàn Thanh niên, Hội Phụ nữ, Hội Nông dân, Hội Cựu chiến binh, Liên đoàn Lao động. */
    MASS_ORGANISATION("Đoàn thể, tổ chức chính trị - xã hội"),
    /** A group of agencies that emulate together; its leading unit of the year acts for it (EmulationClusters). */
    EMULATION_CLUSTER("Cụm thi đua"),
    EMULATION_BLOCK("Khối thi đua"),
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

    /** A cụm or khối thi đua: no officers of its own, its leading unit of the year does its work. */
    public boolean isCluster() {
        return this == EMULATION_CLUSTER || this == EMULATION_BLOCK;
    }
}
