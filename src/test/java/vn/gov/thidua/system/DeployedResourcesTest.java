package vn.gov.thidua.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.gov.thidua.support.ProductTest;

/**
 * Auto-deployment looks only in the classpath folders the build copies {@code processes/} and {@code forms/} to
 * (application.yaml, pom.xml). Every model, decision and form of those two project folders is in the engine after a
 * start, with its file name, and nothing else of the classpath is.
 */
@ProductTest
class DeployedResourcesTest {

    /** The name Camunda's Spring integration gives the deployment it makes at start-up. */
    private static final String AUTO_DEPLOYMENT = "SpringAutoDeployment";

    @Autowired
    RepositoryService repositoryService;

    @Test
    void everyModelDecisionAndForm_ofTheProjectFolders_isDeployed() throws IOException {
        List<String> project = Stream.concat(files("processes"), files("forms")).sorted().toList();
        assertThat(project).as("the project's models, decisions and forms").hasSizeGreaterThanOrEqualTo(19);

        // the starter's deployments: one on a new database, and one more at each start after a file has changed
        List<String> deployed = repositoryService.createDeploymentQuery().deploymentName(AUTO_DEPLOYMENT).list().stream()
                .flatMap(deployment -> repositoryService.getDeploymentResources(deployment.getId()).stream())
                .map(Resource::getName).map(name -> Path.of(name).getFileName().toString())
                .distinct().sorted().toList();
        assertThat(deployed).as("the resources of the application's deployment").isEqualTo(project);
    }

    private static Stream<String> files(String folder) throws IOException {
        try (Stream<Path> paths = Files.list(Path.of(folder))) {
            return paths.map(path -> path.getFileName().toString())
                    .filter(name -> name.endsWith(".bpmn") || name.endsWith(".dmn") || name.endsWith(".form"))
                    .toList().stream();
        }
    }
}
