package vn.gov.thidua.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
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
import vn.gov.thidua.campaign.CampaignDefinition.Addressees;
import vn.gov.thidua.campaign.CampaignDefinition.EvaluationField;
import vn.gov.thidua.campaign.CampaignDefinition.Milestone;
import vn.gov.thidua.campaign.CampaignDefinition.MilestoneKind;
import vn.gov.thidua.campaign.CampaignDefinition.Opener;
import vn.gov.thidua.campaign.CampaignDefinition.ReviewRound;
import vn.gov.thidua.campaign.DeadlineWording.Reading;
import vn.gov.thidua.system.ApiException;

/**
 * Reads a campaign definition (JSON or YAML) and checks it against the directory, naming the offending field of
 * the first problem in Vietnamese. What it returns is ready to register: deadlines as instants and every
 * addressee set resolved to the agencies that hold the work today.
 */
@Component
public class CampaignDefinitionReader {

    static final String CODE_PATTERN = "[a-z0-9][a-z0-9._-]{0,63}";
    private static final int MAX_REMINDER_DAYS = 60;

    private final AgencyDirectory directory;
    private final ObjectMapper json = configure(JsonMapper.builder().build());
    private final ObjectMapper yaml = configure(new YAMLMapper());

    public CampaignDefinitionReader(AgencyDirectory directory) {
        this.directory = directory;
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
            throw ApiException.invalid(path.isEmpty() ? "definition" : path,
                    "Định nghĩa phong trào không hợp lệ tại '" + (path.isEmpty() ? "gốc" : path)
                            + "': sai kiểu dữ liệu, giá trị không được phép hoặc trường không có trong mẫu.");
        } catch (JsonProcessingException e) {
            throw ApiException.invalid("definition", "Định nghĩa phong trào không phải JSON/YAML hợp lệ (dòng "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ").");
        }
    }

    public Prepared prepare(CampaignDefinition d) {
        require(d.code(), "code");
        if (!d.code().matches(CODE_PATTERN)) {
            throw invalid("code", "chỉ gồm chữ thường không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới; tối đa 64 ký tự");
        }
        requireText(d.name(), "name", 500);
        requireText(d.planNumber(), "planNumber", 64);
        require(d.planDate(), "planDate");
        require(d.periodStart(), "periodStart");
        require(d.periodEnd(), "periodEnd");
        if (d.periodEnd().isBefore(d.periodStart())) {
            throw invalid("periodEnd", "phải sau ngày bắt đầu " + d.periodStart());
        }
        optionalText(d.theme(), "theme", 255);
        optionalText(d.province(), "province", 255);
        require(d.roles(), "roles");
        String province = province(d);
        requireAgency(d.roles().standingAgency(), "roles.standingAgency", province);
        requireAgency(d.roles().decider(), "roles.decider", province);
        reminderDays(d.reminderWorkingDays(), "reminderWorkingDays");

        require(d.participants(), "participants");
        SortedSet<String> participants = resolve(d.participants(), Set.of(), "participants", province);
        if (participants.isEmpty()) {
            throw invalid("participants", "không có đơn vị nào đang hoạt động");
        }
        if (d.milestones() == null || d.milestones().isEmpty()) {
            throw invalid("milestones", "phải có ít nhất một mốc");
        }
        List<PreparedMilestone> milestones = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < d.milestones().size(); i++) {
            milestones.add(milestone(d, d.milestones().get(i), i, participants, keys));
        }
        rounds(d, keys);
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

    private PreparedMilestone milestone(CampaignDefinition d, Milestone m, int i, Set<String> participants, Set<String> keys) {
        String at = "milestones[" + i + "]";
        require(m, at);
        require(m.key(), at + ".key");
        if (!m.key().matches(CODE_PATTERN)) {
            throw invalid(at + ".key", "chỉ gồm chữ thường không dấu, chữ số, dấu chấm, gạch ngang, gạch dưới");
        }
        if (!keys.add(m.key())) {
            throw invalid(at + ".key", "trùng với một mốc khác ('" + m.key() + "')");
        }
        requireText(m.name(), at + ".name", 255);
        require(m.kind(), at + ".kind");
        OffsetDateTime due = instant(m.due(), Reading.DUE, at + ".due");
        OffsetDateTime opens = m.opens() == null ? null : instant(m.opens(), Reading.OPENS, at + ".opens");
        if (opens != null && !opens.isBefore(due)) {
            throw invalid(at + ".opens", "phải trước hạn của mốc (" + due + ")");
        }
        Opener openedBy = m.openedBy() == null ? Opener.SCHEDULE : m.openedBy();
        if (openedBy == Opener.BOARD && opens == null) {
            throw invalid(at + ".opens", "mốc do Ban Thi đua - Khen thưởng mở cần có ngày mở");
        }
        reminderDays(m.reminderWorkingDays(), at + ".reminderWorkingDays");
        Addressees to = m.to() == null ? new Addressees(true, null, null, null) : m.to();
        SortedSet<String> addressees = resolve(to, participants, at + ".to", province(d));
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
                require(field, at + ".fields[" + f + "]");
                requireText(field.key(), at + ".fields[" + f + "].key", 64);
                requireText(field.name(), at + ".fields[" + f + "].name", 255);
                if (!fieldKeys.add(field.key())) {
                    throw invalid(at + ".fields[" + f + "].key", "trùng lĩnh vực '" + field.key() + "'");
                }
            }
        }
        List<Integer> reminders = m.reminderWorkingDays() != null ? m.reminderWorkingDays()
                : d.reminderWorkingDays() != null ? d.reminderWorkingDays() : List.of(5, 1);
        return new PreparedMilestone(i, m.key(), m.name().trim(), m.kind(), opens, due, openedBy, List.copyOf(reminders), addressees);
    }

    private void rounds(CampaignDefinition d, Set<String> milestoneKeys) {
        if (d.reviewRounds() == null) {
            return;
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < d.reviewRounds().size(); i++) {
            String at = "reviewRounds[" + i + "]";
            ReviewRound round = d.reviewRounds().get(i);
            require(round, at);
            require(round.key(), at + ".key");
            if (!round.key().matches(CODE_PATTERN) || !keys.add(round.key())) {
                throw invalid(at + ".key", "không hợp lệ hoặc trùng với đợt khác");
            }
            requireText(round.name(), at + ".name", 255);
            require(round.kind(), at + ".kind");
            require(round.reportMilestone(), at + ".reportMilestone");
            boolean reportIsReview = d.milestones().stream().anyMatch(m -> m != null && round.reportMilestone().equals(m.key())
                    && m.kind() == MilestoneKind.REVIEW_REPORT);
            if (!milestoneKeys.contains(round.reportMilestone()) || !reportIsReview) {
                throw invalid(at + ".reportMilestone", "phải là mã của một mốc loại REVIEW_REPORT");
            }
            instant(round.nominationDue(), Reading.DUE, at + ".nominationDue");
            instant(round.vettingDue(), Reading.DUE, at + ".vettingDue");
            workingDays(round.returnWithinWorkingDays(), at + ".returnWithinWorkingDays");
            workingDays(round.appraiseWithinWorkingDays(), at + ".appraiseWithinWorkingDays");
        }
    }

    private void awardForms(CampaignDefinition d) {
        if (d.awardForms() == null) {
            return;
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < d.awardForms().size(); i++) {
            String at = "awardForms[" + i + "]";
            var form = d.awardForms().get(i);
            require(form, at);
            require(form.key(), at + ".key");
            if (!form.key().matches(CODE_PATTERN) || !keys.add(form.key())) {
                throw invalid(at + ".key", "không hợp lệ hoặc trùng với hình thức khác");
            }
            requireText(form.name(), at + ".name", 255);
            requireText(form.criteriaDecision(), at + ".criteriaDecision", 255);
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
        require(code, at);
        if (directory.find(code).isEmpty()) {
            throw ApiException.invalid(at, "Không tìm thấy cơ quan, đơn vị có mã '" + code + "' (trường '" + at + "').");
        }
        String current;
        try {
            current = directory.groupFor(code);
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
        require(wording, at);
        return DeadlineWording.parse(wording, reading).orElseThrow(() -> invalid(at, "không hiểu thời hạn '" + wording
                + "'; dùng cách viết như 'trước ngày 12/12/2024', 'trong Quý IV năm 2023', 'trong tháng 11/2024' hoặc ISO-8601"));
    }

    private static void reminderDays(List<Integer> days, String at) {
        if (days == null) {
            return;
        }
        for (int i = 0; i < days.size(); i++) {
            Integer day = days.get(i);
            if (day == null || day < 1 || day > MAX_REMINDER_DAYS) {
                throw invalid(at + "[" + i + "]", "phải là số ngày làm việc từ 1 đến " + MAX_REMINDER_DAYS);
            }
        }
    }

    private static void workingDays(Integer days, String at) {
        if (days != null && (days < 1 || days > MAX_REMINDER_DAYS)) {
            throw invalid(at, "phải là số ngày làm việc từ 1 đến " + MAX_REMINDER_DAYS);
        }
    }

    private static void require(Object value, String at) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw invalid(at, "không được để trống");
        }
    }

    private static void requireText(String value, String at, int max) {
        require(value, at);
        optionalText(value, at, max);
    }

    private static void optionalText(String value, String at, int max) {
        if (value != null && value.length() > max) {
            throw invalid(at, "dài quá " + max + " ký tự");
        }
        if (value != null && (value.indexOf('<') >= 0 || value.indexOf('>') >= 0)) {
            // shown in Tasklist, Cockpit, mails and exports: markup is refused rather than escaped everywhere
            throw invalid(at, "không được chứa ký tự < hoặc >");
        }
    }

    private static ApiException invalid(String at, String problem) {
        return ApiException.invalid(at, "Trường '" + at + "' " + problem + ".");
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
