package vn.gov.thidua.dossier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.thidua.agency.Agency;
import vn.gov.thidua.agency.AgencyDirectory;
import vn.gov.thidua.calendar.WorkingCalendar;
import vn.gov.thidua.campaign.Campaign;
import vn.gov.thidua.campaign.CampaignDefinition;
import vn.gov.thidua.campaign.CampaignDefinition.AwardForm;
import vn.gov.thidua.campaign.CampaignDefinition.LateNominations;
import vn.gov.thidua.campaign.CampaignDefinition.ReviewRound;
import vn.gov.thidua.campaign.CampaignModelSupport;
import vn.gov.thidua.campaign.CampaignService;
import vn.gov.thidua.campaign.CampaignService.EvaluationFigure;
import vn.gov.thidua.campaign.DeadlineWording;
import vn.gov.thidua.dossier.DossierApi.DossierChange;
import vn.gov.thidua.dossier.DossierApi.NewDossier;
import vn.gov.thidua.dossier.DossierApi.Nominee;
import vn.gov.thidua.dossier.DossierStore.Figure;
import vn.gov.thidua.dossier.DossierStore.FigureSource;
import vn.gov.thidua.engine.EngineIdentity;
import vn.gov.thidua.notification.NotificationService;
import vn.gov.thidua.security.AccessGrants;
import vn.gov.thidua.system.ApiException;
import vn.gov.thidua.system.PlainText;

/**
 * Award dossiers from nomination to the Chairman: the unit's content and figures, submission against the round's
 * deadline, the variables the criteria and quota decisions read, vetting by the standing agency and appraisal by the
 * Board. Every refusal names the field and changes nothing. The `award-dossier` process calls the step methods
 * through its delegates; the REST API calls the rest.
 */
@Service
@Transactional
public class DossierService {

    public static final String PROCESS = "award-dossier";
    static final String TASK_PREPARE = "Task_PrepareDossier";
    static final Set<DossierStatus> EDITABLE = EnumSet.of(DossierStatus.DRAFT, DossierStatus.RETURNED);
    static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    static final int DEFAULT_SUPPLEMENT_WORKING_DAYS = 5;

    private static final Logger log = LoggerFactory.getLogger(DossierService.class);
    private static final Pattern FIELD = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    private static final Pattern PERSONAL_ID = Pattern.compile("\\d{12}");
    private static final Pattern ENTERPRISE_ID = Pattern.compile("\\d{10}(-\\d{3})?");
    private static final Pattern UNIT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");
    private static final Set<String> LEVELS = Set.of("DEPARTMENT", "DISTRICT", "COMMUNE");
    private static final BigDecimal MAX_SCORE = new BigDecimal("9999999.99");

    /** A review round of a campaign with the award form asked for, and its deadlines as instants. */
    record Round(Campaign campaign, CampaignDefinition definition, ReviewRound round, AwardForm form,
                 OffsetDateTime nominationDue, OffsetDateTime vettingDue) {
    }

    /** What a step decided, for the model's gateway, and when the unit must resubmit after a return. */
    record StepResult(String outcome, String dossierDueAt) {
    }

    private record NomineeData(NomineeKind kind, String level, String name, String identifier, String agencyCode,
                               String position, String unit, String key) {
    }

    private final DossierStore store;
    private final CampaignService campaigns;
    private final CampaignModelSupport campaignRoles;
    private final AgencyDirectory directory;
    private final CriteriaDecisions decisions;
    private final NomineeUniqueness uniqueness;
    private final WorkingCalendar calendar;
    private final NotificationService notifications;
    private final RuntimeService runtimeService;
    private final TaskService taskService;

    private final AccessGrants grants;
    private final EngineIdentity system;
    private final Clock clock;

