package vn.gov.thidua.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.thidua.agency.Agency;
import vn.gov.thidua.agency.AgencyDirectory;
import vn.gov.thidua.campaign.CalendarWarnings;
import vn.gov.thidua.campaign.Campaign;
import vn.gov.thidua.campaign.CampaignAccess;
import vn.gov.thidua.campaign.CampaignDefinition;
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
import vn.gov.thidua.system.EngineClock;

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
                            List<MilestoneStatus> milestones, List<UnitRow> units, Map<DossierStatus, Integer> dossiers,
                            int dossierTotal, List<DecisionSummary> decisions, int awards, List<Round> rounds,
                            List<String> calendarWarnings) {
    }

    /**
     * One unit: its state per milestone addressed to it (milestones not addressed to it are absent), how many dossiers
     * it proposed in each state, and how many of its nominees were awarded.
     */
    public record UnitRow(String agencyCode, String agencyName, String role, Map<String, UnitMilestoneStatus> milestones,
                          Map<DossierStatus, Integer> dossiers, int dossierTotal, int awards) {
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

    CampaignDashboard(CampaignService campaigns, CampaignRepository campaignList, CampaignAccess access,
                      CampaignStatusReport statusReport, DossierReports dossierReports, AgencyDirectory directory,
                      CalendarWarnings calendarWarnings) {
        this.campaigns = campaigns;
        this.campaignList = campaignList;
        this.access = access;
        this.statusReport = statusReport;
        this.dossierReports = dossierReports;
        this.directory = directory;
        this.calendarWarnings = calendarWarnings;
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
        List<UnitRow> units = status.units().stream().map(unit -> {
            Map<DossierStatus, Integer> counts = allZero(DossierStatus.class);
            counts.putAll(dossiersByUnit.getOrDefault(unit.agencyCode(), Map.of()));
            counts.forEach((state, n) -> dossierTotals.merge(state, n, Integer::sum));
            return new UnitRow(unit.agencyCode(), unit.agencyName(), unit.role(), unit.milestones(), counts, sum(counts),
                    awardsByUnit.getOrDefault(unit.agencyCode(), 0));
        }).toList();
        // dossiers of units that are not (or no longer) participants still count in the campaign's totals
        Set<String> participants = units.stream().map(UnitRow::agencyCode).collect(Collectors.toSet());
        dossiersByUnit.forEach((agency, counts) -> {
            if (!participants.contains(agency)) {
                counts.forEach((state, n) -> dossierTotals.merge(state, n, Integer::sum));
            }
        });
        List<MilestoneStatus> milestones = status.milestones().stream().map(m -> {
            Map<State, Integer> counts = allZero(State.class);
            counts.putAll(m.counts());
            return new MilestoneStatus(m.key(), m.name(), m.kind(), m.opensAt(), m.dueAt(), m.openedAt(), m.addressees(), counts);
        }).toList();
        CampaignDefinition definition = campaigns.definition(code);
        List<Round> rounds = definition.reviewRounds() == null ? List.of()
                : definition.reviewRounds().stream().map(r -> new Round(r.key(), r.name())).toList();
        return new Dashboard(card(campaign), EngineClock.now().atZone(DeadlineWording.ZONE).toOffsetDateTime(),
                agencyName(campaign.getStandingAgency()), agencyName(campaign.getAppraisingBoard()),
                agencyName(campaign.getDecider()), status.participants(), milestones, units, dossierTotals, sum(dossierTotals),
                dossierReports.decisions(code), awarded.size(), rounds, calendarWarnings.of(definition));
    }

    String agencyName(String code) {
        return directory.find(code).map(Agency::getName).orElse(code);
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
