package vn.gov.thidua.security;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Service;
import vn.gov.thidua.agency.AgencyKind;
import vn.gov.thidua.engine.CampaignTenants;
import vn.gov.thidua.engine.EngineInternals;
import vn.gov.thidua.engine.HistoricInstanceGrants;
import vn.gov.thidua.engine.EngineIdentity;

/**
 * The engine authorizations the product grants as work is created, so that with authorizations on each agency
 * sees exactly its own work. Tasks need nothing here: the engine grants a task to its candidate group itself.
 * Every grant is idempotent (an existing authorization for the same group and resource is extended), so start-up
 * and retried jobs can call these freely.
 */
@Service
public class AccessGrants {

    // unit-participation: the units' work in campaigns launched before unit-milestone, which run on to their end
    static final List<String> SUPERVISED_PROCESSES = List.of("campaign", "unit-milestone", "unit-participation", "award-dossier");
    static final List<String> UNIT_PROCESSES = List.of("unit-milestone", "unit-participation", "award-dossier");
    /** The part of the baseline this version added last: a group without it is given its baseline again at start-up. */
    static final String NEWEST_BASELINE_PROCESS = "unit-milestone";
    /** The processes a Board starts from Tasklist: launching a campaign, amending a running one. */
    static final List<String> BOARD_STARTED_PROCESSES = List.of("campaign", "campaign-amendment");
    /** The part of a Board's baseline this version added last, as {@link #NEWEST_BASELINE_PROCESS} for every agency. */
    static final String NEWEST_BOARD_PROCESS = "campaign-amendment";

    private final AuthorizationService authorizations;
    private final EngineIdentity system;
    private final CampaignTenants tenants;
    private final HistoricInstanceGrants history;

    AccessGrants(AuthorizationService authorizations, EngineIdentity system, CampaignTenants tenants,
                 HistoricInstanceGrants history) {
        this.authorizations = authorizations;
        this.system = system;
        this.tenants = tenants;
        this.history = history;
    }

    /** What an agency's officers may do in general: use Tasklist; the Board and the leadership also supervise in Cockpit. */
    public void grantAgency(String group, AgencyKind kind) {
        grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        // the models its tasks come from: Tasklist draws them and reads their deployed forms. No agency starts them:
        // the product starts participations, dossiers and mails itself (as the system), from its own records
        for (String process : UNIT_PROCESSES) {
            grant(group, Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.READ);
        }
        if (supervises(kind)) {
            grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
            // Cockpit's Human Tasks page names the groups it counts by reading them: without this it showed codes
            // (so-y-te) instead of names. Groups are the directory's agencies: their names and kinds, nothing of their work
            grant(group, Resources.GROUP, ANY, Permissions.READ);
            for (String process : SUPERVISED_PROCESSES) {
                grant(group, Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.READ);
            }
        }
        if (kind == AgencyKind.BOARD) {
            // the Board launches campaigns and reads them, live and in history, units' tasks included (to follow overdue
            // units), without being able to work those tasks; which campaigns, their tenants decide (CampaignTenants)
            grant(group, Resources.PROCESS_DEFINITION, "campaign", ProcessDefinitionPermissions.CREATE_INSTANCE);
            grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
            // it amends running campaigns by their Board's dispatches; which campaigns, the model's delegate checks
            grant(group, Resources.PROCESS_DEFINITION, NEWEST_BOARD_PROCESS, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY);
            for (String process : SUPERVISED_PROCESSES) {
                grant(group, Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.READ_INSTANCE,
                        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
            }
        }
        if (kind == AgencyKind.LEADERSHIP) {
            // the decider supervises its campaigns and the units' progress in Cockpit; an award dossier it reads once
            // submitted to it (grantInstance), as the product's own dossier pages do
            for (String process : List.of("campaign", "unit-milestone", "unit-participation")) {
                grant(group, Resources.PROCESS_DEFINITION, process, ProcessDefinitionPermissions.READ_INSTANCE,
                        ProcessDefinitionPermissions.READ_HISTORY, ProcessDefinitionPermissions.READ_TASK);
            }
        }
    }

    /**
     * Administrators (camunda-admin) hold every permission on every resource, as Camunda's own first-admin setup grants
     * them: membership alone only unlocks admin-only operations, not reading and writing resources.
     */
    public void grantAdministrators() {
        for (Resources resource : Resources.values()) {
            if (authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).groupIdIn(Groups.CAMUNDA_ADMIN)
                    .resourceType(resource).resourceId(ANY).count() == 0) {
                Authorization all = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
                all.setGroupId(Groups.CAMUNDA_ADMIN);
                all.setResource(resource);
                all.setResourceId(ANY);
                all.addPermission(Permissions.ALL);
                authorizations.saveAuthorization(all);
            }
        }
    }

