package vn.gov.thidua.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import jakarta.validation.constraints.NotBlank;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.thidua.agency.Agency;
import vn.gov.thidua.agency.AgencyDirectory;
import vn.gov.thidua.campaign.AmendmentStore.OpenUnitMilestone;
import vn.gov.thidua.campaign.AmendmentStore.VersionRow;
import vn.gov.thidua.campaign.CampaignDefinitionReader.Prepared;
import vn.gov.thidua.campaign.CampaignDefinitionReader.PreparedMilestone;
import vn.gov.thidua.campaign.CampaignStore.MilestoneRow;
import vn.gov.thidua.campaign.CampaignStore.ParticipantRow;
import vn.gov.thidua.campaign.CampaignStore.Role;
import vn.gov.thidua.engine.CampaignTenants;
import vn.gov.thidua.engine.EngineIdentity;
import vn.gov.thidua.system.ApiException;
import vn.gov.thidua.validation.InputCheck;
import vn.gov.thidua.validation.MaxLength;

/**
 * Amendments of a running campaign by its Board's guidance dispatches: extend a deadline (for all or named units), add
 * a milestone or a review round, add or withdraw a participant, cancel a milestone. Each is a numbered version of the
 * definition with its dispatch number and reason; it is written against the version its author read, so two written
 * from the same version cannot both pass. Nothing done is deleted: open work is moved or ended with a reason. A refusal
 * changes nothing (one transaction, engine calls included).
 */
@Service
@Transactional
public class CampaignAmendments {

    /** The kinds of amendment, as the request's {@code kind} names them. */
    public enum Kind { EXTEND_DEADLINE, ADD_MILESTONE, ADD_PARTICIPANT, WITHDRAW_PARTICIPANT, CANCEL_MILESTONE }

    /**
     * An amendment as the Board sends it. {@code milestone} and {@code round} are written as in a definition
     * (docs/campaign-definitions.md); {@code due} is worded as there ("trước ngày 15/01/2024") or ISO-8601. Which of
     * milestoneKey, due and agency are needed depends on the kind: that is checked with the kind.
     */
    public record Amendment(
            String kind,
            Integer basedOnVersion,
            @NotBlank(message = "Chưa nhập số công văn (ví dụ 812/BTĐKT-NV) (dispatchNumber).") @MaxLength(64) String dispatchNumber,
            @NotBlank(message = "Chưa nhập lý do điều chỉnh (reason).") @MaxLength(2000) String reason,
            @MaxLength(64) String milestoneKey,
            @MaxLength(200) String due,
            List<String> agencies,
            @MaxLength(64) String agency,
            JsonNode milestone,
            JsonNode round) {
    }

    /** The version an amendment made and how many units' milestones it moved, issued or ended. */
    public record Result(String campaignCode, int version, String kind, int units) {
    }

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final int LISTED = 30;

    private final CampaignService campaigns;
    private final CampaignUnits units;
    private final CampaignStore store;
    private final AmendmentStore amendments;
    private final AmendedWork work;
    private final CampaignDefinitionReader reader;
    private final StoredDefinitionRepository definitions;
    private final AgencyDirectory directory;
    private final CampaignTenants tenants;
    private final EngineIdentity system;
    private final Clock clock;
    private final InputCheck check;

    CampaignAmendments(CampaignService campaigns, CampaignUnits units, CampaignStore store, AmendmentStore amendments,
                       AmendedWork work, CampaignDefinitionReader reader, StoredDefinitionRepository definitions,
                       AgencyDirectory directory, CampaignTenants tenants, EngineIdentity system,
                       Clock clock, InputCheck check) {
        this.campaigns = campaigns;
        this.units = units;
        this.store = store;
        this.amendments = amendments;
        this.work = work;
        this.reader = reader;
        this.definitions = definitions;
        this.directory = directory;
        this.tenants = tenants;
        this.system = system;
        this.clock = clock;
        this.check = check;
    }

