package vn.gov.thidua.engine;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

/**
 * Camunda's default gives every new user ALL on their own user record, so an officer could delete their own
 * account (and with it the agency's only sign-in). Here an officer may read their record and change their profile
 * and password; deleting accounts is the directory's, that is the administrators'.
 * <p>
 * With historic-instance permissions on (application.yaml), Camunda would also grant each task's candidates the
 * task's history: a second authorization looked up and written per task, thousands when a milestone reaches every
 * unit. No role reads history through it: units read none, the Board and the decider read by definition, the
 * standing agency by instance ({@code AccessGrants}). Tasks keep the grants they had before the switch.
 * <p>
 * Camunda's default also lets every group made member of a tenant read that tenant: a lookup and one more authorization
 * per unit at every launch (each campaign is a tenant, {@code CampaignTenants}). No officer reads tenants: the product
 * finds an officer's campaigns as the system, and the engine's tenant check reads the officer's authentication, not
 * these grants. Memberships made before keep theirs.
 */
final class OfficerAuthorizationProvider extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newUser(User user) {
        return new AuthorizationEntity[] {createGrantAuthorization(user.getId(), null, USER, user.getId(), READ, UPDATE)};
    }

    @Override
    public AuthorizationEntity[] tenantMembershipCreated(Tenant tenant, Group group) {
        return new AuthorizationEntity[0];
    }

    @Override
    protected boolean isHistoricInstancePermissionsEnabled() {
        return false;
    }
}
