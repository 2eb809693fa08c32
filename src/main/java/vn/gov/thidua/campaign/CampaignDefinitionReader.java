package vn.gov.thidua.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.gov.thidua.agency.Agency;
import vn.gov.thidua.agency.AgencyDirectory;
import vn.gov.thidua.agency.AgencyKind;
import vn.gov.thidua.agency.EmulationClusters;
import vn.gov.thidua.campaign.CampaignDefinition.Addressees;
import vn.gov.thidua.campaign.CampaignDefinition.EvaluationField;
import vn.gov.thidua.campaign.CampaignDefinition.Milestone;
import vn.gov.thidua.campaign.CampaignDefinition.MilestoneKind;
import vn.gov.thidua.campaign.CampaignDefinition.Opener;
import vn.gov.thidua.campaign.CampaignDefinition.ReviewRound;
import vn.gov.thidua.campaign.DeadlineWording.Reading;
import vn.gov.thidua.system.ApiException;
import vn.gov.thidua.validation.InputCheck;

import static vn.gov.thidua.validation.InputCheck.invalid;

/**
 * Reads a campaign definition (JSON or YAML) and checks it, naming the offending field of the first problem in
 * Vietnamese: first each field on its own (the records' Bean Validation constraints), then what needs the directory,
 * the deadline wording or several fields at once. What it returns is ready to register: the milestones as issued (a
 * yearly one once per year, a phase's with the campaign's), deadlines as instants and every addressee set resolved
 * to the agencies that hold the work today (a cluster stays the cluster: its leader of the year acts for it).
 */
@Component
public class CampaignDefinitionReader {

    /** A yearly milestone's key is issued with '-<year>' appended, within the 64 characters of a code. */
    private static final int MAX_YEARLY_KEY = 59;
    /** A yearly milestone's name is issued with ' năm <year>' appended, within the 255 characters of a name. */
    private static final int MAX_YEARLY_NAME = 245;

    private final AgencyDirectory directory;
    private final EmulationClusters clusters;
    private final InputCheck check;
    private final ObjectMapper json = configure(JsonMapper.builder().build());
    private final ObjectMapper yaml = configure(new YAMLMapper());

    public CampaignDefinitionReader(AgencyDirectory directory, EmulationClusters clusters, InputCheck check) {
        this.directory = directory;
        this.clusters = clusters;
        this.check = check;
    }

    /** A checked definition with its deadlines and addressees resolved. */
    public record Prepared(CampaignDefinition definition, SortedSet<String> participants, List<PreparedMilestone> milestones) {

        /** Everyone the campaign gives work to: participants and data providers. */
        public SortedSet<String> involvedAgencies() {
            SortedSet<String> all = new TreeSet<>(participants);
            milestones.forEach(milestone -> all.addAll(milestone.addressees()));
            return all;
        }
    }

    public record PreparedMilestone(int seq, String key, String name, MilestoneKind kind, OffsetDateTime opensAt,
                                    OffsetDateTime dueAt, Opener openedBy, List<Integer> reminderWorkingDays,
                                    SortedSet<String> addressees) {
    }