    DossierService(DossierStore store, CampaignService campaigns, CampaignModelSupport campaignRoles,
                   AgencyDirectory directory, CriteriaDecisions decisions, NomineeUniqueness uniqueness, WorkingCalendar calendar,
                   NotificationService notifications, RuntimeService runtimeService, TaskService taskService,
                   AccessGrants grants, EngineIdentity system, Clock clock) {
        this.store = store;
        this.campaigns = campaigns;
        this.campaignRoles = campaignRoles;
        this.directory = directory;
        this.decisions = decisions;
        this.uniqueness = uniqueness;
        this.calendar = calendar;
        this.notifications = notifications;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.grants = grants;
        this.system = system;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- the unit: create, change, submit

    /** Creates the dossier in the open round and starts its `award-dossier` process, waiting for the unit to submit. */
    public Dossier create(NewDossier request, String actor) {
        if (request == null) {
            throw ApiException.invalid("body", "Chưa gửi nội dung hồ sơ.");
        }
        Round round = round(request.campaignCode(), request.roundKey(), request.awardForm());
        if (round.campaign().getStatus() == Campaign.Status.CLOSED) {
            throw ApiException.conflict("campaignCode", "Phong trào '" + round.campaign().getName() + "' đã kết thúc.");
        }
        Agency proposer = proposer(round, request.proposingAgency());
        NomineeData nominee = nominee(request.nominee(), proposer);
        String summary = summary(request.achievementSummary());
        List<Figure> unitFigures = unitFigures(request.figures());
        uniqueness.refuseIfAwarded(round.campaign().getCode(), round.round().key(), nominee.key(), nominee.name());
        uniqueness.refuseIfNominated(round, proposer.getCode(), nominee.key(), nominee.name(), null);
        if (!campaigns.isOpen(round.campaign().getCode(), round.round().reportMilestone())) {
            throw ApiException.conflict("roundKey", "Đợt '" + round.round().name() + "' chưa mở: Ban Thi đua - Khen thưởng chưa"
                    + " mở đợt sơ kết, tổng kết nên chưa nhận hồ sơ đề nghị khen thưởng.");
        }
        Instant now = clock.instant();
        if (isLate(round, now) && round.round().lateNominations() != LateNominations.FLAG) {
            throw lateRefusal(round);
        }

        int seq = store.nextSeq(round.campaign().getCode(), round.round().key(), proposer.getCode());
        String businessKey = round.campaign().getCode() + "/" + round.round().key() + "/" + proposer.getCode() + "/" + seq;
        long id = store.insert(new DossierStore.NewDossier(businessKey, round.campaign().getCode(), round.round().key(),
                round.form().key(), proposer.getCode(), seq, nominee.kind(), nominee.level(), nominee.name(),
                nominee.identifier(), nominee.agencyCode(), nominee.position(), nominee.unit(), nominee.key(), summary,
                round.nominationDue(), now, actor));
        store.replaceFigures(id, merged(round.campaign().getCode(), rankedAgency(nominee.kind(), nominee.agencyCode(),
                proposer.getCode()), unitFigures));
        store.event(id, now, actor, DossierStatus.DRAFT, "CREATED", null);

        Map<String, Object> variables = new HashMap<>();
        variables.put("dossierId", id);
        variables.put("dossierTitle", require(id).title());
        variables.put("campaignCode", round.campaign().getCode());
        variables.put("roundKey", round.round().key());
        variables.put("awardForm", round.form().key());
        variables.put("proposingAgency", proposer.getCode());
        variables.put("criteriaDecision", round.form().criteriaDecision());
        variables.put("quotaDecision", round.form().quotaDecision());
        variables.put("dossierDueAt", ISO.format(round.nominationDue()));
        variables.put("vettingDueAt", ISO.format(round.vettingDue()));
        variables.put("returnWithinWorkingDays", workingDays(round.round().returnWithinWorkingDays(), 5));
        variables.put("appraiseWithinWorkingDays", workingDays(round.round().appraiseWithinWorkingDays(), 20));
        // the product starts the process from the dossier it has just checked and stored: no officer may start
        // `award-dossier` through the engine, where the variables would be theirs to choose
        ProcessInstance instance = system.asSystem(() -> runtimeService.createProcessInstanceByKey(PROCESS)
                .businessKey(businessKey).setVariables(variables).execute());
        store.setProcessInstance(id, instance.getId());
        grants.grantInstance(instance.getId(), directory.groupFor(proposer.getCode()));
        grants.grantInstanceWithHistory(instance.getId(), directory.groupFor(round.campaign().getStandingAgency()));
        log.info("Dossier {} ({}) created by {}", id, businessKey, actor);
        return require(id);
    }

    /** Changes what the unit wrote, while the dossier is a draft or returned for supplement. */
    public Dossier change(long id, DossierChange change, String actor) {
        Dossier d = require(id);
        if (!d.status().editable()) {
            throw notEditable(d);
        }
        if (change == null) {
            throw ApiException.invalid("body", "Chưa gửi nội dung thay đổi.");
        }
        String name = d.nomineeName();
        String position = d.nomineePosition();
        String unit = d.nomineeUnit();
        Nominee n = change.nominee();
        if (n != null) {
            if (n.kind() != null && !n.kind().trim().equalsIgnoreCase(d.nomineeKind().name())) {
                throw ApiException.invalid("nominee.kind", "Không thể đổi loại đối tượng của hồ sơ đã lập; hãy lập hồ sơ mới.");
            }
            if (n.identifier() != null && !n.identifier().trim().equals(String.valueOf(d.nomineeIdentifier()))) {
                throw ApiException.invalid("nominee.identifier", "Không thể đổi mã nhận diện đối tượng của hồ sơ đã lập; hãy lập hồ sơ mới.");
            }
            if (n.agencyCode() != null && !n.agencyCode().trim().equals(String.valueOf(d.nomineeAgencyCode()))) {
                throw ApiException.invalid("nominee.agencyCode", "Không thể đổi cơ quan được đề nghị của hồ sơ đã lập; hãy lập hồ sơ mới.");
            }
            if (n.name() != null && d.nomineeKind() != NomineeKind.AGENCY) {
                name = name(n.name(), "nominee.name", "Chưa nhập tên đối tượng.", 255);
            }
            if (d.nomineeKind() == NomineeKind.INDIVIDUAL) {
                position = n.position() == null ? position : name(n.position(), "nominee.position", "Chưa nhập chức vụ.", 255);
                unit = n.unit() == null ? unit : name(n.unit(), "nominee.unit", "Chưa nhập đơn vị công tác.", 255);
            }
        }
        String summary = change.achievementSummary() == null ? d.achievementSummary() : summary(change.achievementSummary());
        List<Figure> unitFigures = change.figures() == null ? null : unitFigures(change.figures());
        String key = d.nomineeKey();
        if (d.nomineeKind() == NomineeKind.SUBORDINATE_UNIT && d.nomineeIdentifier() == null) {
            key = NomineeUniqueness.subordinateKey(null, d.proposingAgency(), name);
            uniqueness.refuseIfNominated(round(d.campaignCode(), d.roundKey(), d.awardForm()), d.proposingAgency(), key, name, id);
        }

        store.updateContent(id, name, position, unit, summary, key);
        if (unitFigures != null) {
            store.replaceFigures(id, merged(d.campaignCode(), rankedAgency(d), unitFigures));
        }
        store.event(id, clock.instant(), actor, d.status(), "CHANGED", null);
        return require(id);
    }

    /** The unit sends the dossier: completes its Tasklist task, so the pre-check and vetting follow at once. */
    public Dossier submit(long id, String actor) {
        Dossier d = require(id);
        if (!d.status().editable()) {
            throw ApiException.conflict("Hồ sơ đang ở trạng thái '" + d.status().label() + "': không có gì để nộp.");
        }
        Task task = taskService.createTaskQuery().processInstanceId(d.processInstanceId()).taskDefinitionKey(TASK_PREPARE)
                .singleResult();
        if (task == null) {
            throw ApiException.conflict("Hồ sơ không chờ đơn vị nộp.");
        }
        asUser(actor, () -> {
            taskService.complete(task.getId());
            return null;
        });
        return require(id);
    }

    // ---------------------------------------------------------------- reads

    /**
     * The dossier an award-dossier instance works on, from the instance's business key and the dossier table: never
     * from a variable, which a task completion could have set.
     */
    long dossierOf(DelegateExecution execution) {
        String businessKey = execution.getProcessBusinessKey();
        return store.idByBusinessKey(businessKey).orElseThrow(() -> new IllegalStateException(
                "No dossier has the business key " + businessKey + " of process instance " + execution.getProcessInstanceId()));
    }

    @Transactional(readOnly = true)
    public Dossier require(long id) {
        return store.find(id).orElseThrow(() -> ApiException.notFound("Không tìm thấy hồ sơ số " + id + "."));
    }

    @Transactional(readOnly = true)
    public List<Dossier> list(String campaignCode, String roundKey, String agency, String status, int limit, int offset) {
        DossierStatus wanted = null;
        if (status != null && !status.isBlank()) {
            wanted = Arrays.stream(DossierStatus.values()).filter(s -> s.name().equalsIgnoreCase(status.trim())).findFirst()
                    .orElseThrow(() -> ApiException.invalid("status", "Trạng thái phải là một trong: "
                            + Arrays.stream(DossierStatus.values()).map(Enum::name).collect(Collectors.joining(", ")) + "."));
        }
        if (limit < 1 || limit > 500) {
            throw ApiException.invalid("limit", "Số dòng mỗi trang phải từ 1 đến 500.");
        }
        if (offset < 0) {
            throw ApiException.invalid("offset", "Vị trí bắt đầu không được âm.");
        }
        return store.list(new DossierStore.Filter(blankToNull(campaignCode), blankToNull(roundKey), blankToNull(agency), wanted),
                limit, offset);
    }

    @Transactional(readOnly = true)
    public List<Figure> figures(long id) {
        return store.figures(require(id).id());
    }

    @Transactional(readOnly = true)
    public List<DossierStore.Event> events(long id) {
        return store.events(require(id).id());
    }

    /** The required documents the dossier does not have yet, by their Vietnamese names. */
    @Transactional(readOnly = true)
    public List<String> missingDocuments(long id) {
        Set<DocumentType> present = store.attachments(id).stream().map(DossierStore.Attachment::documentType)
                .collect(Collectors.toSet());
        return Arrays.stream(DocumentType.values()).filter(DocumentType::required).filter(type -> !present.contains(type))
                .map(DocumentType::label).toList();
    }

    // ---------------------------------------------------------------- steps of the award-dossier process

    /**
     * Task_RecordSubmission: the documents are complete and the round's deadline is kept (or the lateness flagged);
     * returns the variables the criteria and quota decisions read.
     */
    Map<String, Object> recordSubmission(long id, String actor) {
        Dossier d = require(id);
        if (!d.status().editable()) {
            throw ApiException.conflict("Hồ sơ đang ở trạng thái '" + d.status().label() + "': không nộp lại được.");
        }
        List<String> missing = missingDocuments(id);
        if (!missing.isEmpty()) {
            throw ApiException.invalid("attachments", "Hồ sơ còn thiếu: " + String.join("; ", missing)
                    + ". Hãy tải tài liệu lên trước khi nộp.");
        }
        Round round = round(d.campaignCode(), d.roundKey(), d.awardForm());
        store.lockNominations(d.campaignCode(), d.roundKey(), d.proposingAgency());
        Instant now = clock.instant();
        boolean late = d.firstSubmittedAt() == null && isLate(round, now);
        if (late && round.round().lateNominations() != LateNominations.FLAG) {
            throw lateRefusal(round);
        }
        Set<String> inputs = new HashSet<>(deployedInputs(round.form().criteriaDecision(), round.form()));
        if (round.form().quotaDecision() != null) {
            inputs.addAll(deployedInputs(round.form().quotaDecision(), round.form()));
        }
        List<Figure> unitFigures = store.figures(id).stream().filter(f -> f.source() == FigureSource.UNIT).toList();
        store.replaceFigures(id, merged(d.campaignCode(), rankedAgency(d), unitFigures));
        store.transition(id, EDITABLE, DossierStatus.SUBMITTED, null);
        store.markSubmitted(id, now, late);
        store.event(id, now, actor, DossierStatus.SUBMITTED, d.status() == DossierStatus.RETURNED ? "RESUBMITTED" : "SUBMITTED",
                late ? "Nộp sau hạn " + round.round().nominationDue() : null);
        return criteriaVariables(require(id), inputs);
    }

    /** Task_RecordPreCheck: what the decisions found, kept on the dossier for the officers. */
    void recordPreCheck(long id, String criteriaOutcome, String criteriaReason, Boolean quotaWithin, String quotaReason) {
        Dossier d = require(id);
        store.recordPreCheck(id, criteriaOutcome, limit(criteriaReason, 1000), quotaWithin, limit(quotaReason, 1000),
                clock.instant());
        String note = "Tiêu chuẩn: " + DossierSummary.outcomeLabel(criteriaOutcome) + (criteriaReason == null ? "" : " - " + criteriaReason)
                + (quotaWithin == null ? "" : " | Số lượng: " + (quotaWithin ? "trong hạn mức" : "vượt hạn mức")
                + (quotaReason == null ? "" : " - " + quotaReason));
        store.event(id, clock.instant(), "system", d.status(), "PRECHECKED", note);
    }

    /** Task_RecordVetting: the standing agency accepts, returns for supplement or rejects with a reason. */
    StepResult recordVetting(long id, String decision, String note, String supplementDue, String actor) {
        Dossier d = require(id);
        expect(d, DossierStatus.SUBMITTED);
        String choice = decision == null ? "" : decision.trim().toUpperCase(Locale.ROOT);
        String cleanNote = note(note, "vettingNote");
        switch (choice) {
            case "ACCEPT" -> {
                store.transition(id, Set.of(DossierStatus.SUBMITTED), DossierStatus.VETTED, cleanNote);
                store.event(id, clock.instant(), actor, DossierStatus.VETTED, "VETTED", cleanNote);
                return new StepResult("ACCEPT", null);
            }
            case "RETURN" -> {
                if (cleanNote == null) {
                    throw ApiException.invalid("vettingNote", "Ghi rõ nội dung đơn vị cần bổ sung.");
                }
                OffsetDateTime due = supplementDue(supplementDue);
                returnToUnit(d, due, cleanNote, actor, directory.require(campaigns.campaign(d.campaignCode()).getStandingAgency())
                        .getName());
                return new StepResult("RETURN", ISO.format(due));
            }
            case "REJECT" -> {
                if (cleanNote == null) {
                    throw ApiException.invalid("vettingNote", "Ghi rõ lý do không xét chọn hồ sơ.");
                }
                store.transition(id, Set.of(DossierStatus.SUBMITTED), DossierStatus.REJECTED, cleanNote);
                store.event(id, clock.instant(), actor, DossierStatus.REJECTED, "REJECTED", cleanNote);
                notifyUnit(d, "DOSSIER_REJECTED", "Hồ sơ không được xét chọn: " + d.title(),
                        "Hồ sơ " + d.businessKey() + " không được xét chọn. Lý do: " + DossierText.sentence(cleanNote), "rejected");
                return new StepResult("REJECT", null);
            }
            default -> throw ApiException.invalid("vettingDecision",
                    "Chọn kết quả xét chọn: ACCEPT (chấp nhận), RETURN (trả lại để bổ sung) hoặc REJECT (không xét chọn).");
        }
    }

    /** Task_RecordCompleteness: the Board finds the dossier complete, or returns it to the unit in writing. */
    StepResult recordCompleteness(long id, Object complete, String note, String supplementDue, String actor) {
        Dossier d = require(id);
        expect(d, DossierStatus.VETTED);
        Boolean isComplete = yesNo(complete);
        if (isComplete == null) {
            throw ApiException.invalid("dossierComplete", "Chọn hồ sơ đầy đủ, hợp lệ hay chưa.");
        }
        String cleanNote = note(note, "completenessNote");
        if (isComplete) {
            store.event(id, clock.instant(), actor, DossierStatus.VETTED, "COMPLETENESS_CONFIRMED", cleanNote);
            return new StepResult("COMPLETE", null);
        }
        if (cleanNote == null) {
            throw ApiException.invalid("completenessNote", "Ghi rõ thành phần hồ sơ còn thiếu hoặc chưa hợp lệ.");
        }
        OffsetDateTime due = supplementDue(supplementDue);
        returnToUnit(d, due, cleanNote, actor, directory.require(campaigns.campaign(d.campaignCode()).getAppraisingBoard()).getName());
        return new StepResult("INCOMPLETE", ISO.format(due));
    }

    /** Task_RecordAppraisal: the Board's opinion and recommendation to the Chairman. */
    void recordAppraisal(long id, String recommendation, String opinion, String actor) {
        Dossier d = require(id);
        expect(d, DossierStatus.VETTED);
        String choice = recommendation == null ? "" : recommendation.trim().toUpperCase(Locale.ROOT);
        if (!choice.equals("PROPOSE") && !choice.equals("NOT_PROPOSE")) {
            throw ApiException.invalid("appraisalRecommendation",
                    "Chọn PROPOSE (đề nghị khen thưởng) hoặc NOT_PROPOSE (không đề nghị khen thưởng).");
        }
        String cleanOpinion = note(opinion, "appraisalOpinion");
        if (cleanOpinion == null) {
            throw ApiException.invalid("appraisalOpinion", "Ghi ý kiến thẩm định.");
        }
        store.transition(id, Set.of(DossierStatus.VETTED), DossierStatus.APPRAISED, cleanOpinion);
        store.recordAppraisal(id, choice);
        store.event(id, clock.instant(), actor, DossierStatus.APPRAISED, "APPRAISED",
                (choice.equals("PROPOSE") ? "Đề nghị khen thưởng. " : "Không đề nghị khen thưởng. ") + cleanOpinion);
    }

    /** Task_SubmitToChairman: the appraised dossier goes to the decider. */
    void submitToChairman(long id, String actor) {
        Dossier d = require(id);
        expect(d, DossierStatus.APPRAISED);
        store.transition(id, Set.of(DossierStatus.APPRAISED), DossierStatus.SUBMITTED_TO_CHAIRMAN, null);
        store.event(id, clock.instant(), actor, DossierStatus.SUBMITTED_TO_CHAIRMAN, "SUBMITTED_TO_CHAIRMAN", null);
        // the Chairman's office reads what is submitted to it, and only that
        grants.grantInstanceWithHistory(d.processInstanceId(), campaignRoles.deciderGroup(d.campaignCode()));
    }

    /** A Board step passed its statutory time: the Board is told; the task stays open. */
    void notifyBoardOverdue(long id, String step, Object workingDays) {
        Dossier d = require(id);
        String unitName = directory.find(d.proposingAgency()).map(Agency::getName).orElse(d.proposingAgency());
        int events = store.events(id).size();
        notifications.notifyAgency(campaignRoles.boardGroup(d.campaignCode()), "DOSSIER_OVERDUE", d.campaignCode(),
                "dossier/" + id, "Quá hạn " + step + ": " + d.title(),
                "Hồ sơ " + d.businessKey() + " của " + unitName + " chưa được " + step + " trong " + workingDays
                        + " ngày làm việc theo quy định. Việc vẫn mở trong Tasklist.",
                "dossier/" + id + "/overdue/" + step + "/" + events);
        store.event(id, clock.instant(), "system", d.status(), "OVERDUE", "Quá hạn " + step);
    }

    /** The variables the Tasklist forms show: the dossier, its pre-check and links to its documents. */
    @Transactional(readOnly = true)
    public Map<String, Object> formVariables(long id) {
        Dossier d = require(id);
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("dossierTitle", d.title());
        variables.put("dossierStatusLabel", d.status().label());
        variables.put("dossierSummary", DossierSummary.markdown(d, campaigns, directory, store.figures(id)));
        variables.put("documentLinks", DossierSummary.documentLinks(d, store.attachments(id)));
        variables.put("preCheckSummary", DossierSummary.preCheck(d));
        return variables;
    }

    // ---------------------------------------------------------------- helpers shared with the award service

    Round round(String campaignCode, String roundKey, String awardFormKey) {
        String code = text(campaignCode, "campaignCode", "Chưa chọn phong trào.", 64);
        Campaign campaign;
        CampaignDefinition definition;
        try {
            campaign = campaigns.campaign(code);
            definition = campaigns.definition(code);
        } catch (ApiException unknown) {
            throw ApiException.invalid("campaignCode", "Không có phong trào đã phát động mã '" + code + "'.");
        }
        String key = text(roundKey, "roundKey", "Chưa chọn đợt sơ kết, tổng kết.", 64);
        List<ReviewRound> rounds = definition.reviewRounds() == null ? List.of() : definition.reviewRounds();
        ReviewRound round = rounds.stream().filter(r -> r.key().equals(key)).findFirst()
                .orElseThrow(() -> ApiException.invalid("roundKey", "Phong trào không có đợt '" + key + "'. Các đợt: "
                        + rounds.stream().map(ReviewRound::key).collect(Collectors.joining(", ")) + "."));
        String formKey = text(awardFormKey, "awardForm", "Chưa chọn hình thức khen thưởng.", 64);
        List<AwardForm> forms = definition.awardForms() == null ? List.of() : definition.awardForms();
        AwardForm form = forms.stream().filter(f -> f.key().equals(formKey)).findFirst()
                .orElseThrow(() -> ApiException.invalid("awardForm", "Phong trào không có hình thức khen thưởng '" + formKey
                        + "'. Các hình thức: " + forms.stream().map(AwardForm::key).collect(Collectors.joining(", ")) + "."));
        OffsetDateTime nominationDue = DeadlineWording.parse(round.nominationDue(), DeadlineWording.Reading.DUE).orElseThrow();
        OffsetDateTime vettingDue = DeadlineWording.parse(round.vettingDue(), DeadlineWording.Reading.DUE).orElseThrow();
        return new Round(campaign, definition, round, form, nominationDue, vettingDue);
    }

    void notifyUnit(Dossier d, String kind, String title, String body, String what) {
        notifications.notifyAgency(directory.groupFor(d.proposingAgency()), kind, d.campaignCode(), "dossier/" + d.id(),
                title, DossierText.sentence(body), "dossier/" + d.id() + "/" + what + "/" + store.events(d.id()).size());
    }

    /** Runs an engine call as the acting officer, and gives back a step's refusal as the API refusal it is. */
    <T> T asUser(String actor, Supplier<T> call) {
        try {
            return system.asUser(actor, call);
        } catch (OptimisticLockingException | NotFoundException concurrent) {
            // a second click, or a colleague, acted on the same task at the same moment: the first one counts
            throw ApiException.conflict("Hồ sơ vừa được xử lý bởi một yêu cầu khác; tải lại trang để xem trạng thái mới.");
        } catch (BadUserRequestException refused) {
            if (refused.getCause() instanceof ApiException reason) {
                throw reason;
            }
            throw ApiException.conflict(refused.getMessage());
        }
    }

    // ---------------------------------------------------------------- private

    private Agency proposer(Round round, String code) {
        String agencyCode = text(code, "proposingAgency", "Chưa chọn đơn vị đề nghị.", 64);
        Agency agency = directory.find(agencyCode).orElseThrow(() ->
                ApiException.invalid("proposingAgency", "Không có cơ quan, đơn vị mã '" + agencyCode + "' trong danh bạ."));
        if (!agency.isActive()) {
            throw ApiException.invalid("proposingAgency", "Đơn vị '" + agency.getName() + "' đã ngừng hoạt động"
                    + (agency.getSuccessorCode() == null ? "." : "; đơn vị kế thừa là '" + agency.getSuccessorCode() + "'."));
        }
        if (!campaigns.isParticipant(round.campaign().getCode(), agencyCode)) {
            throw ApiException.invalid("proposingAgency", "Đơn vị '" + agency.getName() + "' không tham gia phong trào '"
                    + round.campaign().getName() + "'.");
        }
        return agency;
    }

    private NomineeData nominee(Nominee n, Agency proposer) {
        if (n == null) {
            throw ApiException.invalid("nominee", "Chưa nhập đối tượng được đề nghị khen thưởng.");
        }
        String kindText = text(n.kind(), "nominee.kind", "Chưa chọn loại đối tượng.", 32).toUpperCase(Locale.ROOT);
        NomineeKind kind = Arrays.stream(NomineeKind.values()).filter(k -> k.name().equals(kindText)).findFirst()
                .orElseThrow(() -> ApiException.invalid("nominee.kind", "Loại đối tượng phải là một trong: "
                        + Arrays.stream(NomineeKind.values()).map(k -> k.name() + " (" + k.label() + ")")
                        .collect(Collectors.joining(", ")) + "."));
        String proposerLevel = proposer.getKind().name();
        switch (kind) {
            case AGENCY -> {
                String code = text(n.agencyCode(), "nominee.agencyCode", "Chưa nhập mã cơ quan, địa phương được đề nghị.", 64);
                Agency agency = directory.find(code).orElseThrow(() ->
                        ApiException.invalid("nominee.agencyCode", "Không có cơ quan, đơn vị mã '" + code + "' trong danh bạ."));
                if (!agency.isActive()) {
                    throw ApiException.invalid("nominee.agencyCode", "Cơ quan '" + agency.getName() + "' đã ngừng hoạt động.");
                }
                if (!code.equals(proposer.getCode()) && !proposer.getCode().equals(agency.getParentCode())) {
                    throw ApiException.invalid("nominee.agencyCode", "'" + proposer.getName() + "' chỉ đề nghị khen thưởng tập thể"
                            + " của chính mình hoặc của đơn vị trực thuộc trong danh bạ.");
                }
                return new NomineeData(kind, agency.getKind().name(), agency.getName(), code, code, null, null, "AGENCY:" + code);
            }
            case SUBORDINATE_UNIT -> {
                String name = name(n.name(), "nominee.name", "Chưa nhập tên tập thể.", 255);
                String identifier = blankToNull(n.identifier());
                if (identifier != null && !UNIT_ID.matcher(identifier).matches()) {
                    throw ApiException.invalid("nominee.identifier", "Mã đơn vị chỉ gồm chữ, số và . _ / -, tối đa 64 ký tự.");
                }
                return new NomineeData(kind, proposerLevel, name, identifier, null, null, null,
                        NomineeUniqueness.subordinateKey(identifier, proposer.getCode(), name));
            }
            case INDIVIDUAL -> {
                String name = name(n.name(), "nominee.name", "Chưa nhập họ tên cá nhân.", 255);
                String position = name(n.position(), "nominee.position", "Chưa nhập chức vụ của cá nhân.", 255);
                String unit = name(n.unit(), "nominee.unit", "Chưa nhập đơn vị công tác của cá nhân.", 255);
                String identifier = text(n.identifier(), "nominee.identifier", "Chưa nhập số định danh cá nhân.", 64);
                if (!PERSONAL_ID.matcher(identifier).matches()) {
                    throw ApiException.invalid("nominee.identifier", "Số định danh cá nhân phải gồm đúng 12 chữ số.");
                }
                String level = blankToNull(n.level()) == null ? proposerLevel : n.level().trim().toUpperCase(Locale.ROOT);
                if (!LEVELS.contains(level)) {
                    throw ApiException.invalid("nominee.level", "Cấp xếp hạng của cá nhân phải là DEPARTMENT (sở, ban, ngành),"
                            + " DISTRICT (huyện, thành phố) hoặc COMMUNE (xã, phường, thị trấn).");
                }
                return new NomineeData(kind, level, name, identifier, null, position, unit, "INDIVIDUAL:" + identifier);
            }
            default -> {
                String name = name(n.name(), "nominee.name", "Chưa nhập tên doanh nghiệp, doanh nhân.", 255);
                String identifier = text(n.identifier(), "nominee.identifier", "Chưa nhập mã số doanh nghiệp.", 64);
                if (!ENTERPRISE_ID.matcher(identifier).matches()) {
                    throw ApiException.invalid("nominee.identifier",
                            "Mã số doanh nghiệp gồm 10 chữ số (đơn vị phụ thuộc: 10 chữ số, gạch ngang, 3 chữ số).");
                }
                return new NomineeData(kind, null, name, identifier, null, null, null, "ENTERPRISE:" + identifier);
            }
        }
    }

    private static String summary(String text) {
        return text(text, "achievementSummary", "Chưa nhập tóm tắt thành tích.", 4000);
    }

    private static List<Figure> unitFigures(List<DossierApi.Figure> figures) {
        if (figures == null) {
            return List.of();
        }
        if (figures.size() > 50) {
            throw ApiException.invalid("figures", "Tối đa 50 lĩnh vực đánh giá.");
        }
        Set<String> seen = new HashSet<>();
        List<Figure> result = new ArrayList<>();
        for (int i = 0; i < figures.size(); i++) {
            String at = "figures[" + i + "]";
            DossierApi.Figure f = figures.get(i);
            if (f == null) {
                throw ApiException.invalid(at, "Dòng số liệu trống.");
            }
            String field = f.field() == null ? "" : f.field().trim();
            if (!FIELD.matcher(field).matches()) {
                throw ApiException.invalid(at + ".field", "Mã lĩnh vực viết hoa, không dấu, ví dụ CHUYEN_DOI_SO.");
            }
            if (!seen.add(field)) {
                throw ApiException.invalid(at + ".field", "Lĩnh vực '" + field + "' được nhập hai lần.");
            }
            if (f.ranking() != null && (f.ranking() < 1 || f.ranking() > 100_000)) {
                throw ApiException.invalid(at + ".ranking", "Thứ hạng phải từ 1 trở lên.");
            }
            BigDecimal score = scaled(f.score(), at + ".score", "Điểm phải từ 0 trở lên.", false);
            BigDecimal max = scaled(f.maxScore(), at + ".maxScore", "Điểm tối đa phải lớn hơn 0.", true);
            if (score != null && max != null && score.compareTo(max) > 0) {
                throw ApiException.invalid(at + ".score", "Điểm " + score.toPlainString() + " lớn hơn điểm tối đa "
                        + max.toPlainString() + ".");
            }
            if (f.ranking() == null && score == null) {
                throw ApiException.invalid(at + ".ranking", "Nhập ít nhất thứ hạng hoặc điểm của lĩnh vực '" + field + "'.");
            }
            result.add(new Figure(field, f.ranking(), score, max, FigureSource.UNIT));
        }
        return result;
    }

    private static BigDecimal scaled(BigDecimal value, String field, String message, boolean positive) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0 || (positive && value.signum() == 0) || value.compareTo(MAX_SCORE) > 0) {
            throw ApiException.invalid(field, message);
        }
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    /** The campaign's own evaluation results stand; the unit's figures fill in the fields the campaign has none for. */
    List<Figure> merged(String campaign, String rankedAgency, List<Figure> unitFigures) {
        Map<String, Figure> byField = new LinkedHashMap<>();
        if (rankedAgency != null) {
            for (EvaluationFigure e : campaigns.evaluationsOf(campaign, rankedAgency)) {
                byField.put(e.field(), new Figure(e.field(), e.ranking(), e.score(), e.maxScore(), FigureSource.EVALUATION));
            }
        }
        unitFigures.forEach(f -> byField.putIfAbsent(f.field(), f));
        return List.copyOf(byField.values());
    }

