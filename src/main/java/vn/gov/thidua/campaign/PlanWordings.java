package vn.gov.thidua.campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import vn.gov.thidua.campaign.CampaignDefinition.Milestone;
import vn.gov.thidua.campaign.CampaignStore.MilestoneRow;
import vn.gov.thidua.campaign.DeadlineWording.Reading;

/**
 * A milestone's deadline as its plan words it ("trước ngày 12/12/2024", "trong Quý IV năm 2023"), shown to officers
 * beside the instant the product reads from it: "Hạn: 00:00 12/12/2024" alone reads as a day early to an officer who
 * has the plan's "trước ngày 12/12/2024" in mind. A yearly milestone's wording is given for its year. A deadline
 * written as an ISO date, or one the plan's wording no longer yields (the milestone's deadline was since changed), has
 * no wording.
 *
 * <p>The wordings of a campaign are read from its stored definition once and kept: a milestone's tasks are created in
 * batches of thousands of units, each asking.
 */
@Component
class PlanWordings {

    private static final int CAMPAIGNS_KEPT = 64;
    private static final Duration REREAD_AFTER = Duration.ofMinutes(1);
    private static final Pattern YEARLY_KEY = Pattern.compile("(.+-)(\\d{4})");

    private final CampaignService service;
    private final Map<String, Read> byCampaign = new ConcurrentHashMap<>();

    /** A campaign's wordings by milestone key, and when its definition was read. */
    private record Read(Map<String, String> wordings, Instant at) {
    }

    PlanWordings(CampaignService service) {
        this.service = service;
    }

    Optional<String> of(MilestoneRow milestone) {
        String code = milestone.campaignCode();
        Read read = wordings(code);
        String wording = wordingOf(milestone, read.wordings());
        if (wording != null && !yields(wording, milestone) && read.at().isBefore(Instant.now().minus(REREAD_AFTER))) {
            // the definition may have changed since it was read (once a while, not for each of a batch's units)
            byCampaign.remove(code);
            wording = wordingOf(milestone, wordings(code).wordings());
        }
        return Optional.ofNullable(wording).filter(candidate -> yields(candidate, milestone));
    }

    private static String wordingOf(MilestoneRow milestone, Map<String, String> wordings) {
        String wording = wordings.get(milestone.key());
        Matcher ofYear = YEARLY_KEY.matcher(milestone.key());
        if (wording == null && ofYear.matches() && wordings.containsKey(ofYear.group(1))) {
            wording = ofYear(wordings.get(ofYear.group(1)), Integer.parseInt(ofYear.group(2)));
        }
        return wording;
    }

    private static boolean yields(String wording, MilestoneRow milestone) {
        return DeadlineWording.parse(wording, Reading.DUE)
                .filter(due -> due.toInstant().equals(milestone.dueAt().toInstant())).isPresent();
    }

    private Read wordings(String campaignCode) {
        if (byCampaign.size() > CAMPAIGNS_KEPT) {
            byCampaign.clear();
        }
        return byCampaign.computeIfAbsent(campaignCode, code -> {
            Map<String, String> wordings = new HashMap<>();
            for (Milestone milestone : service.definition(code).milestones()) {
                if (milestone.due() == null || milestone.due().isBlank() || Character.isDigit(milestone.due().trim().charAt(0))) {
                    continue;
                }
                // a yearly milestone is issued as <key>-<year>
                wordings.put(milestone.isYearly() ? milestone.key() + "-" : milestone.key(), milestone.due().trim());
            }
            return new Read(wordings, Instant.now());
        });
    }

    /** "trước ngày 15/12 hằng năm" in 2024 is "trước ngày 15/12/2024"; "trong Quý IV hằng năm", "trong Quý IV năm 2024". */
    static String ofYear(String wording, int year) {
        String dated = wording.replaceAll("(\\d{1,2})/(\\d{1,2})\\s+h[ằà]ng\\s+năm", "$1/$2/" + year)
                .replaceAll("(?i)(tháng\\s+\\d{1,2})\\s+h[ằà]ng\\s+năm", "$1/" + year)
                .replaceAll("(?i)\\bh[ằà]ng\\s+năm\\b", "năm " + year);
        return dated.matches("(?i)(vào |trước )?cuối năm") ? dated + " " + year : dated.replaceAll("(?i)cuối năm năm", "cuối năm");
    }
}