    /** Reads the request; its refusals name the field. The caller has checked the officer is the campaign's Board. */
    public Result amend(String code, String body, String actor) {
        Campaign campaign = campaigns.campaign(code);
        Amendment a = parse(body);
        if (campaign.getStatus() != Campaign.Status.ACTIVE) {
            throw ApiException.conflict("Phong trào '" + code + "' " + (campaign.getStatus() == Campaign.Status.CLOSED
                    ? "đã kết thúc" : "đang phát động, chưa ghi nhận xong các đơn vị") + ": không thể điều chỉnh.");
        }
        if (amendments.launchedBeforeUnitMilestones(code)) {
            throw ApiException.conflict("Phong trào '" + code + "' được phát động theo mô hình cũ (mỗi đơn vị một quy trình"
                    + " tham gia): không điều chỉnh được qua văn bản điều chỉnh.");
        }
        Kind kind = kind(a.kind());
        check.check(a);
        String dispatch = a.dispatchNumber().trim();
        String reason = a.reason().trim();
        if (a.basedOnVersion() == null) {
            throw ApiException.invalid("basedOnVersion", "Chưa nhập phiên bản định nghĩa đã đọc (basedOnVersion); phiên bản"
                    + " hiện hành: " + amendments.versionInForce(code) + ".");
        }
        int read = a.basedOnVersion();
        if (read != amendments.versionInForce(code) || !amendments.advanceVersion(code, read)) {
            throw ApiException.conflict("basedOnVersion", "Định nghĩa phong trào đã được điều chỉnh sau phiên bản " + read
                    + " (phiên bản hiện hành: " + amendments.versionInForce(code) + "). Hãy xem lại các điều chỉnh rồi gửi lại.");
        }
        int version = read + 1;
        Instant now = clock.instant();
        String because = "Theo công văn số " + dispatch + ": " + reason;
        StoredDefinition stored = definitions.findById(code).orElseThrow();
        String content = stored.getContent();
        int affected = switch (kind) {
            case EXTEND_DEADLINE -> extend(campaign, a, version, now);
            case CANCEL_MILESTONE -> cancel(code, a, version, now, limit(because));
            case WITHDRAW_PARTICIPANT -> withdraw(code, a, version, now, limit(because));
            case ADD_PARTICIPANT -> addParticipant(campaign, a, now);
            case ADD_MILESTONE -> {
                content = addMilestone(campaign, stored, a, version, now, actor);
                yield 0;
            }
        };
        amendments.insertVersion(code, version, kind.name(), dispatch, reason, body, content, now, actor);
        return new Result(code, version, kind.name(), affected);
    }

    @Transactional(readOnly = true)
    public List<VersionRow> versions(String code) {
        campaigns.campaign(code);
        return amendments.versions(code);
    }

