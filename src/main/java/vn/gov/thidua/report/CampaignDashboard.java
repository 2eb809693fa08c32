package vn.gov.thidua.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.thidua.agency.Agency;
import vn.gov.thidua.agency.AgencyDirectory;
import vn.gov.thidua.agency.AgencyKind;
import vn.gov.thidua.campaign.CalendarWarnings;
import vn.gov.thidua.campaign.Campaign;
import vn.gov.thidua.campaign.CampaignAccess;
import vn.gov.thidua.campaign.CampaignDefinition;
import vn.gov.thidua.campaign.CampaignDefinition.Opener;
import vn.gov.thidua.campaign.CampaignRepository;
import vn.gov.thidua.campaign.CampaignService;
import vn.gov.thidua.campaign.CampaignStatusReport;
import vn.gov.thidua.campaign.CampaignStatusReport.CampaignStatus;
import vn.gov.thidua.campaign.CampaignStatusReport.MilestoneStatus;
import vn.gov.thidua.campaign.CampaignStatusReport.State;
import vn.gov.thidua.campaign.CampaignStatusReport.UnitMilestoneStatus;
import vn.gov.thidua.campaign.DeadlineWording;
import vn.gov.thidua.dossier.DossierReports;
import vn.gov.thidua.dossier.DossierReports.AwardedNominee;
import vn.gov.thidua.dossier.DossierReports.DecisionSummary;
import vn.gov.thidua.dossier.DossierStatus;

/**
 * The Board's view of a campaign: each unit's state per milestone (from the campaign's own status report), its
 * dossiers per state and its awards, with the campaign's totals and decisions. Only the campaign's supervisors see it.
 */
@Service
@Transactional(readOnly = true)
public class CampaignDashboard {

    public record CampaignCard(String code, String name, String planNumber, LocalDate planDate, String province,
                               String status, OffsetDateTime launchedAt) {
    }

    public record Dashboard(CampaignCard campaign, OffsetDateTime generatedAt, String standingAgencyName,
                            String appraisingBoardName, String deciderName, int participants,
                            List<MilestoneView> milestones, List<UnitRow> units, Map<DossierStatus, Integer> dossiers,
                            int dossierTotal, List<DecisionSummary> decisions, int awards, List<Round> rounds,
                            List<String> calendarWarnings) {
    }

    /** Whether a milestone is open: opened (or opening by itself on its date), or waiting for the Board to open it. */
    public enum Opening {
        OPEN("Đã mở"), SCHEDULED("Chưa đến ngày mở"), WAITING_FOR_BOARD("Chờ Ban Thi đua - Khen thưởng mở mốc");

        private final String label;

