package vn.gov.thidua.campaign;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.thidua.agency.AgencyDirectory;
import vn.gov.thidua.campaign.CampaignStore.MilestoneRow;
import vn.gov.thidua.campaign.CampaignStore.ParticipantRow;
import vn.gov.thidua.campaign.CampaignStore.UnitMilestoneRow;

/**
 * Where a campaign stands: per milestone and per unit, what is pending, done on time, done late, overdue or ended by an
 * amendment, and the definition version (1: as uploaded, then one per amendment) each unit's milestone was issued or
 * last amended under.
 */
@Component
@Transactional(readOnly = true)
public class CampaignStatusReport {

    /**
     * A unit's role once an amendment withdrew it: it no longer counts among the participants, and what it did before
     * is still shown.
     */
    public static final String WITHDRAWN = "WITHDRAWN";

    public enum State {
        NOT_ISSUED("Chưa giao"), PENDING("Đang thực hiện"), DONE_ON_TIME("Hoàn thành đúng hạn"),
        DONE_LATE("Hoàn thành trễ hạn"), OVERDUE("Quá hạn"), ENDED("Dừng theo văn bản điều chỉnh");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record CampaignStatus(String code, String name, String planNumber, String status, Instant launchedAt,
                                 String standingAgency, String appraisingBoard, String decider, int participants,
                                 int participationsStarted, int definitionVersion, List<MilestoneStatus> milestones,
                                 List<UnitStatus> units) {
    }

    public record MilestoneStatus(String key, String name, String kind, OffsetDateTime opensAt, OffsetDateTime dueAt,
                                  OffsetDateTime openedAt, int addressees, Map<State, Integer> counts, boolean cancelled) {
    }

    public record UnitStatus(String agencyCode, String agencyName, String role, Map<String, UnitMilestoneStatus> milestones) {
    }

    public record UnitMilestoneStatus(State state, String stateLabel, OffsetDateTime dueAt, OffsetDateTime completedAt,
                                      String documentNumber, int definitionVersion, String endReason) {
    }

    private final CampaignService service;
    private final CampaignStore store;
    private final AgencyDirectory directory;
    private final AmendmentStore amendments;
    private final Clock clock;

    CampaignStatusReport(CampaignService service, CampaignStore store, AgencyDirectory directory, AmendmentStore amendments,
                         Clock clock) {
        this.service = service;
        this.store = store;
        this.directory = directory;
        this.amendments = amendments;
        this.clock = clock;
    }

    public CampaignStatus of(String code) {
        Campaign campaign = service.campaign(code);
        Instant now = clock.instant();
        List<MilestoneRow> milestones = store.milestones(code);
        Map<String, Map<String, UnitMilestoneRow>> done = new HashMap<>();
        for (UnitMilestoneRow row : store.unitMilestones(code)) {
            done.computeIfAbsent(row.agencyCode(), a -> new HashMap<>()).put(row.milestoneKey(), row);
        }
        Map<String, List<String>> addressed = store.addressees(code);
        Map<String, String> names = directory.allNames();

        Map<String, Map<State, Integer>> counts = new HashMap<>();
        List<UnitStatus> units = new ArrayList<>();
        List<ParticipantRow> participants = store.participants(code);
        Set<String> withdrawn = amendments.withdrawnUnits(code);
        for (ParticipantRow participant : participants) {
            Map<String, UnitMilestoneStatus> states = new LinkedHashMap<>();
            for (MilestoneRow milestone : milestones) {
                if (!addressed.getOrDefault(participant.agencyCode(), List.of()).contains(milestone.key())) {
                    continue;
                }
                UnitMilestoneRow row = done.getOrDefault(participant.agencyCode(), Map.of()).get(milestone.key());
                State state = state(row, now);
                // the unit's own deadline: an amendment may have extended it for named units only
                states.put(milestone.key(), new UnitMilestoneStatus(state, state.label(), row == null ? milestone.dueAt()
                        : row.dueAt(), row == null ? null : row.completedAt(), row == null ? null : row.documentNumber(),
                        row == null ? 0 : row.definitionVersion(), row == null ? null : row.endReason()));
                counts.computeIfAbsent(milestone.key(), k -> new EnumMap<>(State.class)).merge(state, 1, Integer::sum);
            }
            units.add(new UnitStatus(participant.agencyCode(), names.getOrDefault(participant.agencyCode(), participant.agencyCode()),
                    withdrawn.contains(participant.agencyCode()) ? WITHDRAWN : participant.role().name(), states));
        }
        Set<String> cancelled = amendments.cancelledMilestones(code);
        List<MilestoneStatus> milestoneStatus = milestones.stream().map(m -> {
            Map<State, Integer> c = counts.getOrDefault(m.key(), new EnumMap<>(State.class));
            return new MilestoneStatus(m.key(), m.name(), m.kind().name(), m.opensAt(), m.dueAt(), m.openedAt(),
                    c.values().stream().mapToInt(Integer::intValue).sum(), c, cancelled.contains(m.key()));
        }).toList();
        return new CampaignStatus(campaign.getCode(), campaign.getName(), campaign.getPlanNumber(), campaign.getStatus().name(),
                campaign.getLaunchedAt(), campaign.getStandingAgency(), campaign.getAppraisingBoard(), campaign.getDecider(),
                (int) participants.stream().filter(p -> p.role() == CampaignStore.Role.PARTICIPANT
                        && !withdrawn.contains(p.agencyCode())).count(),
                (int) participants.stream().filter(p -> p.startedAt() != null).count(), amendments.versionInForce(code),
                milestoneStatus, units);
    }

    /** The due instant is the moment the deadline passes (as its timer fires): work done at or after it is late. */
    static State state(UnitMilestoneRow row, Instant now) {
        if (row == null) {
            return State.NOT_ISSUED;
        }
        if (row.completedAt() == null && row.endedAt() != null) {
            return State.ENDED;
        }
        if (row.completedAt() != null) {
            return row.completedAt().isBefore(row.dueAt()) ? State.DONE_ON_TIME : State.DONE_LATE;
        }
        return now.isBefore(row.dueAt().toInstant()) ? State.PENDING : State.OVERDUE;
    }
}
