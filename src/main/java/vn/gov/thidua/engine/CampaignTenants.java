package vn.gov.thidua.engine;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Service;

/**
 * Who belongs to which campaign, for the engine's tenant check: the tenant of a campaign (its code) has as members
 * the groups of its Board, standing agency, decider and every unit it gives work to. A definition-level right (the
 * Board reading every `unit-milestone` instance) then reaches only the campaigns of which the group is a member,
 * and an officer sees their campaigns' work only when their engine authentication names those tenants
 * ({@link #tenantsOf}). Memberships are the product's decisions, written as the system whoever's step writes them.
 */
@Service
public class CampaignTenants {

    private final IdentityService identity;
    private final EngineIdentity system;

    CampaignTenants(IdentityService identity, EngineIdentity system) {
        this.identity = identity;
        this.system = system;
    }

    /** Creates the campaign's tenant if it is new and makes the groups members; groups already members are skipped. */
    public void admit(String campaignCode, String campaignName, Collection<String> groups) {
        system.asSystem(() -> {
            if (identity.createTenantQuery().tenantId(campaignCode).count() == 0) {
                Tenant tenant = identity.newTenant(campaignCode);
                tenant.setName(campaignName.length() > 255 ? campaignName.substring(0, 255) : campaignName);
                identity.saveTenant(tenant);
            }
            Set<String> wanted = Set.copyOf(groups);
            if (wanted.isEmpty()) {
                return null;
            }
            String[] ids = wanted.toArray(String[]::new);
            Set<String> members = ids(identity.createGroupQuery().groupIdIn(ids).memberOfTenant(campaignCode).list());
            // a group missing from the identity (an agency not synchronised yet) has nobody to admit
            for (String group : ids(identity.createGroupQuery().groupIdIn(ids).list())) {
                if (!members.contains(group)) {
                    identity.createTenantGroupMembership(campaignCode, group);
                }
            }
            return null;
        });
    }

    /** A merger: the successor's group takes the old agency's place in every campaign. */
    public int moveMemberships(String fromGroup, String toGroup) {
        return system.asSystem(() -> {
            List<Tenant> held = identity.createTenantQuery().groupMember(fromGroup).list();
            for (Tenant tenant : held) {
                if (identity.createGroupQuery().groupId(toGroup).memberOfTenant(tenant.getId()).count() == 0) {
                    identity.createTenantGroupMembership(tenant.getId(), toGroup);
                }
                identity.deleteTenantGroupMembership(tenant.getId(), fromGroup);
            }
            return held.size();
        });
    }

    /**
     * The campaigns whose work the user's agencies take part in, for their engine authentication. Read as the
     * system: officers may not read tenants themselves, and an authentication without them hides their own work.
     */
    public List<String> tenantsOf(String userId) {
        return system.tenantsOf(userId);
    }



    private static Set<String> ids(List<Group> groups) {
        return groups.stream().map(Group::getId).collect(Collectors.toSet());
    }
}