    private int extend(Campaign campaign, Amendment a, int version, Instant now) {
        String code = campaign.getCode();
        MilestoneRow milestone = milestone(code, a.milestoneKey());
        OffsetDateTime due = DeadlineWording.parse(required(a.due(), "due", "hạn mới"), DeadlineWording.Reading.DUE)
                .orElseThrow(() -> ApiException.invalid("due", "Không đọc được hạn mới '" + a.due() + "': viết như kế hoạch"
                        + " ('trước ngày 15/01/2025', 'trong tháng 01/2025') hoặc ISO-8601 ('2025-01-15T00:00:00+07:00')."));
        if (!due.toInstant().isAfter(now)) {
            throw ApiException.invalid("due", "Hạn mới phải sau thời điểm hiện tại.");
        }
        List<String> named = a.agencies() == null || a.agencies().isEmpty() ? null : a.agencies().stream().distinct().toList();
        if (named == null && !due.isAfter(milestone.dueAt())) {
            throw ApiException.invalid("due", "Hạn mới phải sau hạn hiện tại của mốc (" + CampaignService.DUE_TEXT.format(
                    milestone.dueAt()) + ").");
        }
        List<OpenUnitMilestone> open = amendments.openUnits(code, milestone.key(), named);
        if (named != null) {
            Set<String> issued = amendments.issuedTo(code, milestone.key());
            Set<String> openAgencies = open.stream().map(OpenUnitMilestone::agencyCode).collect(Collectors.toSet());
            for (String agency : named) {
                if (!issued.contains(agency)) {
                    throw ApiException.invalid("agencies", "Đơn vị '" + agency + "' chưa được giao mốc '" + milestone.key()
                            + "'. Các đơn vị đã được giao: " + listed(issued) + ".");
                }
                if (!openAgencies.contains(agency)) {
                    throw ApiException.invalid("agencies", "Đơn vị '" + agency + "' đã hoàn thành hoặc đã dừng mốc '"
                            + milestone.key() + "': không cần gia hạn.");
                }
            }
            for (OpenUnitMilestone unit : open) {
                if (!due.isAfter(unit.dueAt())) {
                    throw ApiException.invalid("due", "Hạn mới phải sau hạn hiện tại của đơn vị '" + unit.agencyCode() + "' ("
                            + CampaignService.DUE_TEXT.format(unit.dueAt()) + ").");
                }
            }
        }
        // an extension never shortens a unit's deadline: one already given a later one keeps it
        List<OpenUnitMilestone> moving = open.stream().filter(unit -> unit.dueAt().isBefore(due)).toList();
        if (!moving.isEmpty()) {
            amendments.extend(code, milestone.key(), moving.stream().map(OpenUnitMilestone::agencyCode).toList(), due, version);
            work.moveTasks(moving, due, milestone.reminderWorkingDays());
        }
        boolean ownSchedule = named != null || !now.isBefore(milestone.dueAt().toInstant());
        if (named == null) {
            amendments.moveMilestoneDue(code, milestone.key(), due);
            if (!ownSchedule && work.moveTimers(campaign.getProcessInstanceId(), code, milestone.key(), milestone.dueAt(),
                    due) == 0) {
                // the old deadline's reminders were all sent: the new one's are the schedule's
                ownSchedule = work.remindersAhead(milestone.reminderWorkingDays(), due, now);
            }
        }
        // the milestone's timers serve its deadline; units given another one (named, or after the milestone's deadline
        // fired) or reminders the milestone's loop has passed get a schedule of their own
        if (ownSchedule && !moving.isEmpty()) {
            work.startSchedule(code, milestone.key(), due, version, now);
        }
        return moving.size();
    }

    private int cancel(String code, Amendment a, int version, Instant now, String because) {
        MilestoneRow milestone = milestone(code, a.milestoneKey());
        List<OpenUnitMilestone> open = amendments.openUnits(code, milestone.key(), null);
        amendments.cancelMilestone(code, milestone.key(), now);
        amendments.endOpen(code, milestone.key(), null, "Hủy mốc. " + because, now, version);
        work.endInstances(open, limit("Hủy mốc. " + because));
        work.endSchedules(work.schedules(code, milestone.key()), limit("Hủy mốc. " + because));
        return open.size();
    }

    private int withdraw(String code, Amendment a, int version, Instant now, String because) {
        String agency = required(a.agency(), "agency", "mã đơn vị rút khỏi phong trào");
        List<String> taking = store.participants(code).stream()
                .filter(p -> p.role() == Role.PARTICIPANT && p.closedAt() == null).map(ParticipantRow::agencyCode).toList();
        if (!taking.contains(agency)) {
            throw ApiException.invalid("agency", "'" + agency + "' không phải đơn vị đang tham gia phong trào. Các đơn vị đang"
                    + " tham gia: " + listed(taking) + ".");
        }
        List<OpenUnitMilestone> open = amendments.openUnits(code, null, List.of(agency));
        amendments.endOpen(code, null, agency, limit("Rút khỏi phong trào. " + because), now, version);
        amendments.withdraw(code, agency, because, now);
        work.endInstances(open, limit("Rút khỏi phong trào. " + because));
        return open.size();
    }

