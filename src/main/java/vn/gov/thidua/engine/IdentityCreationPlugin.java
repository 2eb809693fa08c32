package vn.gov.thidua.engine;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CreateGroupCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTenantCmd;
import org.camunda.bpm.engine.impl.cmd.CreateUserCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Who may create a user, group or tenant is checked before anything else about it. Camunda checks the id's pattern
 * and the password policy first and the CREATE permission only when saving, so an officer's {@code user/create} or
 * {@code tenant/create} with a weak password or an odd id got a 500 (and learnt the rule) instead of a 403.
 */
@Component
class IdentityCreationPlugin extends AbstractProcessEnginePlugin {

    private static final Map<Class<?>, Resource> CREATING = Map.of(
            CreateUserCmd.class, Resources.USER,
            CreateGroupCmd.class, Resources.GROUP,
            CreateTenantCmd.class, Resources.TENANT);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        CommandInterceptors.addBeforeEngine(configuration, () -> new CreatorsFirst(configuration));
    }

    static final class CreatorsFirst extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl configuration;

        CreatorsFirst(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            Resource resource = CREATING.get(command.getClass());
            if (resource != null && configuration.isAuthorizationEnabled()) {
                // the product's own work (seeding the directory) runs signed out; an administrator's API call signed in
                Authentication caller = configuration.getIdentityService().getCurrentAuthentication();
                if (caller != null && !configuration.getAuthorizationService().isUserAuthorized(caller.getUserId(),
                        caller.getGroupIds(), Permissions.CREATE, resource)) {
                    throw new AuthorizationException(caller.getUserId(), Permissions.CREATE.getName(), resource.resourceName(), null);
                }
            }
            return next.execute(command);
        }
    }
}