    /**
     * Whose ranking the criteria read: a collective agency's own; for a subordinate unit or an individual, the
     * proposing unit's (plan 161: "lĩnh vực chuyển đổi số của sở được xếp hạng từ 01 đến 10"); none for enterprises.
     */
    private static String rankedAgency(NomineeKind kind, String nomineeAgency, String proposer) {
        return switch (kind) {
            case AGENCY -> nomineeAgency;
            case SUBORDINATE_UNIT, INDIVIDUAL -> proposer;
            case ENTERPRISE -> null;
        };
    }

    static String rankedAgency(Dossier d) {
        return rankedAgency(d.nomineeKind(), d.nomineeAgencyCode(), d.proposingAgency());
    }

    Map<String, Object> criteriaVariables(Dossier d, Set<String> inputs) {
        Map<String, Object> variables = new HashMap<>();
        inputs.forEach(name -> variables.put(name, null));
        variables.put("nomineeKind", d.nomineeKind().name());
        variables.put("nomineeLevel", d.nomineeLevel());
        variables.put("proposerKind", directory.require(d.proposingAgency()).getKind().name());
        variables.put("nominationsOfKind", store.nominationsOfKind(d));
        variables.put("lateNomination", d.late());
        for (Figure f : store.figures(d.id())) {
            variables.put("rank_" + f.field(), f.ranking());
            variables.put("percent_" + f.field(), DossierSummary.percent(f));
        }
        // results of an earlier pass (a resubmission) must not stand in for a decision that is not evaluated now
        variables.put("quotaWithin", null);
        variables.put("quotaReason", null);
        return variables;
    }