    /**
     * The unit joins from now and is given, with their deadlines, the milestones addressed to every participant that
     * have been issued and whose deadline is ahead; those not issued yet reach it when they open.
     */
    private int addParticipant(Campaign campaign, Amendment a, Instant now) {
        String code = campaign.getCode();
        String agency = required(a.agency(), "agency", "mã cơ quan, đơn vị bổ sung");
        Agency found = directory.find(agency).orElseThrow(() -> ApiException.invalid("agency", "Không có cơ quan, đơn vị"
                + " mã '" + agency + "' trong danh bạ."));
        String province = directory.require(campaign.getAppraisingBoard()).getProvince();
        if (province != null && !province.equals(found.getProvince())) {
            throw ApiException.invalid("agency", "'" + agency + "' không thuộc " + province + ", tỉnh của phong trào.");
        }
        if (!found.isActive()) {
            throw ApiException.invalid("agency", "'" + agency + "' không còn hoạt động (đã sáp nhập hoặc giải thể).");
        }
        store.participant(code, agency).ifPresent(p -> {
            throw ApiException.invalid("agency", "'" + agency + "' đã có trong phong trào" + (p.closedAt() != null
                    ? " và đã rút khỏi phong trào." : p.role() == Role.PARTICIPANT ? "." : " (đơn vị cung cấp số liệu)."));
        });
        amendments.addParticipant(code, agency, now);
        tenants.admit(code, campaign.getName(), List.of(directory.groupFor(agency)));
        Set<String> cancelled = amendments.cancelledMilestones(code);
        List<String> open = store.milestones(code).stream().filter(m -> now.isBefore(m.dueAt().toInstant())
                && !cancelled.contains(m.key()) && store.firstIssuedAt(code, m.key()).isPresent()).map(MilestoneRow::key).toList();
        // the product starts the unit's instances, as the campaign's issuing batch does: no officer may
        system.asSystem(() -> open.forEach(key -> units.issueNext(code, key, 1000)));
        return open.size();
    }

    /**
     * The milestone (a review round's report milestone with the round) is added to the written definition, which is
     * checked whole again as at upload; each milestone it issues gets its own schedule.
     */
    private String addMilestone(Campaign campaign, StoredDefinition stored, Amendment a, int version, Instant now,
                                String actor) {
        String code = campaign.getCode();
        if (a.milestone() == null || !a.milestone().isObject()) {
            throw ApiException.invalid("milestone", "Chưa có mốc bổ sung (milestone), viết như một mốc của định nghĩa:"
                    + " key, name, kind, due, reminderWorkingDays, to.");
        }
        if (a.milestone().hasNonNull("openedBy") && !"SCHEDULE".equals(a.milestone().get("openedBy").asText())) {
            throw ApiException.invalid("milestone.openedBy", "Mốc bổ sung mở theo lịch: openedBy chỉ nhận SCHEDULE (hoặc bỏ"
                    + " trống); ngày mở là opens, hoặc ngay khi điều chỉnh.");
        }
        ObjectNode written = written(stored.getContent());
        int index = written.withArray("milestones").size();
        written.withArray("milestones").add(a.milestone());
        int roundIndex = written.withArray("reviewRounds").size();
        if (a.round() != null && !a.round().isNull()) {
            written.withArray("reviewRounds").add(a.round());
        }
        String amended = written.toString();
        Prepared prepared;
        try {
            prepared = reader.prepare(reader.parse(amended));
        } catch (ApiException refused) {
            throw renamed(refused, index, roundIndex);
        }
        Set<String> existing = store.milestones(code).stream().map(MilestoneRow::key).collect(Collectors.toSet());
        List<PreparedMilestone> added = prepared.milestones().stream().filter(m -> !existing.contains(m.key())).toList();
        int seq = amendments.nextSeq(code);
        List<PreparedMilestone> numbered = new ArrayList<>();
        for (PreparedMilestone m : added) {
            if (!m.dueAt().toInstant().isAfter(now)) {
                throw ApiException.invalid("milestone.due", "Hạn của mốc bổ sung (" + CampaignService.DUE_TEXT.format(m.dueAt())
                        + ") phải sau thời điểm hiện tại.");
            }
            numbered.add(new PreparedMilestone(seq++, m.key(), m.name(), m.kind(), m.opensAt(), m.dueAt(), m.openedBy(),
                    m.reminderWorkingDays(), m.addressees()));
        }
        Set<String> known = store.participants(code).stream().map(ParticipantRow::agencyCode).collect(Collectors.toSet());
        Map<String, Role> newcomers = new LinkedHashMap<>();
        numbered.forEach(m -> m.addressees().stream().filter(agency -> !known.contains(agency)).forEach(agency ->
                newcomers.put(agency, directory.require(agency).getKind().isCluster() ? Role.CLUSTER : Role.DATA_PROVIDER)));
        if (!newcomers.isEmpty()) {
            store.insertParticipants(code, newcomers);
            store.markEnrolled(code, List.copyOf(newcomers.keySet()), now);
        }
        store.insertMilestones(code, numbered, prepared.participants());
        stored.replace(stored.getName(), amended, "amendment v" + version, now, actor);
        numbered.forEach(m -> work.startSchedule(code, m.key(), m.dueAt(), version, now));
        return amended;
    }

