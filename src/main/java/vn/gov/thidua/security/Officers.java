package vn.gov.thidua.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import vn.gov.thidua.agency.Agency;
import vn.gov.thidua.agency.AgencyDirectory;
import vn.gov.thidua.agency.AgencyKind;
import vn.gov.thidua.engine.CampaignTenants;

/**
 * Who a Camunda user is for the product: their groups, and the roles those groups give. Roles come from the kind of
 * the agencies a user belongs to (an officer of a BOARD agency has ROLE_BOARD), so a new province's Board needs
 * no code, only its directory.
 */
@Component
public class Officers {

    public static final String ADMIN = "ADMIN";
    public static final String BOARD = "BOARD";
    public static final String LEADERSHIP = "LEADERSHIP";

    private final IdentityService identityService;
    private final AgencyDirectory directory;
    private final CampaignTenants tenants;

    Officers(IdentityService identityService, AgencyDirectory directory, CampaignTenants tenants) {
        this.identityService = identityService;
        this.directory = directory;
        this.tenants = tenants;
    }

    public List<String> groupsOf(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }

    /** The campaigns the user's agencies take part in: the engine shows a campaign's work only with its tenant. */
    public List<String> tenantsOf(String userId) {
        return tenants.tenantsOf(userId);
    }

    CamundaUserAuthentication authentication(String userId, List<String> groups, boolean viaSession) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String group : groups) {
            authorities.add(new SimpleGrantedAuthority("GROUP_" + group));
            if (Groups.CAMUNDA_ADMIN.equals(group)) {
                authorities.add(new SimpleGrantedAuthority("ROLE_" + ADMIN));
            }
            directory.find(group).filter(Agency::isActive).map(Agency::getKind).ifPresent(kind -> {
                if (kind == AgencyKind.BOARD) {
                    authorities.add(new SimpleGrantedAuthority("ROLE_" + BOARD));
                } else if (kind == AgencyKind.LEADERSHIP) {
                    authorities.add(new SimpleGrantedAuthority("ROLE_" + LEADERSHIP));
                }
            });
        }
        return new CamundaUserAuthentication(userId, groups, authorities, viaSession);
    }
}
