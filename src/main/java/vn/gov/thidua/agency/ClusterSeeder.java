package vn.gov.thidua.agency;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import vn.gov.thidua.agency.AgencyApi.NewAgency;

/**
 * Loads the province's decision on emulation clusters and blocks ({@code app.directory.clusters}), a file of its own
 * beside the directory as the decision is a document of its own: each cluster is created as an agency of its kind
 * when missing, with its members and its leading unit per year added when missing; later changes survive restarts.
 */
@Component
@Order(11)
class ClusterSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ClusterSeeder.class);

    record ClusterFile(String decision, List<Entry> clusters) {
    }

    record Entry(String code, String name, AgencyKind kind, List<String> members, Map<Integer, String> leaders) {
    }

    private final String location;
    private final ResourceLoader resources;
    private final AgencyService service;
    private final AgencyRepository agencies;
    private final EmulationClusters clusters;

    ClusterSeeder(@Value("${app.directory.clusters:}") String location, ResourceLoader resources, AgencyService service,
                  AgencyRepository agencies, EmulationClusters clusters) {
        this.location = location;
        this.resources = resources;
        this.service = service;
        this.agencies = agencies;
        this.clusters = clusters;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (location.isBlank()) {
            return;
        }
        ClusterFile file;
        try (InputStream in = resources.getResource(location).getInputStream()) {
            file = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in, ClusterFile.class);
        }
        for (Entry entry : file.clusters()) {
            if (entry.kind() == null || !entry.kind().isCluster()) {
                throw new IllegalStateException("Cluster file " + location + ", '" + entry.code()
                        + "': kind must be EMULATION_CLUSTER or EMULATION_BLOCK");
            }
            if (!agencies.existsById(entry.code())) {
                service.create(new NewAgency(entry.code(), entry.name(), entry.kind(), null, province(location, entry)),
                        "cluster-file");
                entry.members().forEach(member -> clusters.addMember(entry.code(), member));
                (entry.leaders() == null ? Map.<Integer, String>of() : entry.leaders())
                        .forEach((year, leader) -> clusters.nameLeader(entry.code(), year, leader));
            }
        }
        log.info("Emulation clusters {} ({}): {} listed", location, file.decision(), file.clusters().size());
    }

    /** A cluster belongs to its members' province: campaigns select by cluster only within their own province. */
    private String province(String location, Entry entry) {
        Set<String> provinces = entry.members().stream().map(member -> agencies.findById(member)
                .orElseThrow(() -> new IllegalStateException("Cluster file " + location + ", '" + entry.code()
                        + "': unknown member " + member)).getProvince())
                .filter(Objects::nonNull).collect(Collectors.toSet());
        if (provinces.size() > 1) {
            throw new IllegalStateException("Cluster file " + location + ", '" + entry.code() + "': members of several provinces "
                    + provinces);
        }
        return provinces.isEmpty() ? null : provinces.iterator().next();
    }
}