    public CampaignDefinition parse(String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.invalid("definition", "Chưa có nội dung định nghĩa phong trào.");
        }
        ObjectMapper mapper = text.stripLeading().startsWith("{") ? json : yaml;
        try {
            CampaignDefinition definition = mapper.readValue(text, CampaignDefinition.class);
            if (definition == null) {
                throw ApiException.invalid("definition", "Chưa có nội dung định nghĩa phong trào.");
            }
            return definition;
        } catch (JsonMappingException e) {
            String path = path(e);
            throw ApiException.invalid(path.isEmpty() ? "definition" : path, DefinitionRefusals.of(e, path));
        } catch (JsonProcessingException e) {
            throw ApiException.invalid("definition", "Định nghĩa phong trào không phải JSON/YAML hợp lệ (dòng "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ").");
        }
    }

    public Prepared prepare(CampaignDefinition d) {
        check.check(d);
        if (d.periodEnd().isBefore(d.periodStart())) {
            throw invalid("periodEnd", "phải sau ngày bắt đầu " + d.periodStart());
        }
        String province = province(d);
        requireAgency(d.roles().standingAgency(), "roles.standingAgency", province);
        requireAgency(d.roles().decider(), "roles.decider", province);
        SortedSet<String> participants = resolve(d.participants(), Set.of(), "participants", province);
        if (participants.isEmpty()) {
            throw invalid("participants", "không có đơn vị nào đang hoạt động");
        }
        List<PreparedMilestone> milestones = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        List<Milestone> own = d.milestones() == null ? List.of() : d.milestones();
        for (int i = 0; i < own.size(); i++) {
            milestones.addAll(issuances(d, own.get(i), "milestones[" + i + "]", d.periodStart(), d.periodEnd(),
                    milestones.size(), participants, keys));
        }
        phases(d, milestones, participants, keys);
        if (milestones.isEmpty()) {
            throw invalid("milestones", "phải có ít nhất một mốc");
        }
        rounds(d, milestones);
        awardForms(d);
        return new Prepared(d, participants, milestones);
    }

    /**
     * The campaign's province: its appraising Board's. A definition naming its province must name the Board's; every
     * agency it gives a role or work to must be of that province.
     */
    public String province(CampaignDefinition d) {
        String province = directory.require(requireAgency(d.roles().appraisingBoard(), "roles.appraisingBoard", null)).getProvince();
        if (province != null && d.province() != null && !province.equals(d.province().trim())) {
            throw invalid("province", "phải là tỉnh của Ban Thi đua - Khen thưởng '" + d.roles().appraisingBoard() + "' ("
                    + province + "); các tỉnh, thành phố trong danh bạ: " + String.join(", ", directory.provinces()));
        }
        return province;
    }

    /**
     * The phases: each within the campaign's period, in order and not overlapping, with unique keys; their milestones
     * and rounds are the campaign's, their yearly milestones issued in the phase's years.
     */
    private void phases(CampaignDefinition d, List<PreparedMilestone> milestones, Set<String> participants, Set<String> keys) {
        Set<String> phaseKeys = new HashSet<>();
        LocalDate previousEnd = null;
        for (int p = 0; p < d.phases().size(); p++) {
            String at = "phases[" + p + "]";
            CampaignDefinition.Phase phase = d.phases().get(p);
            if (!phaseKeys.add(phase.key())) {
                throw invalid(at + ".key", "không hợp lệ hoặc trùng với giai đoạn khác");
            }
            if (phase.periodEnd().isBefore(phase.periodStart())) {
                throw invalid(at + ".periodEnd", "phải sau ngày bắt đầu của giai đoạn " + phase.periodStart());
            }
            if (phase.periodStart().isBefore(d.periodStart()) || phase.periodEnd().isAfter(d.periodEnd())) {
                throw invalid(at, "phải nằm trong thời gian của phong trào (" + d.periodStart() + " đến " + d.periodEnd() + ")");
            }
            if (previousEnd != null && !phase.periodStart().isAfter(previousEnd)) {
                throw invalid(at + ".periodStart", "phải sau khi giai đoạn trước kết thúc (" + previousEnd + ")");
            }
            previousEnd = phase.periodEnd();
            List<Milestone> own = phase.milestones() == null ? List.of() : phase.milestones();
            for (int i = 0; i < own.size(); i++) {
                milestones.addAll(issuances(d, own.get(i), at + ".milestones[" + i + "]", phase.periodStart(),
                        phase.periodEnd(), milestones.size(), participants, keys));
            }
        }
    }

    /**
     * A written milestone as the milestones it issues: itself, or, when its deadline is worded "hằng năm", one per
     * year ({@code <key>-<year>}, named "… năm <year>"), each with its own opening, deadline, reminders and status.
     * Without {@code years}, a yearly milestone is issued in each year of the period (the phase's) whose deadline
     * falls within it.
     */
    private List<PreparedMilestone> issuances(CampaignDefinition d, Milestone m, String at, LocalDate from,
                                              LocalDate to, int seq, Set<String> participants, Set<String> keys) {
        if (!m.isYearly()) {
            return List.of(milestone(d, m, at, seq, m.key(), m.name(), null, participants, keys));
        }
        if (m.key().length() > MAX_YEARLY_KEY) {
            throw invalid(at + ".key", "của mốc hằng năm dài tối đa " + MAX_YEARLY_KEY + " ký tự (mỗi năm thêm '-<năm>')");
        }
        if (m.name().length() > MAX_YEARLY_NAME) {
            throw invalid(at + ".name", "dài quá " + MAX_YEARLY_NAME + " ký tự");
        }
        boolean named = m.years() != null;
        int first = named ? m.years().from() : from.getYear();
        int last = named ? m.years().to() : to.getYear();
        if (last < first || named && (first < from.getYear() || last > to.getYear())) {
            throw invalid(at + ".years", "phải là các năm trong thời gian " + from.getYear() + "–" + to.getYear()
                    + ", năm đầu không sau năm cuối");
        }
        List<PreparedMilestone> issued = new ArrayList<>();
        for (int year = first; year <= last; year++) {
            OffsetDateTime due = yearly(m.due(), Reading.DUE, year, at + ".due");
            LocalDate dueDay = due.atZoneSameInstant(DeadlineWording.ZONE).toLocalDate();
            if (!named && (dueDay.isBefore(from) || dueDay.isAfter(to.plusDays(1)))) {
                continue;
            }
            String name = m.name().trim();
            String yearName = name.matches("(?is).*\\bh[ằà]ng năm\\b.*") ? name.replaceAll("(?i)\\bh[ằà]ng năm\\b", "năm " + year)
                    : name + " năm " + year;
            issued.add(milestone(d, m, at, seq + issued.size(), m.key() + "-" + year, yearName, year, participants, keys));
        }
        if (issued.isEmpty()) {
            throw invalid(at + ".due", "không có hạn nào trong thời gian " + from + " đến " + to);
        }
        return issued;
    }

    private PreparedMilestone milestone(CampaignDefinition d, Milestone m, String at, int seq, String key, String name,
                                        Integer year, Set<String> participants, Set<String> keys) {
        if (!keys.add(key)) {
            throw invalid(at + ".key", "trùng với một mốc khác ('" + key + "')");
        }
        OffsetDateTime due = year == null ? instant(m.due(), Reading.DUE, at + ".due") : yearly(m.due(), Reading.DUE, year, at + ".due");
        // a yearly milestone is issued in its year: from 1 January when the plan gives no opening
        OffsetDateTime opens = year != null ? yearly(m.opens() == null ? "năm " + year : m.opens(), Reading.OPENS, year, at + ".opens")
                : m.opens() == null ? null : instant(m.opens(), Reading.OPENS, at + ".opens");
        if (opens != null && !opens.isBefore(due)) {
            throw invalid(at + ".opens", "phải trước hạn của mốc (" + due + ")");
        }
        Opener openedBy = m.openedBy() == null ? Opener.SCHEDULE : m.openedBy();
        if (openedBy == Opener.BOARD && opens == null) {
            throw invalid(at + ".opens", "mốc do Ban Thi đua - Khen thưởng mở cần có ngày mở");
        }
        Addressees to = m.to() == null ? new Addressees(true, null, null, null, null) : m.to();
        String province = province(d);
        SortedSet<String> addressees = resolve(to, participants, at + ".to", province);
        if (addressees.isEmpty()) {
            throw invalid(at + ".to", "không giao cho đơn vị nào");
        }
        if (m.kind() == MilestoneKind.EVALUATION_DATA) {
            if (m.fields() == null || m.fields().isEmpty()) {
                throw invalid(at + ".fields", "mốc dữ liệu đánh giá cần danh sách lĩnh vực");
            }
            Set<String> fieldKeys = new HashSet<>();
            for (int f = 0; f < m.fields().size(); f++) {
                EvaluationField field = m.fields().get(f);
                if (!fieldKeys.add(field.key())) {
                    throw invalid(at + ".fields[" + f + "].key", "trùng lĩnh vực '" + field.key() + "'");
                }
                for (String provider : field.providers() == null ? List.<String>of() : field.providers()) {
                    if (!addressees.contains(provider)) {
                        throw invalid(at + ".fields[" + f + "].providers", "'" + provider + "' không được giao mốc này");
                    }
                }
            }
        }
        MilestoneShapes.check(m, at, d.roles(), (code, field) -> requireAgency(code, field, province));
        List<Integer> reminders = m.reminderWorkingDays() != null ? m.reminderWorkingDays()
                : d.reminderWorkingDays() != null ? d.reminderWorkingDays() : List.of(5, 1);
        return new PreparedMilestone(seq, key, name, m.kind(), opens, due, openedBy, List.copyOf(reminders), addressees);
    }

    private void rounds(CampaignDefinition d, List<PreparedMilestone> milestones) {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < d.reviewRounds().size(); i++) {
            String at = roundField(d, i);
            ReviewRound round = d.reviewRounds().get(i);
            if (!keys.add(round.key())) {
                throw invalid(at + ".key", "không hợp lệ hoặc trùng với đợt khác");
            }
            boolean reportIsReview = milestones.stream().anyMatch(m -> round.reportMilestone().equals(m.key())
                    && m.kind() == MilestoneKind.REVIEW_REPORT);
            if (!reportIsReview) {
                throw invalid(at + ".reportMilestone", "phải là mã của một mốc loại REVIEW_REPORT (mốc hằng năm: mã kèm năm,"
                        + " như 'bao-cao-nam-2024'); các mốc REVIEW_REPORT: " + milestones.stream()
                        .filter(m -> m.kind() == MilestoneKind.REVIEW_REPORT).map(PreparedMilestone::key).toList());
            }
            instant(round.nominationDue(), Reading.DUE, at + ".nominationDue");
            instant(round.vettingDue(), Reading.DUE, at + ".vettingDue");
        }
    }

    /** A round's field as the definition writes it: reviewRounds[i], or phases[p].reviewRounds[j] for a phase's. */
    private static String roundField(CampaignDefinition d, int i) {
        int own = d.reviewRounds().size() - d.phases().stream()
                .mapToInt(phase -> phase.reviewRounds() == null ? 0 : phase.reviewRounds().size()).sum();
        if (i < own) {
            return "reviewRounds[" + i + "]";
        }
        int left = i - own;
        for (int p = 0; p < d.phases().size(); p++) {
            int size = d.phases().get(p).reviewRounds() == null ? 0 : d.phases().get(p).reviewRounds().size();
            if (left < size) {
                return "phases[" + p + "].reviewRounds[" + left + "]";
            }
            left -= size;
        }
        throw new IllegalArgumentException("round " + i);
    }

    private void awardForms(CampaignDefinition d) {
        if (d.awardForms() == null) {
            return;
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < d.awardForms().size(); i++) {
            String at = "awardForms[" + i + "]";
            var form = d.awardForms().get(i);
            if (!keys.add(form.key())) {
                throw invalid(at + ".key", "không hợp lệ hoặc trùng với hình thức khác");
            }
            CriteriaThresholds.check(d.code(), form, at);
            if (form.quotaEnforcement() != null && form.quotaDecision() == null) {
                throw invalid(at + ".quotaEnforcement", "chỉ dùng cùng quotaDecision (bảng quyết định số lượng)");
            }
        }
    }

    /** Agencies named by a set, as the agencies that hold their work today (after mergers), all of the campaign's province. */
    private SortedSet<String> resolve(Addressees to, Set<String> participants, String at, String province) {
        Set<String> result = new LinkedHashSet<>();
        if (Boolean.TRUE.equals(to.allParticipants())) {
            if (participants.isEmpty()) {
                throw invalid(at + ".allParticipants", "chỉ dùng được cho các mốc, không dùng cho danh sách đơn vị tham gia");
            }
            result.addAll(participants);
        }
        if (to.kinds() != null && !to.kinds().isEmpty()) {
            Set<AgencyKind> kinds = Set.copyOf(to.kinds());
            directory.activeOfKinds(kinds, province).stream().map(Agency::getCode).forEach(result::add);
        }
        if (to.clusters() != null) {
            for (int i = 0; i < to.clusters().size(); i++) {
                String cluster = to.clusters().get(i);
                String field = at + ".clusters[" + i + "]";
                if (!clusters.isCluster(cluster)) {
                    throw invalid(field, "không phải cụm, khối thi đua trong danh bạ ('" + cluster + "'); các cụm, khối: "
                            + clusters.codes());
                }
                requireAgency(cluster, field, province);
                clusters.members(cluster).stream().map(member -> directory.current(member).getCode()).forEach(result::add);
            }
        }
        if (to.agencies() != null) {
            for (int i = 0; i < to.agencies().size(); i++) {
                result.add(requireAgency(to.agencies().get(i), at + ".agencies[" + i + "]", province));
            }
        }
        if (to.exclude() != null) {
            for (int i = 0; i < to.exclude().size(); i++) {
                result.remove(requireAgency(to.exclude().get(i), at + ".exclude[" + i + "]", null));
            }
        }
        return new TreeSet<>(result);
    }

    /**
     * The agency that holds the work of {@code code} today; the field is named when it is unknown or, with a
     * {@code province}, of another province.
     */
    private String requireAgency(String code, String at, String province) {
        if (directory.find(code).isEmpty()) {
            throw ApiException.invalid(at, "Không tìm thấy cơ quan, đơn vị có mã '" + code + "' (trường '" + at + "').");
        }
        String current;
        try {
            // the agency itself (a cluster stays the cluster: its leader of each year acts for it)
            current = directory.current(code).getCode();
        } catch (IllegalStateException inactive) {
            throw ApiException.invalid(at, inactive.getMessage());
        }
        String agencyProvince = directory.require(current).getProvince();
        if (province != null && !province.equals(agencyProvince)) {
            throw ApiException.invalid(at, "Cơ quan, đơn vị '" + code + "' (trường '" + at + "') thuộc " + agencyProvince
                    + ", không thuộc " + province + " của phong trào.");
        }
        return current;
    }

    private static OffsetDateTime instant(String wording, Reading reading, String at) {
        if (DeadlineWording.isYearly(wording)) {
            throw invalid(at, "viết theo năm ('" + wording + "') chỉ dùng cho hạn của mốc hằng năm (trường due)");
        }
        return DeadlineWording.parse(wording, reading).orElseThrow(() -> invalid(at, "không hiểu thời hạn '" + wording
                + "'; các cách viết được nhận: " + DeadlineWording.ACCEPTED));
    }

    private static OffsetDateTime yearly(String wording, Reading reading, int year, String at) {
        return DeadlineWording.forYear(wording, reading, year).orElseThrow(() -> invalid(at, "không hiểu thời hạn '" + wording
                + "' (năm " + year + "); các cách viết được nhận: " + DeadlineWording.ACCEPTED));
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static <M extends ObjectMapper> M configure(M mapper) {
        mapper.registerModule(new JavaTimeModule());
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        return mapper;
    }
}
