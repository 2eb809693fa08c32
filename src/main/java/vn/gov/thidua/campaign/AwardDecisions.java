package vn.gov.thidua.campaign;

import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;
import vn.gov.thidua.campaign.CampaignDefinition.AwardForm;
import vn.gov.thidua.engine.EngineIdentity;
import vn.gov.thidua.system.ApiException;

/**
 * The DMN decisions a campaign's award forms name. A decision that is not deployed is refused when the definition is
 * uploaded or launched, not when the first dossier is submitted; the tables generated from thresholds are deployed
 * when the campaign is launched. Decisions, like the processes that evaluate them, are deployed without tenant (the
 * business rule task looks its decision up in its process definition's tenant, which is none), so a generated
 * table's key carries the campaign's code, as does a table the Board uploads (CampaignDecisionUploads). Read and deployed as the product: a Board holds no rights on the engine's
 * repository.
 */
@Component
class AwardDecisions {

    private final RepositoryService repository;
    private final EngineIdentity system;

    AwardDecisions(RepositoryService repository, EngineIdentity system) {
        this.repository = repository;
        this.system = system;
    }

    /** Refuses (400) a criteria or quota decision that is not deployed, naming the field and the decisions there are. */
    void requireDeployed(CampaignDefinition d) {
        if (d.awardForms() == null) {
            return;
        }
        for (int i = 0; i < d.awardForms().size(); i++) {
            AwardForm form = d.awardForms().get(i);
            if (!CriteriaThresholds.generates(form)) {
                requireDeployed(d.code(), form.criteriaDecision(), "awardForms[" + i + "].criteriaDecision");
            }
            if (form.quotaDecision() != null) {
                requireDeployed(d.code(), form.quotaDecision(), "awardForms[" + i + "].quotaDecision");
            }
        }
    }

    /** Deploys the tables of the forms with thresholds; an unchanged table of a relaunch is not deployed again. */
    void deployGenerated(CampaignDefinition d) {
        if (d.awardForms() == null) {
            return;
        }
        for (AwardForm form : d.awardForms()) {
            if (CriteriaThresholds.generates(form)) {
                var table = CriteriaThresholds.table(d, form);
                system.asSystem(() -> repository.createDeployment()
                        .name(form.criteriaDecision())
                        .source("thidua:" + d.code())
                        .enableDuplicateFiltering(false)
                        .addModelInstance(form.criteriaDecision() + ".dmn", table)
                        .deploy());
            }
        }
    }

    private void requireDeployed(String code, String key, String at) {
        if (key.startsWith(CampaignDecisionUploads.KEY_PREFIX) && !key.startsWith(CampaignDecisionUploads.namespace(code))) {
            throw ApiException.invalid(at, "Trường '" + at + "': bảng quyết định '" + key + "' do phong trào khác tải lên;"
                    + " bảng tải lên cho phong trào này có mã bắt đầu bằng '" + CampaignDecisionUploads.namespace(code) + "'.");
        }
        boolean deployed = system.asSystem(() -> repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .withoutTenantId().count() > 0);
        if (!deployed) {
            throw ApiException.invalid(at, "Trường '" + at + "': không có bảng quyết định '" + key
                    + "' đã triển khai. Các bảng quyết định hiện có: " + String.join(", ", available(code))
                    + ". Hoặc ghi ngưỡng tiêu chuẩn trong định nghĩa (criteria) để sản phẩm tự tạo bảng.");
        }
    }

    /**
     * The deployed decisions a definition may name: the shipped ones and those uploaded for this campaign, not the
     * generated tables nor other campaigns' uploads.
     */
    private List<String> available(String code) {
        return system.asSystem(() -> repository.createDecisionDefinitionQuery().withoutTenantId().latestVersion().list()).stream()
                .map(DecisionDefinition::getKey).filter(key -> !key.startsWith(CriteriaThresholds.KEY_PREFIX))
                .filter(key -> !key.startsWith(CampaignDecisionUploads.KEY_PREFIX)
                        || key.startsWith(CampaignDecisionUploads.namespace(code)))
                .distinct().sorted().toList();
    }
}
