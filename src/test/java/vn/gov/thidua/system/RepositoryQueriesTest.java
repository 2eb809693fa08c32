package vn.gov.thidua.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.repository.core.RepositoryInformation;
import org.springframework.data.repository.support.Repositories;
import org.springframework.util.ReflectionUtils;
import vn.gov.thidua.support.ProductTest;

/**
 * The repositories are built on first use (application.yaml, {@code bootstrap-mode: lazy}), so a query that does not
 * parse or does not fit the tables would no longer stop the start. This test builds every repository of the
 * application and runs each of its query methods once, on H2 and on PostgreSQL, as the start-up used to.
 */
@ProductTest
class RepositoryQueriesTest {

    @Autowired
    ApplicationContext context;

    @Test
    void everyRepositoryQuery_isBuiltAndRuns() {
        Repositories repositories = new Repositories(context);
        List<String> ran = new ArrayList<>();
        for (Class<?> domainType : repositories) {
            RepositoryInformation information = repositories.getRequiredRepositoryInformation(domainType);
            Object repository = repositories.getRepositoryFor(domainType).orElseThrow();
            for (Method method : information.getQueryMethods()) {
                Object[] arguments = Arrays.stream(method.getParameterTypes()).map(RepositoryQueriesTest::sample).toArray();
                ReflectionUtils.makeAccessible(method);
                Object result = ReflectionUtils.invokeMethod(method, repository, arguments);
                assertThat(result).as(method.toGenericString()).isNotNull();
                ran.add(information.getRepositoryInterface().getSimpleName() + "." + method.getName());
            }
        }
        assertThat(ran).as("the query methods of the five repositories").contains(
                "AgencyRepository.findByParentCode", "AgencyRepository.findAllByOrderByCodeAsc",
                "OfficerRepository.findByAgency", "OfficerRepository.findAllByOrderByUsernameAsc",
                "DirectoryEventRepository.findByAgencyCodeOrderByIdAsc", "CampaignRepository.findAllByOrderByLaunchedAtDesc",
                "StoredDefinitionRepository.findAllByOrderByCodeAsc");
    }

    private static Object sample(Class<?> type) {
        if (type == String.class) {
            return "so-noi-vu";
        }
        if (type == Collection.class || type == List.class) {
            return List.of("so-noi-vu");
        }
        throw new IllegalArgumentException("no sample argument for " + type + ": add one here");
    }
}
