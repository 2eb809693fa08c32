package vn.gov.thidua.engine;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;
import static org.camunda.bpm.engine.authorization.Resources.USER;

import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

/**
 * Camunda's default gives every new user ALL on their own user record, so an officer could delete their own
 * account (and with it the agency's only sign-in). Here an officer may read their record and change their profile
 * and password; deleting accounts is the directory's, that is the administrators'.
 */
final class OfficerAuthorizationProvider extends DefaultAuthorizationProvider {

    @Override
    public AuthorizationEntity[] newUser(User user) {
        return new AuthorizationEntity[] {createGrantAuthorization(user.getId(), null, USER, user.getId(), READ, UPDATE)};
    }
}
