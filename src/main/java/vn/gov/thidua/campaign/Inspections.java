package vn.gov.thidua.campaign;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.thidua.campaign.CampaignDefinition.MilestoneKind;
import vn.gov.thidua.system.ApiException;

/**
 * Inspections (kiểm tra của Hội đồng Thi đua - Khen thưởng): the Board opens an INSPECTION milestone when it has
 * chosen the units to inspect and announced the time and place (its opening note); only the chosen units, among the
 * milestone's addressees, are then issued it. Each files the inspection record (biên bản kiểm tra) as its document.
 */
@Service
@Transactional
public class Inspections {

    static final String FIELD = "inspectedUnits";

    private final CampaignService campaigns;
    private final JdbcTemplate jdbc;

    Inspections(CampaignService campaigns, JdbcTemplate jdbc) {
        this.campaigns = campaigns;
        this.jdbc = jdbc;
    }

    /**
     * At the Board's opening of the milestone: for an inspection, its addressees become the chosen units (refused
     * when none is chosen or one is not an addressee); for any other milestone, choosing units is refused.
     */
    public void choose(String code, String key, String typed) {
        List<String> chosen = codes(typed);
        if (campaigns.requireMilestone(code, key).kind() != MilestoneKind.INSPECTION) {
            if (!chosen.isEmpty()) {
                throw ApiException.invalid(FIELD, "Chỉ chọn đơn vị được kiểm tra khi mở mốc kiểm tra.");
            }
            return;
        }
        if (chosen.isEmpty()) {
            throw ApiException.invalid(FIELD, "Chưa chọn đơn vị được kiểm tra (mã đơn vị, cách nhau bởi dấu phẩy).");
        }
        List<String> candidates = addressees(code, key);
        for (String unit : chosen) {
            if (!candidates.contains(unit)) {
                throw ApiException.invalid(FIELD, "Đơn vị '" + unit + "' không thuộc đối tượng của mốc kiểm tra; các đơn vị được"
                        + " chọn: " + String.join(", ", candidates) + ".");
            }
        }
        jdbc.update("delete from campaign_milestone_addressee where campaign_code = ? and milestone_key = ?", code, key);
        jdbc.update("update campaign_milestone set to_all_participants = false where campaign_code = ? and milestone_key = ?",
                code, key);
        jdbc.batchUpdate("insert into campaign_milestone_addressee (campaign_code, milestone_key, agency_code) values (?, ?, ?)",
                chosen.stream().map(unit -> new Object[] {code, key, unit}).toList());
    }

    private List<String> addressees(String code, String key) {
        return jdbc.queryForList("select p.agency_code from campaign_participant p join campaign_milestone m"
                + " on m.campaign_code = p.campaign_code where m.campaign_code = ? and m.milestone_key = ?"
                + " and (m.to_all_participants and p.role = 'PARTICIPANT' or exists (select 1 from campaign_milestone_addressee a"
                + " where a.campaign_code = m.campaign_code and a.milestone_key = m.milestone_key and a.agency_code = p.agency_code))"
                + " order by p.agency_code", String.class, code, key);
    }

    private static List<String> codes(String typed) {
        Set<String> codes = new LinkedHashSet<>();
        for (String part : (typed == null ? "" : typed).split("[,;\\n]")) {
            if (!part.isBlank()) {
                codes.add(part.trim().toLowerCase(Locale.ROOT));
            }
        }
        return new ArrayList<>(codes);
    }
}