    private Set<String> deployedInputs(String decisionKey, AwardForm form) {
        return decisions.inputsOf(decisionKey).orElseThrow(() -> ApiException.conflict("Bảng quyết định '" + decisionKey
                + "' mà phong trào dùng cho hình thức '" + form.name() + "' chưa được triển khai; đề nghị Ban Thi đua -"
                + " Khen thưởng triển khai trước khi nhận hồ sơ."));
    }

    private boolean isLate(Round round, Instant now) {
        return !now.isBefore(round.nominationDue().toInstant());
    }

    private static ApiException lateRefusal(Round round) {
        return ApiException.conflict("roundKey", "Đã hết hạn nộp hồ sơ đề nghị khen thưởng của đợt '" + round.round().name()
                + "' (" + round.round().nominationDue() + "); hồ sơ không được tiếp nhận.");
    }

    private void returnToUnit(Dossier d, OffsetDateTime due, String note, String actor, String byWhom) {
        store.transition(d.id(), Set.of(DossierStatus.SUBMITTED, DossierStatus.VETTED), DossierStatus.RETURNED, note);
        store.setDue(d.id(), due);
        store.event(d.id(), clock.instant(), actor, DossierStatus.RETURNED, "RETURNED",
                byWhom + ": " + note + " (hạn nộp lại " + DAY.format(due) + ")");
        notifyUnit(d, "DOSSIER_RETURNED", "Hồ sơ cần bổ sung: " + d.title(), byWhom + " trả lại hồ sơ " + d.businessKey()
                + " để bổ sung: " + DossierText.sentence(note) + " Hạn nộp lại: hết ngày " + DAY.format(due) + ".", "returned");
    }

