package vn.gov.thidua.agency;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.gov.thidua.system.ApiException;

/**
 * Emulation clusters and blocks (cụm, khối thi đua): agencies of a cluster kind, each with its member agencies and a
 * leading unit per year. The province decides them apart from any campaign (a decision of UBND tỉnh on the clusters,
 * leaders elected each year by the cluster), so they live in the directory and every campaign selects by them. A
 * leader holds until the next one is named: the leader of a year is the one named for the latest year not after it.
 */
@Component
@Transactional(readOnly = true)
public class EmulationClusters {

    private final AgencyRepository agencies;
    private final JdbcTemplate jdbc;

    EmulationClusters(AgencyRepository agencies, JdbcTemplate jdbc) {
        this.agencies = agencies;
        this.jdbc = jdbc;
    }

    public boolean isCluster(String code) {
        return code != null && agencies.findById(code).map(a -> a.getKind().isCluster()).orElse(false);
    }

    /** The codes of the directory's active clusters and blocks. */
    public List<String> codes() {
        return agencies.findAllByOrderByCodeAsc().stream().filter(a -> a.isActive() && a.getKind().isCluster())
                .map(Agency::getCode).toList();
    }

    public List<String> members(String cluster) {
        return jdbc.queryForList("select agency_code from emulation_cluster_member where cluster_code = ? order by agency_code",
                String.class, cluster);
    }

    /** The leading unit of the cluster in {@code year}: named for that year or the latest year before it. */
    public Optional<String> leader(String cluster, int year) {
        return jdbc.queryForList("select agency_code from emulation_cluster_leader where cluster_code = ? and leader_year <= ?"
                + " order by leader_year desc fetch first 1 rows only", String.class, cluster, year).stream().findFirst();
    }

    /** The leaders named so far, by year. */
    public java.util.Map<Integer, String> leaders(String cluster) {
        java.util.Map<Integer, String> leaders = new java.util.TreeMap<>();
        jdbc.query("select leader_year, agency_code from emulation_cluster_leader where cluster_code = ?",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> leaders.put(rs.getInt(1), rs.getString(2)), cluster);
        return leaders;
    }

    /** Adds a member; nothing when it is one already. */
    @Transactional
    public void addMember(String cluster, String agency) {
        requireCluster(cluster);
        jdbc.update("insert into emulation_cluster_member (cluster_code, agency_code) select ?, ? where not exists"
                + " (select 1 from emulation_cluster_member where cluster_code = ? and agency_code = ?)", cluster, agency, cluster, agency);
    }

    /** Names the cluster's leading unit for a year (a member of it), replacing the one named before for that year. */
    @Transactional
    public void nameLeader(String cluster, int year, String agency) {
        requireCluster(cluster);
        if (!members(cluster).contains(agency)) {
            throw ApiException.invalid("leader", "Đơn vị trưởng cụm phải là thành viên của cụm '" + cluster + "'; thành viên: "
                    + members(cluster) + ".");
        }
        jdbc.update("delete from emulation_cluster_leader where cluster_code = ? and leader_year = ?", cluster, year);
        jdbc.update("insert into emulation_cluster_leader (cluster_code, leader_year, agency_code) values (?, ?, ?)",
                cluster, year, agency);
    }

    private void requireCluster(String cluster) {
        if (!isCluster(cluster)) {
            throw ApiException.invalid("cluster", "'" + cluster + "' không phải cụm, khối thi đua trong danh bạ; các cụm, khối: "
                    + codes() + ".");
        }
    }
}
