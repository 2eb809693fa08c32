package vn.gov.thidua.agency;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
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
import vn.gov.thidua.validation.InputCheck;

/**
 * Loads the directory files ({@code app.directory.seed}, comma-separated) at start-up, each the agencies of one
 * province: agencies it lists are created in that province when missing and never overwritten, so the
 * administrator's later changes survive restarts. A malformed file, a file without its province, or an agency the
 * file lists that already belongs to another province stops start-up with the offending entry named, rather than
 * leaving a half-loaded directory. Agencies loaded before provinces were recorded are given theirs, and Camunda groups
 * and users saved by older versions the names and kinds the directory gives them today.
 */
@Component
@Order(10)
class DirectorySeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DirectorySeeder.class);

    record DirectoryFile(String province, List<Entry> agencies) {
    }

    record Entry(String code, String name, AgencyKind kind, String parent) {
    }

    private final String locations;
    private final ResourceLoader resources;
    private final AgencyService service;
    private final AgencyRepository agencies;
    private final Validator validator;

    DirectorySeeder(@Value("${app.directory.seed:}") String locations, ResourceLoader resources, AgencyService service,
                    AgencyRepository agencies, Validator validator) {
        this.locations = locations;
        this.resources = resources;
        this.service = service;
        this.agencies = agencies;
        this.validator = validator;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        for (String location : locations.split(",")) {
            if (!location.isBlank()) {
                load(location.trim());
            }
        }
        int described = service.describeIdentities();
        if (described > 0) {
            log.info("Directory: {} Camunda groups and users given the directory's names and kinds", described);
        }
    }

    /** Loads one province's file. */
    void load(String location) throws IOException {
        DirectoryFile file = read(location);
        int created = 0;
        for (Entry entry : file.agencies()) {
            Agency existing = agencies.findById(entry.code()).orElse(null);
            if (existing != null) {
                if (existing.getProvince() != null && !existing.getProvince().equals(file.province())) {
                    throw new IllegalStateException("Directory file " + location + ", agency '" + entry.code()
                            + "': already in the directory for " + existing.getProvince() + ", not " + file.province());
                }
                continue;
            }
            NewAgency request = new NewAgency(entry.code(), entry.name(), entry.kind(), entry.parent(), file.province());
            InputCheck.first(validator.validate(request)).ifPresent(first -> {
                throw new IllegalStateException("Directory file " + location + ", agency '" + entry.code() + "': "
                        + first.getPropertyPath() + " " + first.getMessage());
            });
            service.create(request, "directory-file");
            created++;
        }
        int assigned = service.assignProvince(file.agencies().stream().map(Entry::code).toList(), file.province());
        log.info("Directory {} ({}): {} agencies listed, {} created, {} given their province", location, file.province(),
                file.agencies().size(), created, assigned);
    }

    private DirectoryFile read(String location) throws IOException {
        Resource resource = resources.getResource(location);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = resource.getInputStream()) {
            DirectoryFile file = yaml.readValue(in, DirectoryFile.class);
            if (file.province() == null || file.province().isBlank()) {
                throw new IllegalStateException("Directory file " + location + " names no province: a file loads one province");
            }
            if (file.agencies() == null || file.agencies().isEmpty()) {
                throw new IllegalStateException("Directory file " + location + " lists no agencies");
            }
            return new DirectoryFile(file.province().trim(), file.agencies());
        }
    }
}
