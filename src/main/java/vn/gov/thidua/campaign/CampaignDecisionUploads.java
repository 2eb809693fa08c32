package vn.gov.thidua.campaign;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.ModelException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.thidua.agency.AgencyDirectory;
import vn.gov.thidua.engine.EngineIdentity;
import vn.gov.thidua.security.CurrentOfficer;
import vn.gov.thidua.system.ApiException;

/**
 * A campaign's own decision tables, uploaded by its Board through the product: a Board holds no rights on the engine's
 * repository, so the product checks the file (see {@link UploadedDecisionCheck}) and deploys it as generated tables
 * are deployed (no tenant, deployment named after the decision, source {@code thidua:<campaign>}). Every upload is a
 * new version of its decision; the dossiers' pre-check reads the latest and records which version it read.
 */
@Service
@Transactional
public class CampaignDecisionUploads {

    /** Uploaded keys start so, followed by the campaign's code and a dot: a campaign names only its own tables. */
    public static final String KEY_PREFIX = "phong-trao.";
    static final int MAX_BYTES = 1024 * 1024;

    public record UploadedDecision(String key, String name, int version, String campaignCode, String fileName,
                                   Instant uploadedAt, String uploadedBy) {
    }

    private final CampaignRepository campaigns;
    private final StoredDefinitionRepository definitions;
    private final CampaignDefinitionReader reader;
    private final AgencyDirectory directory;
    private final RepositoryService repository;
    private final EngineIdentity system;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    CampaignDecisionUploads(CampaignRepository campaigns, StoredDefinitionRepository definitions, CampaignDefinitionReader reader,
                            AgencyDirectory directory, RepositoryService repository, EngineIdentity system, JdbcTemplate jdbc,
                            Clock clock) {
        this.campaigns = campaigns;
        this.definitions = definitions;
        this.reader = reader;
        this.directory = directory;
        this.repository = repository;
        this.system = system;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The namespace of a campaign's uploaded decisions. */
    public static String namespace(String campaignCode) {
        return KEY_PREFIX + campaignCode + ".";
    }

    /** Checks the file, deploys it as a new version of each decision it holds, and records who uploaded it. */
    public List<UploadedDecision> upload(String code, byte[] content, String fileName, String actor) {
        requireBoard(code);
        if (content == null || content.length == 0) {
            throw ApiException.invalid("file", "Chưa có nội dung tệp DMN (gửi tệp .dmn xuất từ Camunda Modeler).");
        }
        if (content.length > MAX_BYTES) {
            throw ApiException.invalid("file", "Tệp DMN lớn quá 1 MB.");
        }
        DmnModelInstance model = read(content);
        List<Decision> decisions = UploadedDecisionCheck.check(model, namespace(code));
        for (Decision decision : decisions) {
            // the engine refuses a definition without a history time to live; Camunda Modeler leaves it empty by default
            if (decision.getCamundaHistoryTimeToLiveString() == null) {
                decision.setCamundaHistoryTimeToLiveString("3650");
            }
        }
        String resource = decisions.get(0).getId() + ".dmn";
        DeploymentWithDefinitions deployment;
        try {
            deployment = system.asSystem(() -> repository.createDeployment()
                    .name(String.join(", ", decisions.stream().map(Decision::getId).toList()))
                    .source("thidua:" + code)
                    .enableDuplicateFiltering(false)
                    .addModelInstance(resource, model)
                    .deployWithResult());
        } catch (ProcessEngineException refused) {
            throw ApiException.invalid("file", "Bộ máy quy trình không nhận bảng quyết định: " + refused.getMessage());
        }
        Instant now = clock.instant();
        List<UploadedDecision> uploaded = new ArrayList<>();
        for (DecisionDefinition d : deployment.getDeployedDecisionDefinitions()) {
            jdbc.update("insert into campaign_decision (decision_key, version, campaign_code, decision_name, deployment_id,"
                            + " file_name, uploaded_at, uploaded_by) values (?, ?, ?, ?, ?, ?, ?, ?)", d.getKey(), d.getVersion(),
                    code, d.getName(), deployment.getId(), fileName, Timestamp.from(now), actor);
            uploaded.add(new UploadedDecision(d.getKey(), d.getName(), d.getVersion(), code, fileName, now, actor));
        }
        return uploaded;
    }

    /** Every uploaded version of the campaign's decisions, newest first within a decision. */
    @Transactional(readOnly = true)
    public List<UploadedDecision> list(String code) {
        requireBoard(code);
        return jdbc.query("select * from campaign_decision where campaign_code = ? order by decision_key, version desc",
                (rs, n) -> new UploadedDecision(rs.getString("decision_key"), rs.getString("decision_name"), rs.getInt("version"),
                        rs.getString("campaign_code"), rs.getString("file_name"),
                        rs.getTimestamp("uploaded_at").toInstant(),
                        rs.getString("uploaded_by")), code);
    }

    private static DmnModelInstance read(byte[] content) {
        try {
            return Dmn.readModelFromStream(new ByteArrayInputStream(content));
        } catch (ModelException unreadable) {
            throw ApiException.invalid("file", "Tệp không phải bảng quyết định DMN đọc được (DMN 1.3, như Camunda Modeler"
                    + " xuất): " + UploadedDecisionCheck.firstLine(unreadable) + ".");
        }
    }

    /**
     * The campaign's Board (as the directory has it today), or an administrator: the campaign once launched, else its
     * uploaded definition, names the Board.
     */
    private void requireBoard(String code) {
        String board = campaigns.findById(code).map(Campaign::getAppraisingBoard).orElseGet(() -> {
            StoredDefinition stored = definitions.findById(code).orElseThrow(() -> ApiException.notFound(
                    "Không tìm thấy phong trào hoặc định nghĩa phong trào '" + code + "'."));
            CampaignDefinition definition = reader.parse(stored.getContent());
            return definition.roles() == null ? null : definition.roles().appraisingBoard();
        });
        if (CurrentOfficer.isAdmin()) {
            return;
        }
        Collection<String> group = board == null ? List.of() : List.of(directory.groupFor(board));
        if (!CurrentOfficer.inAnyGroup(group)) {
            throw ApiException.forbidden("Chỉ Ban Thi đua - Khen thưởng thẩm định phong trào '" + code
                    + "' mới được tải lên và xem bảng quyết định của phong trào.");
        }
    }
}
