package vn.gov.thidua.campaign;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;

/**
 * The `campaign` model as it was before the lean model (#23), src/test/resources/legacy/campaign.bpmn, and today's,
 * deployed as an upgrade deploys them: each a new version with the forms its Board tasks name. `unit-participation`
 * stays deployed with the product, as it does for the campaigns launched before.
 */
final class CampaignModels {

    private CampaignModels() {
    }

    static Deployment deployLegacy(RepositoryService repositoryService) {
        return deploy(repositoryService, "campaign before #23", Path.of("src/test/resources/legacy/campaign.bpmn"));
    }

    /** The upgrade: today's model over the old one; later launches use it. */
    static Deployment deployCurrent(RepositoryService repositoryService) {
        return deploy(repositoryService, "campaign of #23", Path.of("processes/campaign.bpmn"));
    }

    static String latestCampaignDeployment(RepositoryService repositoryService) {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey("campaign").withoutTenantId()
                .latestVersion().singleResult().getDeploymentId();
    }

    private static Deployment deploy(RepositoryService repositoryService, String name, Path model) {
        DeploymentBuilder deployment = repositoryService.createDeployment().name(name);
        try {
            deployment.addInputStream("campaign.bpmn", new ByteArrayInputStream(Files.readAllBytes(model)));
            for (String form : List.of("campaign-launch.form", "milestone-opening.form", "campaign-closure.form")) {
                deployment.addInputStream(form, new ByteArrayInputStream(Files.readAllBytes(Path.of("forms", form))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return deployment.deploy();
    }
}
