package vn.gov.thidua.demo;

import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.gov.thidua.agency.Agency;
import vn.gov.thidua.agency.AgencyApi.NewOfficer;
import vn.gov.thidua.agency.AgencyDirectory;
import vn.gov.thidua.agency.OfficerRepository;
import vn.gov.thidua.agency.OfficerService;

/** Demo profile only: one officer {@code cb.<agency code>} per active agency, and their logins printed at start-up. */
@Component
@Order(20)
@ConditionalOnProperty(name = "app.demo.officers", havingValue = "true")
public class DemoOfficers implements ApplicationRunner {

    static final String PREFIX = "cb.";
    private static final Logger log = LoggerFactory.getLogger(DemoOfficers.class);

    private final AgencyDirectory directory;
    private final OfficerRepository officers;
    private final OfficerService service;
    private final DemoCredentials credentials;
    private final String baseUrl;

    DemoOfficers(AgencyDirectory directory, OfficerRepository officers, OfficerService service, DemoCredentials credentials,
                 @Value("http://localhost:${server.port:8080}") String baseUrl) {
        this.directory = directory;
        this.officers = officers;
        this.service = service;
        this.credentials = credentials;
        this.baseUrl = baseUrl;
    }

    @Override
    public void run(ApplicationArguments args) {
        StringBuilder logins = new StringBuilder();
        for (Agency agency : directory.all()) {
            if (!agency.isActive()) {
                continue;
            }
            String username = PREFIX + agency.getCode();
            if (!officers.existsById(username)) {
                service.create(new NewOfficer(username, "Cán bộ " + agency.getName(), username + "@thidua.example",
                        Set.of(agency.getCode()), credentials.password()), "demo");
            }
            logins.append(String.format("%n  %-22s %s", username, agency.getName()));
        }
        log.info("Demo logins for Tasklist and Cockpit at {}/camunda (password for all: {}):{}", baseUrl,
                credentials.password(), logins);
    }
}