        Opening(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A milestone's totals, as in the campaign's status report, with its opening: a milestone the Board opens by hand
     * whose day has come and that nobody opened yet is {@link Opening#WAITING_FOR_BOARD}, its units all "not issued".
     */
    public record MilestoneView(String key, String name, String kind, OffsetDateTime opensAt, OffsetDateTime dueAt,
                                OffsetDateTime openedAt, int addressees, Map<State, Integer> counts, Opening opening,
                                String openingLabel) {

        /** The share of the addressed units in {@code state}, in percent. */
        public double percent(State state) {
            return addressees == 0 ? 0 : 100.0 * counts.getOrDefault(state, 0) / addressees;
        }

        /** The milestone's stacked bar, states in {@code order}, each from where the one before ended (0 to 100). */
        public List<Segment> segments(List<State> order) {
            List<Segment> segments = new ArrayList<>();
            double x = 0;
            for (State state : order) {
                int count = counts.getOrDefault(state, 0);
                if (count > 0) {
                    double width = percent(state);
                    segments.add(new Segment(state, state.label(), count, x, width));
                    x += width;
                }
            }
            return segments;
        }
    }

    /** One state's part of a milestone's bar, in percent of its width. */
    public record Segment(State state, String label, int count, double x, double width) {
    }

    /**
     * One unit: its kind and parent agency (a commune's district), its state per milestone addressed to it (milestones
     * not addressed to it are absent) with the days past the deadline of each late or overdue one, the most days any of
     * its milestones is overdue today, how many dossiers it proposed in each state, and how many of its nominees were
     * awarded.
     */
    public record UnitRow(String agencyCode, String agencyName, String role, String kind, String kindLabel, String parentCode,
                          String parentName, Map<String, UnitMilestoneStatus> milestones, Map<String, Integer> daysLate,
                          int mostDaysOverdue, Map<DossierStatus, Integer> dossiers, int dossierTotal, int awards) {
    }

    public record Round(String key, String name) {
    }

    private final CampaignService campaigns;
    private final CampaignRepository campaignList;
    private final CampaignAccess access;
    private final CampaignStatusReport statusReport;
    private final DossierReports dossierReports;
    private final AgencyDirectory directory;
    private final CalendarWarnings calendarWarnings;
    private final Clock clock;

    CampaignDashboard(CampaignService campaigns, CampaignRepository campaignList, CampaignAccess access,
                      CampaignStatusReport statusReport, DossierReports dossierReports, AgencyDirectory directory,
                      CalendarWarnings calendarWarnings, Clock clock) {
        this.campaigns = campaigns;
        this.campaignList = campaignList;
        this.access = access;
        this.statusReport = statusReport;
        this.dossierReports = dossierReports;
        this.directory = directory;
        this.calendarWarnings = calendarWarnings;
        this.clock = clock;
    }

    /** The campaigns the signed-in officer supervises, newest first. */
    public List<CampaignCard> visibleCampaigns() {
        return campaignList.findAllByOrderByLaunchedAtDesc().stream().filter(access::maySupervise).map(CampaignDashboard::card)
                .toList();
    }

    /** The campaign, once the signed-in officer is known to supervise it: 404 if unknown, 403 if not theirs. */
    public Campaign supervised(String code) {
        Campaign campaign = campaigns.campaign(code);
        access.requireSupervisor(campaign);
        return campaign;
    }

    public CampaignDefinition definition(String code) {
        return campaigns.definition(code);
    }

    public Dashboard of(String code) {
        return of(supervised(code));
    }

    /** The dashboard of a campaign already checked with {@link #supervised(String)}. */
    Dashboard of(Campaign campaign) {
        String code = campaign.getCode();
        CampaignStatus status = statusReport.of(code);
        Map<String, Map<DossierStatus, Integer>> dossiersByUnit = dossierReports.countsByProposer(code);
        Map<String, Integer> awardsByUnit = new HashMap<>();
        List<AwardedNominee> awarded = dossierReports.awarded(code, null);
        awarded.forEach(a -> awardsByUnit.merge(a.proposingAgency(), 1, Integer::sum));

        Map<DossierStatus, Integer> dossierTotals = allZero(DossierStatus.class);
        Instant now = clock.instant();
        Map<String, Agency> agencies = new HashMap<>();
        directory.all().forEach(agency -> agencies.put(agency.getCode(), agency));
        List<UnitRow> units = status.units().stream().map(unit -> {
            Map<DossierStatus, Integer> counts = allZero(DossierStatus.class);
            counts.putAll(dossiersByUnit.getOrDefault(unit.agencyCode(), Map.of()));
            counts.forEach((state, n) -> dossierTotals.merge(state, n, Integer::sum));
            Map<String, Integer> daysLate = new LinkedHashMap<>();
            int mostDaysOverdue = 0;
            for (Map.Entry<String, UnitMilestoneStatus> m : unit.milestones().entrySet()) {
                UnitMilestoneStatus state = m.getValue();
                if (state.state() == State.OVERDUE || state.state() == State.DONE_LATE) {
                    int days = daysLate(state.dueAt(), state.completedAt() == null ? now : state.completedAt().toInstant());
                    daysLate.put(m.getKey(), days);
                    mostDaysOverdue = state.state() == State.OVERDUE ? Math.max(mostDaysOverdue, days) : mostDaysOverdue;
                }
            }
            Agency agency = agencies.get(unit.agencyCode());
            AgencyKind kind = agency == null ? null : agency.getKind();
            String parent = agency == null ? null : agency.getParentCode();
            return new UnitRow(unit.agencyCode(), unit.agencyName(), unit.role(), kind == null ? null : kind.name(),
                    kind == null ? null : kind.label(), parent, parent == null ? null : agencyName(agencies, parent),
                    unit.milestones(), daysLate, mostDaysOverdue, counts, sum(counts), awardsByUnit.getOrDefault(unit.agencyCode(), 0));
        }).toList();
        // dossiers of units that are not (or no longer) participants still count in the campaign's totals
        Set<String> participants = units.stream().map(UnitRow::agencyCode).collect(Collectors.toSet());
        dossiersByUnit.forEach((agency, counts) -> {
            if (!participants.contains(agency)) {
                counts.forEach((state, n) -> dossierTotals.merge(state, n, Integer::sum));
            }
        });
        CampaignDefinition definition = campaigns.definition(code);
        Map<String, Opener> openers = new HashMap<>();
        definition.milestones().forEach(m -> openers.put(m.key(), m.openedBy() == null ? Opener.SCHEDULE : m.openedBy()));
        List<MilestoneView> milestones = status.milestones().stream().map(m -> {
            Map<State, Integer> counts = allZero(State.class);
            counts.putAll(m.counts());
            Opening opening = opening(m, openers.getOrDefault(m.key(), Opener.SCHEDULE), now);
            return new MilestoneView(m.key(), m.name(), m.kind(), m.opensAt(), m.dueAt(), m.openedAt(), m.addressees(), counts,
                    opening, opening.label());
        }).toList();
        List<Round> rounds = definition.reviewRounds() == null ? List.of()
                : definition.reviewRounds().stream().map(r -> new Round(r.key(), r.name())).toList();
        return new Dashboard(card(campaign), now.atZone(DeadlineWording.ZONE).toOffsetDateTime(),
                agencyName(campaign.getStandingAgency()), agencyName(campaign.getAppraisingBoard()),
                agencyName(campaign.getDecider()), status.participants(), milestones, units, dossierTotals, sum(dossierTotals),
                dossierReports.decisions(code), awarded.size(), rounds, calendarWarnings.of(definition));
    }

    String agencyName(String code) {
        return directory.find(code).map(Agency::getName).orElse(code);
    }

    private static String agencyName(Map<String, Agency> agencies, String code) {
        Agency agency = agencies.get(code);
        return agency == null ? code : agency.getName();
    }

    /** A milestone with no opening date opens at launch; one the schedule opens opens by itself when its day comes. */
    static Opening opening(MilestoneStatus m, Opener opener, Instant now) {
        if (m.openedAt() != null || m.opensAt() == null) {
            return Opening.OPEN;
        }
        if (now.isBefore(m.opensAt().toInstant())) {
            return Opening.SCHEDULED;
        }
        return opener == Opener.BOARD ? Opening.WAITING_FOR_BOARD : Opening.OPEN;
    }

    /**
     * Whole days past the deadline's last day, as officers count them: "trước ngày 12/12/2024" (due at 00:00 on the 12th)
     * has the 11th as its last day, so work still open on the 12th is one day overdue; a deadline at 23:59:59 has its own
     * day as the last one. At least 1 once the deadline has passed.
     */
    static int daysLate(OffsetDateTime dueAt, Instant at) {
        ZonedDateTime due = dueAt.atZoneSameInstant(DeadlineWording.ZONE);
        LocalDate lastDay = due.toLocalTime().equals(LocalTime.MIDNIGHT) ? due.toLocalDate().minusDays(1) : due.toLocalDate();
        long days = ChronoUnit.DAYS.between(lastDay, at.atZone(DeadlineWording.ZONE).toLocalDate());
        return (int) Math.max(1, days);
    }

    private static CampaignCard card(Campaign c) {
        return new CampaignCard(c.getCode(), c.getName(), c.getPlanNumber(), c.getPlanDate(), c.getProvince(),
                c.getStatus().name(), c.getLaunchedAt().atZone(DeadlineWording.ZONE).toOffsetDateTime());
    }

    private static <E extends Enum<E>> Map<E, Integer> allZero(Class<E> type) {
        Map<E, Integer> counts = new EnumMap<>(type);
        for (E value : type.getEnumConstants()) {
            counts.put(value, 0);
        }
        return counts;
    }

    private static int sum(Map<?, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
