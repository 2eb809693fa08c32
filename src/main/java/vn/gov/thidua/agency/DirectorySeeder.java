package vn.gov.thidua.agency;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import vn.gov.thidua.agency.AgencyApi.NewAgency;

/**
 * Loads a directory file ({@code app.directory.seed}) at start-up: agencies it lists are created when missing and
 * never overwritten, so the administrator's later changes survive restarts. A malformed file stops start-up with
 * the offending entry named, rather than leaving a half-loaded directory.
 */
@Component
@Order(10)
class DirectorySeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DirectorySeeder.class);

    record DirectoryFile(String province, List<Entry> agencies) {
    }

    record Entry(String code, String name, AgencyKind kind, String parent) {
    }

    private final String location;
    private final ResourceLoader resources;
    private final AgencyService service;
    private final AgencyRepository agencies;
    private final Validator validator;

    DirectorySeeder(@Value("${app.directory.seed:}") String location, ResourceLoader resources, AgencyService service,
                    AgencyRepository agencies, Validator validator) {
        this.location = location;
        this.resources = resources;
        this.service = service;
        this.agencies = agencies;
        this.validator = validator;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (location.isBlank()) {
            return;
        }
        DirectoryFile file = read(resources.getResource(location));
        int created = 0;
        for (Entry entry : file.agencies()) {
            if (agencies.existsById(entry.code())) {
                continue;
            }
            NewAgency request = new NewAgency(entry.code(), entry.name(), entry.kind(), entry.parent());
            Set<ConstraintViolation<NewAgency>> violations = validator.validate(request);
            if (!violations.isEmpty()) {
                ConstraintViolation<NewAgency> first = violations.iterator().next();
                throw new IllegalStateException("Directory file " + location + ", agency '" + entry.code() + "': "
                        + first.getPropertyPath() + " " + first.getMessage());
            }
            service.create(request, "directory-file");
            created++;
        }
        log.info("Directory {} ({}): {} agencies listed, {} created", location, file.province(), file.agencies().size(), created);
    }

    private DirectoryFile read(Resource resource) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = resource.getInputStream()) {
            DirectoryFile file = yaml.readValue(in, DirectoryFile.class);
            if (file.agencies() == null || file.agencies().isEmpty()) {
                throw new IllegalStateException("Directory file " + location + " lists no agencies");
            }
            return file;
        }
    }
}