    /**
     * Takes back the rights to start processes that earlier versions granted and no longer do: every agency could start
     * `award-dossier` (and so forge another unit's dossier through the engine's REST API). Only the Boards keep
     * starting `campaign` and `campaign-amendment`; administrators keep everything. Idempotent: start-up runs it on
     * every boot.
     *
     * @return how many authorizations were narrowed or deleted
     */
    public int revokeStartsNotGranted(Set<String> boardGroups) {
        int changed = 0;
        for (Authorization held : authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .resourceType(Resources.PROCESS_DEFINITION).hasPermission(ProcessDefinitionPermissions.CREATE_INSTANCE).list()) {
            if (!isAdministrators(held) && !(BOARD_STARTED_PROCESSES.contains(held.getResourceId())
                    && boardGroups.contains(held.getGroupId()))) {
                changed += revoke(held, ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.values());
            }
        }
        for (Authorization held : authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .resourceType(Resources.PROCESS_INSTANCE).resourceId(ANY).hasPermission(Permissions.CREATE).list()) {
            if (!isAdministrators(held) && !boardGroups.contains(held.getGroupId())) {
                changed += revoke(held, Permissions.CREATE, ProcessInstancePermissions.values());
            }
        }
        return changed;
    }

    private static boolean isAdministrators(Authorization authorization) {
        return Groups.CAMUNDA_ADMIN.equals(authorization.getGroupId());
    }

    /** Removes one permission; an authorization left granting nothing is deleted rather than kept empty. */
    private int revoke(Authorization held, Permission permission, Permission[] all) {
        held.removePermission(permission);
        if (Arrays.stream(held.getPermissions(all)).allMatch(left -> left.getValue() == 0)) {
            authorizations.deleteAuthorization(held.getId());
        } else {
            authorizations.saveAuthorization(held);
        }
        return 1;
    }

    /**
     * Groups already holding their baseline as this version grants it, found in one query: a group granted by an earlier
     * version lacks its newest part (reading {@value #NEWEST_BASELINE_PROCESS}), and {@link #grantAgency} extends what
     * it holds.
     */
    Set<String> groupsWithBaseline() {
        return groupsGranted(NEWEST_BASELINE_PROCESS);
    }

    /** Groups holding a Board's baseline as this version grants it (amending campaigns): the others are given it again. */
    Set<String> groupsWithBoardBaseline() {
        return groupsGranted(NEWEST_BOARD_PROCESS);
    }

    /** Those who supervise in Cockpit: the Board and the province's leadership. */
    static boolean supervises(AgencyKind kind) {
        return kind == AgencyKind.BOARD || kind == AgencyKind.LEADERSHIP;
    }

    /** Groups that read the directory's groups, as this version grants supervisors: the other supervisors are given it. */
    Set<String> groupsReadingGroups() {
        return authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT).resourceType(Resources.GROUP)
                .resourceId(ANY).list().stream().map(Authorization::getGroupId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
    }