    /** The date the officer set for the supplement (end of that day), or 5 working days from now. */
    private OffsetDateTime supplementDue(String value) {
        if (value == null || value.isBlank()) {
            return OffsetDateTime.parse(calendar.plusWorkingDays(null, DEFAULT_SUPPLEMENT_WORKING_DAYS));
        }
        String text = value.trim();
        LocalDate day;
        try {
            day = LocalDate.parse(text.substring(0, Math.min(10, text.length())));
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("supplementDue", "Hạn bổ sung không hợp lệ (cần dạng yyyy-MM-dd).");
        }
        if (day.isBefore(clock.instant().atZone(DeadlineWording.ZONE).toLocalDate())) {
            throw ApiException.invalid("supplementDue", "Hạn bổ sung không thể trước ngày hôm nay.");
        }
        return ZonedDateTime.of(day, LocalTime.of(23, 59, 59), DeadlineWording.ZONE).toOffsetDateTime();
    }

    private static void expect(Dossier d, DossierStatus status) {
        if (d.status() != status) {
            throw ApiException.conflict("Hồ sơ đang ở trạng thái '" + d.status().label() + "', không phải '" + status.label() + "'.");
        }
    }

    private static ApiException notEditable(Dossier d) {
        return ApiException.conflict("Hồ sơ đang ở trạng thái '" + d.status().label()
                + "': chỉ sửa được hồ sơ đang lập hoặc bị trả lại để bổ sung.");
    }

    static Boolean yesNo(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value == null) {
            return null;
        }
        return switch (value.toString().trim().toUpperCase(Locale.ROOT)) {
            case "TRUE", "YES", "CO" -> Boolean.TRUE;
            case "FALSE", "NO", "KHONG" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static String note(String value, String field) {
        String clean = blankToNull(value);
        if (clean != null && clean.length() > 2000) {
            throw ApiException.invalid(field, "Ghi chú dài quá 2000 ký tự.");
        }
        return clean;
    }

    private static Integer workingDays(Integer configured, int fallback) {
        return configured == null ? fallback : configured;
    }

    static String text(String value, String field, String missing, int max) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field, missing);
        }
        String clean = value.trim();
        if (clean.length() > max) {
            throw ApiException.invalid(field, "Trường '" + field + "' dài quá " + max + " ký tự.");
        }
        PlainText.require(clean, field, false);
        return clean;
    }

    /** A name printed on certificates, lists and mails: plain text, no markup. */
    static String name(String value, String field, String missing, int max) {
        String clean = text(value, field, missing, max);
        PlainText.require(clean, field, true);
        return clean;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static String limit(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
