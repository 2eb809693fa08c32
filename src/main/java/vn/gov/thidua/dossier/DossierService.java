package vn.gov.thidua.dossier;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
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
import vn.gov.thidua.campaign.Campaign;
import vn.gov.thidua.campaign.CampaignDefinition.LateNominations;
import vn.gov.thidua.campaign.CampaignService;
import vn.gov.thidua.campaign.CampaignService.EvaluationFigure;
import vn.gov.thidua.campaign.ReviewRounds;
import vn.gov.thidua.campaign.ReviewRounds.Round;
import vn.gov.thidua.dossier.DossierApi.DossierChange;
import vn.gov.thidua.dossier.DossierApi.NewDossier;
import vn.gov.thidua.dossier.DossierApi.Nominee;
import vn.gov.thidua.dossier.DossierStore.Figure;
import vn.gov.thidua.dossier.DossierStore.FigureSource;
import vn.gov.thidua.engine.EngineIdentity;
import vn.gov.thidua.notification.NotificationService;
import vn.gov.thidua.security.AccessGrants;
import vn.gov.thidua.system.ApiException;

/**
 * Award dossiers as units keep them: creating one in an open round (which starts its `award-dossier` process),
 * changing it while a draft or returned, submitting it, and reading it; and what the other dossier services share
 * (the figures merged with the campaign's evaluation, the criteria variables, notices to the unit, acting as an
 * officer). The process's steps after submission are {@link DossierReview}'s; the unit's input is checked by
 * {@link DossierInput}. Every refusal names the field and changes nothing.
 */
@Service
@Transactional
public class DossierService {

    public static final String PROCESS = "award-dossier";
    static final String TASK_PREPARE = "Task_PrepareDossier";
    static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static final Logger log = LoggerFactory.getLogger(DossierService.class);

    private final DossierStore store;
    private final DossierInput input;
    private final ReviewRounds rounds;
    private final CampaignService campaigns;
    private final AgencyDirectory directory;
    private final NomineeUniqueness uniqueness;
    private final NotificationService notifications;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final AccessGrants grants;
    private final EngineIdentity system;
    private final Clock clock;

    DossierService(DossierStore store, DossierInput input, ReviewRounds rounds, CampaignService campaigns,
                   AgencyDirectory directory, NomineeUniqueness uniqueness, NotificationService notifications,
                   RuntimeService runtimeService, TaskService taskService, AccessGrants grants, EngineIdentity system,
                   Clock clock) {
        this.store = store;
        this.input = input;
        this.rounds = rounds;
        this.campaigns = campaigns;
        this.directory = directory;
        this.uniqueness = uniqueness;
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
        Round round = rounds.round(request.campaignCode(), request.roundKey(), request.awardForm());
        if (round.campaign().getStatus() == Campaign.Status.CLOSED) {
            throw ApiException.conflict("campaignCode", "Phong trào '" + round.campaign().getName() + "' đã kết thúc.");
        }
        Agency proposer = input.proposer(round, request.proposingAgency());
        input.fields(request);
        DossierInput.NomineeData nominee = input.nominee(request.nominee(), proposer);
        String summary = DossierInput.summary(request.achievementSummary());
        List<Figure> unitFigures = DossierInput.unitFigures(request.figures());
        uniqueness.refuseIfAwarded(round.campaign().getCode(), round.round().key(), nominee.key(), nominee.name());
        uniqueness.refuseIfNominated(round, proposer.getCode(), nominee.key(), nominee.name(), null);
        if (!campaigns.isOpen(round.campaign().getCode(), round.round().reportMilestone())) {
            throw ApiException.conflict("roundKey", "Đợt '" + round.round().name() + "' chưa mở: Ban Thi đua - Khen thưởng chưa"
                    + " mở đợt sơ kết, tổng kết nên chưa nhận hồ sơ đề nghị khen thưởng.");
        }
        Instant now = clock.instant();
        if (round.isLate(now) && round.round().lateNominations() != LateNominations.FLAG) {
            throw round.lateRefusal();
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
        input.fields(change);
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
                name = DossierInput.required(n.name(), "nominee.name", "Chưa nhập tên đối tượng.");
            }
            if (d.nomineeKind() == NomineeKind.INDIVIDUAL) {
                position = n.position() == null ? position : DossierInput.required(n.position(), "nominee.position", "Chưa nhập chức vụ.");
                unit = n.unit() == null ? unit : DossierInput.required(n.unit(), "nominee.unit", "Chưa nhập đơn vị công tác.");
            }
        }
        String summary = change.achievementSummary() == null ? d.achievementSummary() : DossierInput.summary(change.achievementSummary());
        List<Figure> unitFigures = change.figures() == null ? null : DossierInput.unitFigures(change.figures());
        String key = d.nomineeKey();
        if (d.nomineeKind() == NomineeKind.SUBORDINATE_UNIT && d.nomineeIdentifier() == null) {
            key = NomineeUniqueness.subordinateKey(null, d.proposingAgency(), name);
            uniqueness.refuseIfNominated(rounds.round(d.campaignCode(), d.roundKey(), d.awardForm()), d.proposingAgency(), key,
                    name, id);
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
        return store.list(new DossierStore.Filter(DossierInput.blankToNull(campaignCode), DossierInput.blankToNull(roundKey), DossierInput.blankToNull(agency), wanted),
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

    private static ApiException notEditable(Dossier d) {
        return ApiException.conflict("Hồ sơ đang ở trạng thái '" + d.status().label()
                + "': chỉ sửa được hồ sơ đang lập hoặc bị trả lại để bổ sung.");
    }

    private static Integer workingDays(Integer configured, int fallback) {
        return configured == null ? fallback : configured;
    }

}
