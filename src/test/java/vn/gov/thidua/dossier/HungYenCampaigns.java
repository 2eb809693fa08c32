package vn.gov.thidua.dossier;

/**
 * A campaign of a second province (Hưng Yên, digital transformation, 2026) for the award-rule stories: an evaluation
 * table from the standing agency, a mid-term round and one award form, whose criteria lines each story gives.
 */
final class HungYenCampaigns {

    private HungYenCampaigns() {
    }

    /** @param awardFormLines the award form's criteria lines, e.g. {@code criteriaDecision: dx161-bang-khen} */
    static String definition(String code, String awardFormLines) {
        return """
                code: %s
                name: Phong trào thi đua đẩy mạnh chuyển đổi số tỉnh Hưng Yên năm 2026
                planNumber: 02/KH-UBND
                planDate: 2026-01-05
                periodStart: 2026-01-05
                periodEnd: 2026-12-31
                roles:
                  standingAgency: hy-so-noi-vu
                  appraisingBoard: hy-btdkt
                  decider: hy-chu-tich
                participants:
                  agencies: [hy-so-noi-vu, hy-xa-phung-cong]
                milestones:
                  - key: du-lieu-cds-2026
                    name: Gửi kết quả đánh giá chuyển đổi số
                    kind: EVALUATION_DATA
                    to: { agencies: [hy-so-noi-vu] }
                    opens: ngày 01/02/2026
                    due: trước ngày 15/02/2026
                    fields:
                      - { key: CHUYEN_DOI_SO, name: "Chuyển đổi số" }
                  - key: bao-cao-so-ket-2026
                    name: Báo cáo sơ kết
                    kind: REVIEW_REPORT
                    opens: ngày 01/03/2026
                    openedBy: BOARD
                    due: trước ngày 30/03/2026
                reviewRounds:
                  - { key: so-ket-2026, name: Sơ kết năm 2026, kind: MID_TERM, reportMilestone: bao-cao-so-ket-2026,
                      nominationDue: trước ngày 30/04/2026, vettingDue: trước ngày 15/05/2026, lateNominations: REFUSE }
                awardForms:
                  - key: bang-khen
                    name: Bằng khen của Chủ tịch UBND tỉnh
                    %s
                """.formatted(code, awardFormLines);
    }
}