    private Set<String> groupsGranted(String process) {
        return authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .resourceType(Resources.PROCESS_DEFINITION).resourceId(process).list().stream()
                .map(Authorization::getGroupId).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    /** Everyone signed in sees the shared Tasklist filters; which tasks a filter shows is still per agency. */
    public void grantFiltersToEveryone() {
        if (authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL).resourceType(Resources.FILTER)
                .resourceId(ANY).count() == 0) {
            Authorization global = authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
            global.setResource(Resources.FILTER);
            global.setResourceId(ANY);
            global.addPermission(Permissions.READ);
            authorizations.saveAuthorization(global);
        }
    }

    /** Lets the groups read one process instance (an agency its participation, a standing agency a dossier). */
    public void grantInstance(String processInstanceId, String group) {
        grant(group, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
    }

    /**
     * Lets a group read one process instance, live and in history: a standing agency the dossiers of its campaign, a
     * decider those submitted to it, so a dossier stays readable once vetted and decided.
     */
    public void grantInstanceWithHistory(String processInstanceId, String group) {
        grantInstance(processInstanceId, group);
        grant(group, Resources.HISTORIC_PROCESS_INSTANCE, processInstanceId, HistoricProcessInstancePermissions.READ);
    }

    /**
     * Lets each group read the unit instance just started for it (a unit-milestone, or the participation of a campaign
     * launched before unit-milestone), live and in history, and the campaign's standing agency read them all (issue
     * #22, finding 5). Per instance, not per definition: the standing agency is a unit in other campaigns, where it
     * reads its own instances only. A new instance has no authorization yet, so they are inserted without first
     * looking for one to extend: a campaign's launch grants thousands of them.
     */
    public void grantNewParticipations(Map<String, String> instanceByGroup, String standingGroup) {
        asSystem(() -> {
            instanceByGroup.forEach((group, instance) -> {
                authorizations.saveAuthorization(newGrant(group, Resources.PROCESS_INSTANCE, instance, Permissions.READ));
                // the standing agency's own participation: its unit grant already reads it
                if (!group.equals(standingGroup)) {
                    authorizations.saveAuthorization(newGrant(standingGroup, Resources.PROCESS_INSTANCE, instance, Permissions.READ));
                }
            });
            // each unit its own participation's history too: Tasklist's comments and the task's history tab read it
            history.grantNewRootInstances(instanceByGroup);
            history.grantNewRootInstances(standingGroup, instanceByGroup.entrySet().stream()
                    .filter(each -> !each.getKey().equals(standingGroup)).map(Map.Entry::getValue).toList());
        });
    }

    /**
     * Grants are the product's decisions, not the signed-in officer's: an officer who creates work (a unit nominating)
     * may not write authorizations, so they are written as the system.
     */
    private void asSystem(Runnable write) {
        system.asSystem(write);
    }

    /** A merger: what the old agency's group was granted, and the campaigns it belonged to, its successor now holds. */
    public int moveGrants(String fromGroup, String toGroup) {
        tenants.moveMemberships(fromGroup, toGroup);
        List<Authorization> held = authorizations.createAuthorizationQuery().groupIdIn(fromGroup).list();
        for (Authorization old : held) {
            Resource resource = resource(old.getResourceType());
            if (resource != null) {
                grant(toGroup, resource, old.getResourceId(), EngineInternals.permissionsOf(old));
            }
            authorizations.deleteAuthorization(old.getId());
        }
        return held.size();
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        asSystem(() -> save(group, resource, resourceId, permissions));
    }

    private void save(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
        if (existing == null) {
            authorizations.saveAuthorization(newGrant(group, resource, resourceId, permissions));
            return;
        }
        for (Permission permission : permissions) {
            existing.addPermission(permission);
        }
        authorizations.saveAuthorization(existing);
    }

    private Authorization newGrant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setGroupId(group);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        return authorization;
    }

    private static Resource resource(int type) {
        for (Resources resource : Resources.values()) {
            if (resource.resourceType() == type) {
                return resource;
            }
        }
        return null;
    }
}
