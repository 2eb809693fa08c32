package vn.gov.thidua.agency;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.thidua.system.ApiException;

/**
 * Read side of the directory, and the bean models use to route work: {@code ${agencyDirectory.groupFor(code)}}
 * gives the candidate group of an agency, following mergers to the agency that now holds its work, so no model
 * names an agency and work addressed to a merged agency reaches its successor.
 */
@Component("agencyDirectory")
@Transactional(readOnly = true)
public class AgencyDirectory {

    private static final int MAX_MERGE_CHAIN = 32;
    private static final ZoneId PROVINCE_CLOCK = ZoneId.of("Asia/Ho_Chi_Minh");

    private final AgencyRepository agencies;
    private final OfficerRepository officers;
    private final EmulationClusters clusters;
    private final Clock clock;

    AgencyDirectory(AgencyRepository agencies, OfficerRepository officers, EmulationClusters clusters, Clock clock) {
        this.agencies = agencies;
        this.officers = officers;
        this.clusters = clusters;
        this.clock = clock;
    }

    public Optional<Agency> find(String code) {
        return code == null ? Optional.empty() : agencies.findById(code);
    }

    /** The names of every agency the directory holds (active or not), by code, read in one query. */
    public Map<String, String> allNames() {
        return all().stream().collect(Collectors.toMap(Agency::getCode, Agency::getName));
    }

    /** Names of the agencies, by code, read in one query (codes the directory does not know are left out). */
    public Map<String, String> names(Collection<String> codes) {
        return agencies.findAllById(codes).stream().collect(Collectors.toMap(Agency::getCode, Agency::getName));
    }

    /** The provinces the directory holds, sorted. */
    public List<String> provinces() {
        return all().stream().map(Agency::getProvince).filter(Objects::nonNull).distinct().sorted().toList();
    }

    /** The active agencies of some kinds in one province (agencies without a province when {@code province} is null). */
    public List<Agency> activeOfKinds(Collection<AgencyKind> kinds, String province) {
        return all().stream().filter(Agency::isActive).filter(a -> kinds.contains(a.getKind()))
                .filter(a -> Objects.equals(province, a.getProvince())).toList();
    }

    public Agency require(String code) {
        return find(code).orElseThrow(() -> ApiException.notFound("Không tìm thấy cơ quan, đơn vị có mã '" + code + "'."));
    }

    public List<Agency> all() {
        return agencies.findAllByOrderByCodeAsc();
    }

    /** The active agency that holds the work of {@code code} today: itself, or its successor after mergers. */
    public Agency current(String code) {
        Agency agency = require(code);
        for (int hops = 0; !agency.isActive() && agency.getSuccessorCode() != null; hops++) {
            if (hops == MAX_MERGE_CHAIN) {
                throw new IllegalStateException("Merge chain of " + code + " does not end");
            }
            agency = require(agency.getSuccessorCode());
        }
        if (!agency.isActive()) {
            // Surfaces as an incident in Cockpit: the administrator names a successor (merge) and retries
            throw new IllegalStateException("Cơ quan '" + agency.getCode() + "' đã ngừng hoạt động và chưa có đơn vị kế thừa.");
        }
        return agency;
    }

    /** The officer signed in as {@code username}, if the directory knows them. */
    public Optional<Officer> officer(String username) {
        return username == null ? Optional.empty() : officers.findById(username);
    }

    /**
     * {@link #officerEmails(String)} of many agencies in one query, by code (agencies without an address left out): a
     * mail batch of 200 notices to 200 communes would otherwise read the directory 200 times.
     */
    public Map<String, List<String>> officerEmails(Collection<String> codes) {
        Map<String, List<String>> emails = new HashMap<>();
        if (codes.isEmpty()) {
            return emails;
        }
        for (Object[] row : officers.activeEmailsOf(codes)) {
            String email = ((String) row[1]).trim();
            List<String> ofAgency = emails.computeIfAbsent((String) row[0], code -> new ArrayList<>());
            if (!email.isEmpty() && !ofAgency.contains(email)) {
                ofAgency.add(email);
            }
        }
        emails.values().removeIf(List::isEmpty);
        return emails;
    }

    /** The mail addresses of the active officers of the agency, as the directory holds them today. */
    public List<String> officerEmails(String code) {
        return officers.findByAgency(code).stream().filter(Officer::isActive).map(Officer::getEmail)
                .filter(email -> email != null && !email.isBlank()).map(String::trim).distinct().toList();
    }

    /** The Camunda group that is offered the work of {@code code}; a cluster's is its leading unit's of this year. */
    public String groupFor(String code) {
        return groupFor(code, clock.instant().atZone(PROVINCE_CLOCK).getYear());
    }

    /**
     * The group offered the work of {@code code} for {@code year}: the agency holding its work today, or, for an
     * emulation cluster or block, its leading unit of that year (following mergers too).
     */
    public String groupFor(String code, int year) {
        Agency agency = current(code);
        if (!agency.getKind().isCluster()) {
            return agency.getCode();
        }
        String leader = clusters.leader(agency.getCode(), year).orElseThrow(() -> new IllegalStateException(
                "Cụm, khối thi đua '" + agency.getName() + "' chưa có đơn vị trưởng cụm năm " + year + "."));
        return current(leader).getCode();
    }
}
