package vn.gov.thidua.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.thidua.agency.Agency;
import vn.gov.thidua.agency.AgencyDirectory;
import vn.gov.thidua.campaign.CampaignDefinition.MilestoneKind;
import vn.gov.thidua.campaign.CampaignDefinition.UnitCount;
import vn.gov.thidua.system.ApiException;

/**
 * Pilot-unit registration (đăng ký đơn vị làm điểm): a department or district names 1 to 2 units of the directory
 * (the milestone's {@code units}), within its own subordinates where the directory lists any, and the Board and the
 * standing agency read the list. A name typed in free text is refused: a pilot unit is one the directory knows.
 */
@Service
@Transactional
public class PilotUnits {

    static final String FIELD = "pilotUnits";

    public record PilotUnit(String registeredByAgency, String agencyCode, String agencyName) {
    }

    private final CampaignService campaigns;
    private final AgencyDirectory directory;
    private final SubmissionCopies copies;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    PilotUnits(CampaignService campaigns, AgencyDirectory directory, SubmissionCopies copies, JdbcTemplate jdbc, Clock clock) {
        this.campaigns = campaigns;
        this.directory = directory;
        this.copies = copies;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the registering agency's pilot units and completes its milestone; bad input changes nothing. */
    public List<String> register(String code, String key, String agency, String typed, String note, String actor) {
        if (campaigns.requireMilestone(code, key).kind() != MilestoneKind.PILOT_UNITS) {
            throw ApiException.conflict("Mốc '" + key + "' không phải mốc đăng ký đơn vị làm điểm.");
        }
        UnitCount count = MilestoneShapes.pilotUnits(campaigns.definition(code).writtenMilestone(key).orElseThrow());
        List<String> units = parse(typed);
        if (units.size() < count.min() || units.size() > count.max()) {
            throw ApiException.invalid(FIELD, "Cần đăng ký từ " + count.min() + " đến " + count.max()
                    + " đơn vị làm điểm; đã ghi " + units.size() + ".");
        }
        List<String> subordinates = subordinatesOf(agency);
        for (String unit : units) {
            Agency found = directory.find(unit).filter(Agency::isActive).orElseThrow(() -> ApiException.invalid(FIELD,
                    "Không tìm thấy đơn vị đang hoạt động có mã '" + unit + "' trong danh bạ."));
            if (found.getCode().equals(agency) || !subordinates.isEmpty() && !subordinates.contains(unit)) {
                throw ApiException.invalid(FIELD, "Đơn vị '" + found.getName() + "' không thuộc cơ quan đăng ký; các đơn vị"
                        + " trực thuộc được chọn: " + String.join(", ", subordinates) + ".");
            }
        }
        Instant now = clock.instant();
        Map<String, String> names = directory.names(units);
        String summary = "Đơn vị làm điểm: " + String.join("; ", units.stream().map(u -> names.getOrDefault(u, u)).toList())
                + (note == null || note.isBlank() ? "" : ". " + note.trim());
        campaigns.completeUnitMilestone(code, key, agency, summary, actor);
        jdbc.batchUpdate("insert into pilot_unit (campaign_code, milestone_key, registered_by_agency, agency_code,"
                        + " registered_at, registered_by) values (?, ?, ?, ?, ?, ?)",
                units.stream().map(unit -> new Object[] {code, key, agency, unit, now.atOffset(ZoneOffset.UTC), actor}).toList());
        copies.send(code, key, agency, summary);
        return units;
    }

    /** Every pilot unit the campaign's registering agencies named, by registering agency. */
    @Transactional(readOnly = true)
    public List<PilotUnit> of(String code) {
        Map<String, String> names = directory.allNames();
        return jdbc.query("select registered_by_agency, agency_code from pilot_unit where campaign_code = ?"
                        + " order by registered_by_agency, agency_code",
                (rs, i) -> new PilotUnit(rs.getString(1), rs.getString(2), names.getOrDefault(rs.getString(2), rs.getString(2))),
                code);
    }

    /** Codes separated by commas, semicolons or new lines, in the order typed, once each. */
    private static List<String> parse(String typed) {
        Set<String> codes = new LinkedHashSet<>();
        for (String part : (typed == null ? "" : typed).split("[,;\\n]")) {
            if (!part.isBlank()) {
                codes.add(part.trim().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return new ArrayList<>(codes);
    }

    /** The active agencies below the registering one in the directory, at any depth. */
    private List<String> subordinatesOf(String agency) {
        List<String> found = new ArrayList<>();
        List<String> frontier = List.of(agency);
        List<Agency> all = directory.all();
        while (!frontier.isEmpty()) {
            List<String> parents = frontier;
            frontier = all.stream().filter(a -> a.isActive() && a.getParentCode() != null && parents.contains(a.getParentCode()))
                    .map(Agency::getCode).toList();
            found.addAll(frontier);
        }
        return found;
    }
}
