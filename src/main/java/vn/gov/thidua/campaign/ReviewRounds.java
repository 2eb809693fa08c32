package vn.gov.thidua.campaign;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.thidua.campaign.CampaignDefinition.AwardForm;
import vn.gov.thidua.campaign.CampaignDefinition.ReviewRound;
import vn.gov.thidua.system.ApiException;
import vn.gov.thidua.system.PlainText;

/**
 * A launched campaign's review rounds (sơ kết, tổng kết), looked up by the keys a dossier names: the campaign, the
 * round and the award form asked for. A key that names nothing is refused on the request's field, in Vietnamese.
 */
@Component
@Transactional
public class ReviewRounds {

    /** A review round of a campaign with the award form asked for, and its deadlines as instants. */
    public record Round(Campaign campaign, CampaignDefinition definition, ReviewRound round, AwardForm form,
                        OffsetDateTime nominationDue, OffsetDateTime vettingDue) {

        /** Nominations reach the round at or after its deadline. */
        public boolean isLate(Instant now) {
            return !now.isBefore(nominationDue.toInstant());
        }

        public ApiException lateRefusal() {
            return ApiException.conflict("roundKey", "Đã hết hạn nộp hồ sơ đề nghị khen thưởng của đợt '" + round.name()
                    + "' (" + round.nominationDue() + "); hồ sơ không được tiếp nhận.");
        }
    }

    private final CampaignService campaigns;

    ReviewRounds(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    public Round round(String campaignCode, String roundKey, String awardFormKey) {
        String code = key(campaignCode, "campaignCode", "Chưa chọn phong trào.");
        Campaign campaign;
        CampaignDefinition definition;
        try {
            campaign = campaigns.campaign(code);
            definition = campaigns.definition(code);
        } catch (ApiException unknown) {
            throw ApiException.invalid("campaignCode", "Không có phong trào đã phát động mã '" + code + "'.");
        }
        String key = key(roundKey, "roundKey", "Chưa chọn đợt sơ kết, tổng kết.");
        List<ReviewRound> rounds = definition.reviewRounds() == null ? List.of() : definition.reviewRounds();
        ReviewRound round = rounds.stream().filter(r -> r.key().equals(key)).findFirst()
                .orElseThrow(() -> ApiException.invalid("roundKey", "Phong trào không có đợt '" + key + "'. Các đợt: "
                        + rounds.stream().map(ReviewRound::key).collect(Collectors.joining(", ")) + "."));
        String formKey = key(awardFormKey, "awardForm", "Chưa chọn hình thức khen thưởng.");
        List<AwardForm> forms = definition.awardForms() == null ? List.of() : definition.awardForms();
        AwardForm form = forms.stream().filter(f -> f.key().equals(formKey)).findFirst()
                .orElseThrow(() -> ApiException.invalid("awardForm", "Phong trào không có hình thức khen thưởng '" + formKey
                        + "'. Các hình thức: " + forms.stream().map(AwardForm::key).collect(Collectors.joining(", ")) + "."));
        OffsetDateTime nominationDue = DeadlineWording.parse(round.nominationDue(), DeadlineWording.Reading.DUE).orElseThrow();
        OffsetDateTime vettingDue = DeadlineWording.parse(round.vettingDue(), DeadlineWording.Reading.DUE).orElseThrow();
        return new Round(campaign, definition, round, form, nominationDue, vettingDue);
    }

    /** A key as the request sent it: given, at most 64 characters, plain text (as every dossier field is checked). */
    private static String key(String value, String field, String missing) {
        if (value == null || value.isBlank()) {
            throw ApiException.invalid(field, missing);
        }
        String clean = value.trim();
        if (clean.length() > 64) {
            throw ApiException.invalid(field, "Trường '" + field + "' dài quá 64 ký tự.");
        }
        PlainText.require(clean, field, false);
        return clean;
    }
}
