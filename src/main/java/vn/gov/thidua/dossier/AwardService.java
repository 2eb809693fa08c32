package vn.gov.thidua.dossier;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.thidua.campaign.CampaignDefinition.AwardForm;
import vn.gov.thidua.campaign.DeadlineWording;
import vn.gov.thidua.campaign.ReviewRounds;
import vn.gov.thidua.campaign.ReviewRounds.Round;
import vn.gov.thidua.dossier.AwardStore.Award;
import vn.gov.thidua.dossier.AwardStore.Decision;
import vn.gov.thidua.dossier.DossierApi.DecisionItem;
import vn.gov.thidua.dossier.DossierApi.DecisionRequest;
import vn.gov.thidua.engine.VariableWriteGuard;
import vn.gov.thidua.system.ApiException;
import vn.gov.thidua.validation.InputCheck;

/**
 * The Chairman's decisions and the award history. A decision has a number ({@code <n>/QĐ-UBND}) and a date; it covers
 * one dossier decided in Tasklist or a list decided at once, in one transaction. Awarding writes the award record;
 * the same achievement (campaign, round, nominee) is never awarded twice.
 */
@Service
@Transactional
public class AwardService {

    static final String TASK_DECIDE = "Task_DecideAward";
    private static final Logger log = LoggerFactory.getLogger(AwardService.class);
    private static final Pattern NUMBER = Pattern.compile("(\\d{1,7})/\\S{1,55}");

    public record DecisionResult(Decision decision, List<Dossier> dossiers) {
    }

    private final DossierService dossiers;
    private final DossierAccess access;
    private final NomineeUniqueness uniqueness;
    private final DossierStore store;
    private final AwardStore awards;
    private final TaskService taskService;
    private final String numberSuffix;
    private final Clock clock;
    private final ReviewRounds rounds;
    private final InputCheck check;

    AwardService(DossierService dossiers, DossierAccess access, NomineeUniqueness uniqueness, DossierStore store, AwardStore awards, TaskService taskService,
                 @Value("${app.dossier.decision-number-suffix:/QĐ-UBND}") String numberSuffix, Clock clock, ReviewRounds rounds,
                 InputCheck check) {
        this.dossiers = dossiers;
        this.access = access;
        this.uniqueness = uniqueness;
        this.store = store;
        this.awards = awards;
        this.taskService = taskService;
        this.numberSuffix = numberSuffix;
        this.clock = clock;
        this.rounds = rounds;
        this.check = check;
    }

