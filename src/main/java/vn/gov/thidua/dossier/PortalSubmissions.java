package vn.gov.thidua.dossier;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.thidua.agency.AgencyDirectory;
import vn.gov.thidua.calendar.WorkingCalendar;
import vn.gov.thidua.campaign.CampaignModelSupport;
import vn.gov.thidua.security.CurrentOfficer;
import vn.gov.thidua.system.ApiException;

/**
 * The standing agency's submission of vetted dossiers to the provincial People's Committee through the provincial
 * public-service portal (seed 000: "gửi hồ sơ ... qua Cổng dịch vụ công trực tuyến của tỉnh trước ngày 20/12/2024").
 * Each vetted dossier waits at Task_SubmitToPortal until the receipt number and date the portal gave are recorded;
 * the Board's completeness check and appraisal count from then. The agency submits its list at once, so the API takes
 * one receipt for every dossier of the list in one transaction: if one cannot be recorded, none is.
 */
@Service
@Transactional
public class PortalSubmissions {

    static final String TASK = "Task_SubmitToPortal";
    static final String RECEIPT_NUMBER = "portalReceiptNumber";
    static final String RECEIPT_DATE = "portalReceiptDate";

    /** What the portal gave a dossier's submission. */
    public record Receipt(long dossierId, String receiptNumber, LocalDate receiptDate, Instant recordedAt, String recordedBy) {
    }

    /** One receipt for a list: the round's vetted dossiers waiting for the portal, or the ones named. */
    public record ListSubmission(String campaignCode, String roundKey, String receiptNumber, String receiptDate,
                                 List<Long> dossierIds) {
    }

    private final DossierService dossiers;
    private final DossierStore store;
    private final WorkingCalendar calendar;
    private final CampaignModelSupport campaigns;
    private final AgencyDirectory directory;
    private final TaskService taskService;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    PortalSubmissions(DossierService dossiers, DossierStore store, WorkingCalendar calendar, CampaignModelSupport campaigns,
                      AgencyDirectory directory, TaskService taskService, JdbcTemplate jdbc, Clock clock) {
        this.dossiers = dossiers;
        this.store = store;
        this.calendar = calendar;
        this.campaigns = campaigns;
        this.directory = directory;
        this.taskService = taskService;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Task_RecordPortalSubmission: checks and keeps the receipt; the dossier stays vetted, now with the Board. */
    void record(long id, String number, String date, String actor) {
        Dossier d = dossiers.require(id);
        if (d.status() != DossierStatus.VETTED) {
            throw ApiException.conflict("Hồ sơ đang ở trạng thái '" + d.status().label() + "', không chờ nộp lên Cổng dịch vụ công.");
        }
        String receiptNumber = DossierInput.text(number, RECEIPT_NUMBER, "Ghi số tiếp nhận hồ sơ trên Cổng dịch vụ công.", 64);
        LocalDate receiptDate = receiptDate(date);
        Instant now = clock.instant();
        jdbc.update("delete from dossier_portal_submission where dossier_id = ?", id);
        jdbc.update("insert into dossier_portal_submission (dossier_id, receipt_number, receipt_date, recorded_at, recorded_by)"
                + " values (?, ?, ?, ?, ?)", id, receiptNumber, Date.valueOf(receiptDate), java.sql.Timestamp.from(now), actor);
        store.event(id, now, actor, DossierStatus.VETTED, "PORTAL_SUBMITTED", "Đã nộp lên Cổng dịch vụ công tỉnh: số tiếp nhận "
                + receiptNumber + " ngày " + DossierService.DAY.format(receiptDate));
    }

    @Transactional(readOnly = true)
    public Optional<Receipt> receipt(long id) {
        return jdbc.query("select * from dossier_portal_submission where dossier_id = ?", (rs, i) -> new Receipt(
                rs.getLong("dossier_id"), rs.getString("receipt_number"), rs.getDate("receipt_date").toLocalDate(),
                rs.getTimestamp("recorded_at").toInstant(), rs.getString("recorded_by")), id).stream().findFirst();
    }

    /**
     * The standing agency records one portal receipt for a list: every vetted dossier of the round that waits for the
     * portal, or the dossiers named (each must be waiting). Only the campaign's standing agency submits (403).
     */
    public List<Dossier> submitList(ListSubmission request, String actor) {
        if (request == null) {
            throw ApiException.invalid("body", "Chưa gửi nội dung lần nộp.");
        }
        String campaign = DossierInput.text(request.campaignCode(), "campaignCode", "Chưa chọn phong trào.", 64);
        String round = DossierInput.text(request.roundKey(), "roundKey", "Chưa chọn đợt sơ kết, tổng kết.", 64);
        String standing = campaigns.standingAgencyGroup(campaign);
        if (!CurrentOfficer.isAdmin() && !CurrentOfficer.inAnyGroup(List.of(standing))) {
            throw ApiException.forbidden("Chỉ " + directory.find(standing).map(a -> a.getName()).orElse(standing)
                    + ", cơ quan thường trực của phong trào, nộp hồ sơ đã xét chọn lên Cổng dịch vụ công.");
        }
        Map<Long, Task> waiting = new java.util.LinkedHashMap<>();
        for (Task task : taskService.createTaskQuery().processDefinitionKey(DossierService.PROCESS).taskDefinitionKey(TASK)
                .processInstanceBusinessKeyLike(campaign + "/" + round + "/%").orderByTaskCreateTime().asc().list()) {
            waiting.put(jdbc.queryForObject("select id from award_dossier where process_instance_id = ?", Long.class,
                    task.getProcessInstanceId()), task);
        }
        Set<Long> wanted = request.dossierIds() == null || request.dossierIds().isEmpty() ? waiting.keySet()
                : new LinkedHashSet<>(request.dossierIds());
        List<Long> notWaiting = wanted.stream().filter(id -> !waiting.containsKey(id)).toList();
        if (!notWaiting.isEmpty()) {
            throw ApiException.conflict("dossierIds", "Hồ sơ số " + notWaiting.stream().map(String::valueOf)
                    .collect(Collectors.joining(", ")) + " không chờ nộp lên Cổng dịch vụ công trong đợt này.");
        }
        if (wanted.isEmpty()) {
            throw ApiException.conflict("Đợt '" + round + "' không có hồ sơ đã xét chọn nào chờ nộp lên Cổng dịch vụ công.");
        }
        List<Dossier> submitted = new ArrayList<>();
        for (long id : wanted) {
            dossiers.asUser(actor, () -> {
                taskService.complete(waiting.get(id).getId(), Map.of(RECEIPT_NUMBER, request.receiptNumber() == null ? ""
                        : request.receiptNumber(), RECEIPT_DATE, request.receiptDate() == null ? "" : request.receiptDate()));
                return null;
            });
            submitted.add(dossiers.require(id));
        }
        return submitted;
    }

    private LocalDate receiptDate(String value) {
        String text = DossierInput.blankToNull(value);
        if (text == null) {
            throw ApiException.invalid(RECEIPT_DATE, "Ghi ngày tiếp nhận hồ sơ trên Cổng dịch vụ công.");
        }
        LocalDate date;
        try {
            // Tasklist's date field sends the day; an API client may send a date-time
            date = LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(RECEIPT_DATE, "Ngày tiếp nhận '" + text + "' không đúng dạng yyyy-MM-dd.");
        }
        if (date.isAfter(LocalDate.ofInstant(clock.instant(), calendar.zone()))) {
            throw ApiException.invalid(RECEIPT_DATE, "Ngày tiếp nhận không thể sau ngày hôm nay.");
        }
        return date;
    }
}
