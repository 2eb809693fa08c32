package vn.gov.thidua.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.gov.thidua.agency.Agency;
import vn.gov.thidua.agency.AgencyDirectory;
import vn.gov.thidua.agency.AgencyKind;

/**
 * The open, unassigned tasks of the campaigns an officer supervises, counted by candidate group: what Cockpit's
 * "Công việc thủ công" page shows per group. The engine's own count (/task/report/candidate-group-count) asks for the
 * right to read every task ('READ' on Task '*'), which the Board does not have and must not get (it would read every
 * province's free tasks); the Board got a refusal and an empty page. Here a Board or the province's leadership gets the
 * count over its own campaigns' tasks: those of the campaign tenants the engine signed the officer in with, which are
 * its own province's campaigns only. Anyone the engine lets read every task keeps the engine's answer; anyone else
 * keeps the engine's refusal.
 */
@Component
public class SupervisedTaskCounts {

    private static final String COUNT_BY_CANDIDATE_GROUP = "select I.GROUP_ID_ as GROUP_NAME, count(distinct T.ID_) as TASK_COUNT"
            + " from ACT_RU_TASK T left join ACT_RU_IDENTITYLINK I on I.TASK_ID_ = T.ID_ and I.TYPE_ = 'candidate'"
            + " and I.GROUP_ID_ is not null"
            + " where T.ASSIGNEE_ is null and T.TENANT_ID_ in (:tenants)"
            + " group by I.GROUP_ID_ order by I.GROUP_ID_";

    private final IdentityService identityService;
    private final AuthorizationService authorizationService;
    private final AgencyDirectory directory;
    private final NamedParameterJdbcTemplate jdbc;

    SupervisedTaskCounts(IdentityService identityService, AuthorizationService authorizationService, AgencyDirectory directory,
                         NamedParameterJdbcTemplate jdbc) {
        this.identityService = identityService;
        this.authorizationService = authorizationService;
        this.directory = directory;
        this.jdbc = jdbc;
    }

    /** The counts as the engine's report gives them (groupName, taskCount), or empty to leave the request to the engine. */
    public Optional<List<Map<String, Object>>> forSignedInSupervisor() {
        // the engine's public API answers with its own Authentication type: read, never imported
        var officer = identityService.getCurrentAuthentication();
        if (officer == null || officer.getUserId() == null) {
            return Optional.empty();
        }
        List<String> groups = officer.getGroupIds() == null ? List.of() : officer.getGroupIds();
        if (authorizationService.isUserAuthorized(officer.getUserId(), groups, Permissions.READ, Resources.TASK, "*")
                || groups.stream().map(directory::find).flatMap(Optional::stream).map(Agency::getKind)
                .noneMatch(kind -> kind == AgencyKind.BOARD || kind == AgencyKind.LEADERSHIP)) {
            return Optional.empty();
        }
        List<String> tenants = officer.getTenantIds() == null ? List.of() : officer.getTenantIds();
        if (tenants.isEmpty()) {
            return Optional.of(List.of());
        }
        return Optional.of(jdbc.query(COUNT_BY_CANDIDATE_GROUP, Map.of("tenants", tenants), (row, i) -> {
            Map<String, Object> count = new LinkedHashMap<>();
            count.put("groupName", row.getString("GROUP_NAME"));
            count.put("taskCount", row.getInt("TASK_COUNT"));
            return count;
        }));
    }
}
