package vn.gov.thidua.campaign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.thidua.campaign.CampaignOpenWork.OpenItem;
import vn.gov.thidua.system.ApiException;

/**
 * Closing a campaign leaves nothing open (issue #25, point 5). When the Board confirms the closure, the campaign's
 * open work is listed: units' milestones not done (an evaluation milestone's are data tables not sent) and every
 * other feature's open work (award dossiers not decided). With any open, the closure is refused, naming them, until
 * each is decided or the Board gives a reason to close them all; then each is closed with that reason. Units'
 * milestones end in the closing batches that follow (Task_CloseUnitMilestones), dossiers at once.
 */
@Service
@Transactional
public class CampaignClosure {

    static final String REASON = "closeOpenWorkReason";
    private static final int NAMED = 20;
    private static final Logger log = LoggerFactory.getLogger(CampaignClosure.class);

    private final JdbcTemplate jdbc;
    private final List<CampaignOpenWork> others;

    CampaignClosure(JdbcTemplate jdbc, List<CampaignOpenWork> others) {
        this.jdbc = jdbc;
        this.others = others;
    }

    /** Everything of the campaign still open: milestones first, by their order in the plan, then the others' work. */
    @Transactional(readOnly = true)
    public List<OpenItem> openWork(String campaignCode) {
        Map<String, List<String>> unitsByMilestone = new LinkedHashMap<>();
        Map<String, String[]> milestones = new LinkedHashMap<>();
        jdbc.query("select u.milestone_key, m.name, m.kind, u.agency_code from unit_milestone u join campaign_milestone m"
                + " on m.campaign_code = u.campaign_code and m.milestone_key = u.milestone_key"
                + " where u.campaign_code = ? and u.completed_at is null and not exists (select 1 from campaign_participant p"
                + " where p.campaign_code = u.campaign_code and p.agency_code = u.agency_code and p.closed_at is not null)"
                + " order by m.seq, u.agency_code", rs -> {
                    String key = rs.getString("milestone_key");
                    milestones.putIfAbsent(key, new String[] {rs.getString("name"), rs.getString("kind")});
                    unitsByMilestone.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getString("agency_code"));
                }, campaignCode);
        List<OpenItem> items = new ArrayList<>();
        unitsByMilestone.forEach((key, units) -> {
            boolean data = CampaignDefinition.MilestoneKind.EVALUATION_DATA.name().equals(milestones.get(key)[1]);
            String named = units.stream().limit(NAMED).collect(Collectors.joining(", ")) + (units.size() > NAMED ? ", …" : "");
            items.add(new OpenItem(data ? "EVALUATION_TABLE" : "MILESTONE", "milestone/" + key, (data
                    ? "Bảng kết quả đánh giá '" + milestones.get(key)[0] + "': " + units.size() + " cơ quan cung cấp chưa gửi ("
                    : "Mốc '" + milestones.get(key)[0] + "': " + units.size() + " đơn vị chưa hoàn thành (") + named + ")"));
        });
        for (CampaignOpenWork other : others) {
            items.addAll(other.openWork(campaignCode));
        }
        return items;
    }

    /**
     * Task_RecordCampaignClosure: with open work and no reason the closure is refused, naming the work; with a reason
     * every open piece is closed with it.
     */
    public void close(String campaignCode, String reason, String actor) {
        List<OpenItem> open = openWork(campaignCode);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > 2000) {
            throw ApiException.invalid(REASON, "Lý do đóng các việc còn mở dài quá 2000 ký tự.");
        }
        if (open.isEmpty()) {
            return;
        }
        if (why == null) {
            String named = open.stream().limit(NAMED).map(OpenItem::description).collect(Collectors.joining("; "))
                    + (open.size() > NAMED ? "; và " + (open.size() - NAMED) + " việc khác" : "");
            throw ApiException.invalid(REASON, "Phong trào còn " + open.size() + " việc chưa xong: " + named + ". Hãy xử lý"
                    + " xong từng việc, hoặc ghi lý do đóng các việc còn mở: mọi việc còn mở sẽ được đóng với lý do này.");
        }
        int closed = 0;
        for (CampaignOpenWork other : others) {
            closed += other.closeOpenWork(campaignCode, why, actor);
        }
        log.info("Campaign {} closed by {} with {} open item(s) ({} closed by their features, the units' milestones in the"
                + " closing batches): {}", campaignCode, actor, open.size(), closed, why);
    }
}
