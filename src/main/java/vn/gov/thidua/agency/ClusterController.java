package vn.gov.thidua.agency;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.gov.thidua.system.ApiException;

/**
 * An emulation cluster's members and leaders per year, read by every officer; the administrator names a year's leader
 * (writes under /api/agencies are the administrator's, SecurityConfiguration).
 */
@RestController
@RequestMapping(path = "/api/agencies/{code}", produces = "application/json")
@Tag(name = "Cụm, khối thi đua", description = "Thành viên và đơn vị trưởng cụm, khối theo năm")
class ClusterController {

    record ClusterView(String code, List<String> members, Map<Integer, String> leaders) {
    }

    record LeaderChange(String agencyCode) {
    }

    private final EmulationClusters clusters;

    ClusterController(EmulationClusters clusters) {
        this.clusters = clusters;
    }

    @GetMapping("/cluster")
    @Operation(summary = "Thành viên và đơn vị trưởng theo năm của một cụm, khối thi đua")
    ClusterView cluster(@PathVariable String code) {
        requireCluster(code);
        return new ClusterView(code, clusters.members(code), clusters.leaders(code));
    }

    @PutMapping(path = "/cluster/leaders/{year}", consumes = "application/json")
    @Operation(summary = "Đặt đơn vị trưởng cụm, khối của một năm (một thành viên của cụm)")
    ClusterView nameLeader(@PathVariable String code, @PathVariable int year, @RequestBody LeaderChange change) {
        if (year < 2000 || year > 2100) {
            throw ApiException.invalid("year", "Năm phải từ 2000 đến 2100.");
        }
        clusters.nameLeader(code, year, change == null ? null : change.agencyCode());
        return cluster(code);
    }

    private void requireCluster(String code) {
        if (!clusters.isCluster(code)) {
            throw ApiException.notFound("'" + code + "' không phải cụm, khối thi đua; các cụm, khối: " + clusters.codes() + ".");
        }
    }
}