    /**
     * Decides a list of dossiers waiting for the Chairman under one new decision: each dossier's decision task is
     * completed in this one transaction, so a refusal of any item leaves every dossier and the number untouched.
     */
    public DecisionResult decideList(DecisionRequest request, String actor) {
        if (request == null) {
            throw ApiException.invalid("items", DossierApi.NO_ITEMS);
        }
        check.check(request);
        LocalDate date = decisionDate(request.decisionDate() == null ? null : request.decisionDate().toString());
        String number = DossierInput.blankToNull(request.decisionNumber());
        if (number != null) {
            checkNumber(number);
            if (awards.decisionByNumber(number).isPresent()) {
                throw ApiException.conflict("decisionNumber", "Số quyết định '" + number + "' đã được dùng.");
            }
        }
        String note = DossierInput.blankToNull(request.note());
        Set<Long> ids = new HashSet<>();
        Set<String> nominees = new HashSet<>();
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            String at = "items[" + i + "]";
            DecisionItem item = request.items().get(i);
            if (!ids.add(item.dossierId())) {
                throw ApiException.invalid(at + ".dossierId", "Hồ sơ số " + item.dossierId() + " có hai lần trong danh sách.");
            }
            if (item.approved() == null) {
                throw ApiException.invalid(at + ".approved", "Chọn khen thưởng (true) hoặc không khen thưởng (false) cho hồ sơ số "
                        + item.dossierId() + ".");
            }
            Dossier d = dossiers.require(item.dossierId());
            access.requireDecider(d);
            Task task = d.status() != DossierStatus.SUBMITTED_TO_CHAIRMAN ? null : taskService.createTaskQuery()
                    .processInstanceId(d.processInstanceId()).taskDefinitionKey(TASK_DECIDE).singleResult();
            if (task == null) {
                throw ApiException.conflict(at + ".dossierId", "Hồ sơ số " + d.id() + " (" + d.nomineeName() + ") "
                        + (d.status() == DossierStatus.SUBMITTED_TO_CHAIRMAN ? "vừa được quyết định bởi một yêu cầu khác."
                        : "đang ở trạng thái '" + d.status().label() + "', không chờ Chủ tịch quyết định."));
            }
            if (item.approved()) {
                if (!nominees.add(d.campaignCode() + "/" + d.roundKey() + "/" + d.nomineeKey())) {
                    throw ApiException.conflict(at + ".dossierId", "'" + d.nomineeName() + "' được đề nghị khen thưởng hai lần trong"
                            + " danh sách cho cùng một thành tích.");
                }
                try {
                    uniqueness.refuseIfAwarded(d.campaignCode(), d.roundKey(), d.nomineeKey(), d.nomineeName());
                } catch (ApiException refused) {
                    throw ApiException.conflict(at + ".dossierId", refused.getMessage());
                }
            }
            tasks.add(task);
        }
        long decisionId = awards.insertDecision(number != null ? number : nextNumber(date.getYear()), date, clock.instant(),
                actor, note);
        for (int i = 0; i < tasks.size(); i++) {
            DecisionItem item = request.items().get(i);
            Map<String, Object> variables = new HashMap<>();
            variables.put("awardApproved", item.approved());
            variables.put("awardDecisionId", decisionId);
            variables.put("decisionNote", DossierInput.blankToNull(item.note()));
            Task task = tasks.get(i);
            // The decision's id is not a field of the task's form: the service, not the officer, supplies it
            dossiers.asUser(actor, () -> VariableWriteGuard.byProductService(() -> {
                taskService.complete(task.getId(), variables);
                return null;
            }));
        }
        Decision decision = awards.decision(decisionId).orElseThrow();
        log.info("Decision {} of {} on {} dossiers by {}", decision.number(), decision.decisionDate(), tasks.size(), actor);
        return new DecisionResult(decision, store.decidedBy(decisionId));
    }

    /**
     * Task_RecordDecision: awards the dossier (or not) under the decision of the list, or, decided alone in Tasklist,
     * under the number and date the officer gave (several dossiers may share one number and date).
     */
    boolean recordDecision(long dossierId, Object approved, Long decisionId, String number, String date, String note,
                           String actor) {
        Dossier d = dossiers.require(dossierId);
        if (d.status() != DossierStatus.SUBMITTED_TO_CHAIRMAN) {
            throw ApiException.conflict("Hồ sơ đang ở trạng thái '" + d.status().label() + "', không chờ Chủ tịch quyết định.");
        }
        Boolean award = DossierInput.yesNo(approved);
        if (award == null) {
            throw ApiException.invalid("awardApproved", "Chọn khen thưởng hoặc không khen thưởng.");
        }
        String cleanNote = DossierInput.blankToNull(note);
        if (cleanNote != null && cleanNote.length() > 2000) {
            throw ApiException.invalid("decisionNote", "Ghi chú dài quá 2000 ký tự.");
        }
        Decision decision = decisionId != null ? awards.decision(decisionId).orElseThrow()
                : decisionFor(DossierInput.blankToNull(number), date, cleanNote, actor);
        Round round = rounds.round(d.campaignCode(), d.roundKey(), d.awardForm());
        AwardForm form = round.form();
        if (award) {
            uniqueness.refuseIfAwarded(d.campaignCode(), d.roundKey(), d.nomineeKey(), d.nomineeName());
            try {
                awards.insertAward(d, form.name(), decision.id(), clock.instant());
            } catch (DuplicateKeyException raced) {
                throw ApiException.conflict("nominee", "'" + d.nomineeName() + "' đã được khen thưởng cho thành tích của đợt này."
                        + " Không khen thưởng hai lần cho cùng một thành tích (Luật Thi đua, khen thưởng, Điều 5).");
            }
        }
        DossierStatus to = award ? DossierStatus.AWARDED : DossierStatus.NOT_AWARDED;
        String outcome = "Quyết định số " + decision.number() + " ngày " + DossierService.DAY.format(decision.decisionDate())
                + ": " + (award ? "khen thưởng " + form.name() : "không khen thưởng")
                + (cleanNote == null ? "" : ". " + DossierText.sentence(cleanNote));
        store.transition(dossierId, Set.of(DossierStatus.SUBMITTED_TO_CHAIRMAN), to, outcome);
        store.recordDecision(dossierId, award, decision.id());
        store.event(dossierId, clock.instant(), actor, to, "DECIDED", outcome);
        dossiers.notifyUnit(d, "AWARD_DECISION", (award ? "Được khen thưởng: " : "Không được khen thưởng: ") + d.title(),
                "Hồ sơ " + d.businessKey() + " (" + round.round().name() + "). " + outcome, "decided");
        return award;
    }

    @Transactional(readOnly = true)
    public List<Award> awards(String campaign, String round, String nomineeKind, String identifier, String agencyCode,
                              String name, String proposingAgency, int limit) {
        NomineeKind kind = null;
        if (DossierInput.blankToNull(nomineeKind) != null) {
            kind = Arrays.stream(NomineeKind.values()).filter(k -> k.name().equalsIgnoreCase(nomineeKind.trim())).findFirst()
                    .orElseThrow(() -> ApiException.invalid("nomineeKind", "Loại đối tượng phải là một trong: "
                            + Arrays.stream(NomineeKind.values()).map(Enum::name).collect(Collectors.joining(", ")) + "."));
        }
        if (limit < 1 || limit > 1000) {
            throw ApiException.invalid("limit", "Số dòng phải từ 1 đến 1000.");
        }
        String nameFilter = DossierInput.blankToNull(name);
        if (nameFilter != null && nameFilter.length() > 255) {
            throw ApiException.invalid("name", "Tên tìm kiếm dài quá 255 ký tự.");
        }
        return awards.awards(new AwardStore.Filter(DossierInput.blankToNull(campaign), DossierInput.blankToNull(round), kind,
                DossierInput.blankToNull(identifier), DossierInput.blankToNull(agencyCode), nameFilter,
                DossierInput.blankToNull(proposingAgency)), limit);
    }

    /** A decision and the dossiers it decided. */
    @Transactional(readOnly = true)
    public DecisionResult decision(long id) {
        Decision decision = awards.decision(id).orElseThrow(() -> ApiException.notFound("Không tìm thấy quyết định số " + id + "."));
        return new DecisionResult(decision, store.decidedBy(id));
    }

    private Decision decisionFor(String number, String date, String note, String actor) {
        LocalDate day = decisionDate(date);
        if (number == null) {
            return awards.decision(awards.insertDecision(nextNumber(day.getYear()), day, clock.instant(), actor, note))
                    .orElseThrow();
        }
        checkNumber(number);
        Decision existing = awards.decisionByNumber(number).orElse(null);
        if (existing == null) {
            return awards.decision(awards.insertDecision(number, day, clock.instant(), actor, note)).orElseThrow();
        }
        if (!existing.decisionDate().equals(day)) {
            throw ApiException.invalid("decisionNumber", "Số quyết định '" + number + "' đã dùng cho quyết định ngày "
                    + DossierService.DAY.format(existing.decisionDate()) + ".");
        }
        return existing;
    }

    private LocalDate decisionDate(String value) {
        LocalDate today = clock.instant().atZone(DeadlineWording.ZONE).toLocalDate();
        if (value == null || value.isBlank()) {
            return today;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value.trim().substring(0, Math.min(10, value.trim().length())));
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("decisionDate", "Ngày quyết định không hợp lệ (cần dạng yyyy-MM-dd).");
        }
        if (day.isAfter(today)) {
            throw ApiException.invalid("decisionDate", "Ngày quyết định không thể sau hôm nay.");
        }
        return day;
    }

    private static void checkNumber(String number) {
        if (number.length() > 64 || !NUMBER.matcher(number).matches()) {
            throw ApiException.invalid("decisionNumber", "Số quyết định viết dạng <số>/<ký hiệu>, ví dụ 125/QĐ-UBND.");
        }
    }

    /** The year's next number after the largest one with the suffix; the Chairman's office may also give its own. */
    private String nextNumber(int year) {
        int max = 0;
        for (String used : awards.numbersOfYear(year, numberSuffix)) {
            Matcher m = NUMBER.matcher(used);
            if (m.matches()) {
                max = Math.max(max, Integer.parseInt(m.group(1)));
            }
        }
        return (max + 1) + numberSuffix;
    }
}