    /** The written definition as a tree, whichever of YAML or JSON it was uploaded in. */
    private static ObjectNode written(String content) {
        try {
            JsonNode tree = content.stripLeading().startsWith("{") ? JSON.readTree(content) : new YAMLMapper().readTree(content);
            return (ObjectNode) tree;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored definition cannot be read again", e);
        }
    }

    /** A refusal of the amended definition names the request's field: milestones[n] is the request's milestone. */
    private static ApiException renamed(ApiException refused, int index, int roundIndex) {
        String field = refused.field() == null ? "milestone" : refused.field()
                .replace("milestones[" + index + "]", "milestone").replace("reviewRounds[" + roundIndex + "]", "round");
        String message = refused.getMessage().replace("milestones[" + index + "]", "milestone")
                .replace("reviewRounds[" + roundIndex + "]", "round");
        return refused.status().value() == 400 ? ApiException.invalid(field, message) : ApiException.conflict(field, message);
    }

    private MilestoneRow milestone(String code, String key) {
        List<MilestoneRow> all = store.milestones(code);
        Set<String> cancelled = amendments.cancelledMilestones(code);
        List<String> open = all.stream().map(MilestoneRow::key).filter(k -> !cancelled.contains(k)).toList();
        required(key, "milestoneKey", "mã mốc");
        if (cancelled.contains(key)) {
            throw ApiException.invalid("milestoneKey", "Mốc '" + key + "' đã bị hủy. Các mốc còn hiệu lực: " + listed(open) + ".");
        }
        return all.stream().filter(m -> m.key().equals(key)).findFirst().orElseThrow(() -> ApiException.invalid("milestoneKey",
                "Phong trào không có mốc '" + key + "'. Các mốc còn hiệu lực: " + listed(open) + "."));
    }

    private static Kind kind(String value) {
        String allowed = Arrays.stream(Kind.values()).map(Kind::name).collect(Collectors.joining(", "));
        if (value == null || value.isBlank()) {
            throw ApiException.invalid("kind", "Chưa chọn loại điều chỉnh (kind); nhận một trong: " + allowed + ".");
        }
        return Arrays.stream(Kind.values()).filter(k -> k.name().equals(value.trim())).findFirst()
                .orElseThrow(() -> ApiException.invalid("kind", "Loại điều chỉnh '" + value + "' không hợp lệ; nhận một trong: "
                        + allowed + "."));
    }

    private static Amendment parse(String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.invalid("kind", "Chưa có nội dung điều chỉnh.");
        }
        try {
            return JSON.readValue(body, Amendment.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            throw ApiException.invalid(field.isEmpty() ? "kind" : field, "Trường '" + field + "' không hợp lệ. Các trường nhận:"
                    + " kind, basedOnVersion, dispatchNumber, reason, milestoneKey, due, agencies, agency, milestone, round.");
        } catch (JsonProcessingException e) {
            throw ApiException.invalid("kind", "Nội dung điều chỉnh không phải JSON hợp lệ.");
        }
    }

    /** A field the amendment's kind needs; its length is the request's constraint. */
    private static String required(String value, String field, String what) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field, "Chưa nhập " + what + " (" + field + ").");
        }
        return value.trim();
    }

    private static String listed(Collection<String> values) {
        List<String> sorted = values.stream().sorted().toList();
        return sorted.size() <= LISTED ? String.join(", ", sorted)
                : String.join(", ", sorted.subList(0, LISTED)) + " … (" + sorted.size() + " đơn vị)";
    }

    private static String limit(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000);
    }
}
